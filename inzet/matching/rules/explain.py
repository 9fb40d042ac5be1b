"""Dutch (B1) explanations per criterion, only for items the viewer may see (pure Python, no Django)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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


def _names(codes: Iterable[str], labels: Mapping[str, str]) -> str:
    names = sorted(labels.get(code, code) for code in codes)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _share(found: frozenset[str], asked: frozenset[str], what: str, labels) -> str:
    if not found:
        return f"Geen van de gevraagde {what}."
    if found == asked:
        return f"Alle gevraagde {what}: {_names(found, labels)}."
    return f"{len(found)} van de {len(asked)} gevraagde {what}: {_names(found, labels)}."


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


def _explain(code: str, p: _Plan, c: Candidate, labels: Mapping[str, str]) -> str:
    """Dutch (B1) text for a criterion the viewer may see."""
    r, w = p.request, p.weights
    if code == "experience_areas":
        return _share(p.areas & c.experience_areas, p.areas, "ervaringsgebieden", labels)
    if code == "roles":
        return _share(p.roles & c.roles, p.roles, "rollen", labels)
    if code == "competences":
        confirmed = p.competences & c.competences
        self_only = (p.competences & c.self_assessed_competences) - c.competences
        text = _share(confirmed, p.competences, "competenties (bevestigd)", labels)
        if self_only:
            text += f" Zelf ingeschat (telt half): {_names(self_only, labels)}."
        return text
    if code == "level":
        have, asked = LEVEL_LABELS_NL[c.level], LEVEL_LABELS_NL[r.min_level]
        return f"Niveau: {have}. Gevraagd: {asked} of hoger."
    if code == "availability":
        free, total = _free_days(c, r.start, r.end)
        days = "dagen waarop deze persoon werkt" if c.available_weekdays else "dagen"
        if free == total:
            return f"Beschikbaar op alle {total} {days} in de periode."
        return f"Beschikbaar op {free} van de {total} {days} in de periode."
    if code == "distance":
        if c._latlon is None:
            return "Niet bekend waar deze persoon woont."
        d = round(_haversine(p.latlon, c._latlon))
        if c.travel_radius_km is None:
            return f"Ongeveer {d} km reizen."
        return f"Ongeveer {d} km reizen. Wil tot {c.travel_radius_km:g} km reizen."
    if code == "languages":
        return _share(p.languages & c.languages, p.languages, "talen", labels)
    if code == "wants":
        liked = p.kinds & c.wants
        if liked:
            return f"Wil graag dit soort werk doen: {_names(liked, labels)}."
        return "Heeft dit soort werk niet als wens opgegeven."
    if code == "workload":
        per_week = c.hours_per_week if c.hours_per_week is not None else w.default_hours_per_week
        return (
            f"{c.hours_last_8_weeks:g} uur ingezet in de laatste 8 weken. "
            f"Past bij deze persoon: ongeveer {8 * per_week:g} uur."
        )
    if code == "recent_heavy":
        n = c.heavy_assignments_recent
        if n == 0:
            return "Geen zware opdracht kort geleden."
        return f"{n} zware opdracht{'en' if n > 1 else ''} kort geleden. Rust is belangrijk."
    if code == "feedback":
        if c.feedback_score is None:
            return "Nog geen feedback."
        return f"Eerdere feedback: {round(100 * c._feedback)} van de 100."
    raise ValueError(code)
