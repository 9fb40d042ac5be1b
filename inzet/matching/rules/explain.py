"""Explanations per criterion, only for items the viewer may see (pure Python, no Django).

Each explanation is a ``Phrase`` (or a tuple of them): a Dutch (B1) message id with parameters,
translated by the Django layer (``inzet.lib.phrases_i18n``); ``Criterion.explanation_nl`` is the
Dutch text.
"""

from __future__ import annotations

from collections.abc import Mapping

from inzet.lib.phrases import Names, Number, Phrase, Term, _, ngettext_lazy, say
from inzet.matching.rules.values import (
    CRITERIA,
    HIDDEN_NL,
    LEVEL_LABELS_NL,
    Candidate,
    Criterion,
    _free_days,
    _haversine,
    _Plan,
)

# What a criterion counts, as a plural noun inside the sentences of ``_share``.
_AREAS = Term(_("ervaringsgebieden"))
_ROLES = Term(_("rollen"))
_COMPETENCES = Term(_("competenties (bevestigd)"))
_LANGUAGES = Term(_("talen"))


def _share(found: frozenset[str], asked: frozenset[str], what: Term, labels: Mapping[str, str]) -> Phrase:
    if not found:
        return say(_("Geen van de gevraagde %(what)s."), what=what)
    names = Names.of(found, labels)
    if found == asked:
        return say(_("Alle gevraagde %(what)s: %(names)s."), what=what, names=names)
    return say(
        _("%(found)d van de %(asked)d gevraagde %(what)s: %(names)s."),
        found=len(found),
        asked=len(asked),
        what=what,
        names=names,
    )


def _criteria(
    p: _Plan, c: Candidate, fractions: Mapping[str, float], labels: Mapping[str, str]
) -> tuple[Criterion, ...]:
    out = []
    for code, label, _item in CRITERIA:
        max_points = p.max[code]
        if not max_points:
            continue
        if code not in fractions:
            out.append(Criterion(code, label, 0.0, max_points, HIDDEN_NL, False))
            continue
        f = fractions[code]
        text = _explain(code, p, c, labels)
        out.append(Criterion(code, label, round(max_points * f, 2), max_points, text, True))
    return tuple(out)


def _explain(code: str, p: _Plan, c: Candidate, labels: Mapping[str, str]) -> Phrase | tuple[Phrase, ...]:
    """The (B1) explanation of a criterion the viewer may see."""
    r, w = p.request, p.weights
    if code == "experience_areas":
        return _share(p.areas & c.experience_areas, p.areas, _AREAS, labels)
    if code == "roles":
        return _share(p.roles & c.roles, p.roles, _ROLES, labels)
    if code == "competences":
        confirmed = p.competences & c.competences
        self_only = (p.competences & c.self_assessed_competences) - c.competences
        text = _share(confirmed, p.competences, _COMPETENCES, labels)
        if self_only:
            return text, say(_("Zelf ingeschat (telt half): %(names)s."), names=Names.of(self_only, labels))
        return text
    if code == "level":
        assert r.min_level is not None  # the level criterion applies only when a level is asked
        have, asked = Term(LEVEL_LABELS_NL[c.level]), Term(LEVEL_LABELS_NL[r.min_level])
        return say(_("Niveau: %(have)s. Gevraagd: %(asked)s of hoger."), have=have, asked=asked)
    if code == "availability":
        assert p.days is not None  # availability applies only to a request with dates
        free, total = _free_days(c, *p.days)
        if c.available_weekdays:
            if free == total:
                return ngettext_lazy(
                    "Beschikbaar op de enige dag in de periode waarop deze persoon werkt.",
                    "Beschikbaar op alle %(count)d dagen waarop deze persoon werkt in de periode.",
                    total,
                )
            return say(
                _("Beschikbaar op %(free)d van de %(total)d dagen waarop deze persoon werkt in de periode."),
                free=free,
                total=total,
            )
        if free == total:
            return ngettext_lazy(
                "Beschikbaar op de enige dag in de periode.",
                "Beschikbaar op alle %(count)d dagen in de periode.",
                total,
            )
        return say(_("Beschikbaar op %(free)d van de %(total)d dagen in de periode."), free=free, total=total)
    if code == "distance":
        if c._latlon is None:
            return say(_("Niet bekend waar deze persoon woont."))
        assert p.latlon is not None  # distance applies only to a request with a place
        d = round(_haversine(p.latlon, c._latlon))
        if c.travel_radius_km is None:
            return say(_("Ongeveer %(km)d km reizen."), km=d)
        return say(
            _("Ongeveer %(km)d km reizen. Wil tot %(radius)s km reizen."), km=d, radius=Number(c.travel_radius_km)
        )
    if code == "languages":
        return _share(p.languages & c.languages, p.languages, _LANGUAGES, labels)
    if code == "wants":
        liked = p.kinds & c.wants
        if liked:
            return say(_("Wil graag dit soort werk doen: %(names)s."), names=Names.of(liked, labels))
        return say(_("Heeft dit soort werk niet als wens opgegeven."))
    if code == "workload":
        per_week = c.hours_per_week if c.hours_per_week is not None else w.default_hours_per_week
        return say(
            _("%(hours)s uur gewerkt in de laatste 8 weken. Past bij deze persoon: ongeveer %(fits)s uur."),
            hours=Number(c.hours_last_8_weeks),
            fits=Number(8 * per_week),
        )
    if code == "recent_heavy":
        n = c.heavy_assignments_recent
        if n == 0:
            return say(_("Geen zware opdracht kort geleden."))
        return ngettext_lazy(
            "%(count)d zware opdracht kort geleden. Rust is belangrijk.",
            "%(count)d zware opdrachten kort geleden. Rust is belangrijk.",
            n,
        )
    if code == "feedback":
        if c.feedback_score is None:
            return say(_("Nog geen feedback."))
        return say(_("Eerdere feedback: %(score)d van de 100."), score=round(100 * c._feedback))
    raise ValueError(code)
