"""The "klik" between a resident and an expert of the team. Pure: no Django imports.

Seed 004 matches on the person, not the problem (l.946–956, 631–637): language, age, gender,
the neighbourhood, and experience that fits the resident's life domains. Never on a diagnosis:
neither side carries one, so no score can use it. The resident decides (l.3359–3360); this only
orders the team's experts and says why, in the `Criterion`/`Match` shape of the matching rules.

Each criterion counts only when the resident said something about it, so its maximum depends on
the resident alone: the score is the share of the points the resident's wishes make possible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from inzet.lib.phrases import Names, _, ngettext_lazy, say
from inzet.matching.rules import Criterion, Match

POINTS = {"languages": 30.0, "gender": 20.0, "experience": 25.0, "neighbourhood": 15.0, "age": 10.0}
AGE_SPAN = 30  # years apart at which age adds nothing any more


@dataclass(frozen=True, slots=True)
class Wish:
    """What the resident finds important. Empty means: does not matter."""

    languages: frozenset[str] = frozenset()
    age: int | None = None
    expert_gender: str = ""
    neighbourhood: str = ""
    domains: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Expert:
    person_id: int
    languages: frozenset[str] = frozenset()
    age: int | None = None
    gender: str = ""
    areas: frozenset[str] = frozenset()  # lower-case area names the expert knows well
    domains: frozenset[str] = frozenset()
    open_trajectories: int = 0


def areas_from(text: str) -> frozenset[str]:
    """'Noord, Overvecht' → {'noord', 'overvecht'}."""
    return frozenset(part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip())


def _criteria(wish: Wish, expert: Expert, labels: Mapping[str, str]) -> list[Criterion]:
    # Labels and explanations are message ids (inzet.lib.phrases): the page shows them in the reader's language.
    out = []
    if wish.languages:
        shared = wish.languages & expert.languages
        text = (
            say(_("Spreekt %(names)s."), names=Names.of(shared, labels))
            if shared
            else _("Spreekt geen van de gewenste talen.")
        )
        out.append(
            Criterion("languages", _("Taal"), POINTS["languages"] if shared else 0.0, POINTS["languages"], text, True)
        )
    if wish.expert_gender:
        same = expert.gender.strip().lower() == wish.expert_gender.strip().lower()
        text = _("Zoals de bewoner het liefst heeft.") if same else _("Niet wat de bewoner het liefst heeft.")
        out.append(Criterion("gender", _("Geslacht"), POINTS["gender"] if same else 0.0, POINTS["gender"], text, True))
    if wish.domains:
        shared = wish.domains & expert.domains
        fraction = len(shared) / len(wish.domains)
        text = (
            say(_("Ervaring met %(names)s."), names=Names.of(shared, labels))
            if shared
            else _("Geen ervaring op deze leefgebieden genoemd.")
        )
        out.append(
            Criterion(
                "experience",
                _("Ervaring die past"),
                round(POINTS["experience"] * fraction, 2),
                POINTS["experience"],
                text,
                True,
            )
        )
    if wish.neighbourhood.strip():
        knows = wish.neighbourhood.strip().lower() in expert.areas
        text = _("Kent de wijk goed.") if knows else _("Kent deze wijk niet speciaal.")
        points = POINTS["neighbourhood"] if knows else 0.0
        out.append(Criterion("neighbourhood", _("Wijk"), points, POINTS["neighbourhood"], text, True))
    if wish.age is not None:
        if expert.age is None:
            out.append(Criterion("age", _("Leeftijd"), 0.0, POINTS["age"], _("Leeftijd niet bekend."), True))
        else:
            apart = abs(wish.age - expert.age)
            points = round(POINTS["age"] * max(0.0, 1 - apart / AGE_SPAN), 2)
            text = ngettext_lazy("Scheelt %(count)s jaar.", "Scheelt %(count)s jaar.", apart)
            out.append(Criterion("age", _("Leeftijd"), points, POINTS["age"], text, True))
    return out


def evaluate(wish: Wish, expert: Expert, labels: Mapping[str, str] | None = None) -> Match:
    """How well one expert fits the resident's wishes, 0–100, with the reasons per criterion."""
    criteria = _criteria(wish, expert, labels or {})
    total = sum(c.max_points for c in criteria)
    score = round(100 * sum(c.points for c in criteria) / total, 2) if total else 0.0
    return Match(expert_id=expert.person_id, score=score, criteria=tuple(criteria))


def rank(wish: Wish, experts: Iterable[Expert], labels: Mapping[str, str] | None = None) -> list[Match]:
    """Best fit first; at equal fit the expert with fewer open trajectories, then by id (stable)."""
    load = {}
    matches = []
    for expert in experts:
        load[expert.person_id] = expert.open_trajectories
        matches.append(evaluate(wish, expert, labels))
    return sorted(matches, key=lambda m: (-m.score, load[m.expert_id], m.expert_id))
