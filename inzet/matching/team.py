"""Team composition: choose the k experts who together fit a request best.

For requests that need more than one expert (a duo, which is the safe default for
psychological safety; a panel such as a spiegelgroep; a neighbourhood team of at
least two: docs/domain/request-loop.md#teams). No Django; numpy and scipy only.

The choice is solved exactly as a mixed-integer program (``scipy.optimize.milp``,
HiGHS) with these priorities:

1. cover as many of the asked experience areas and roles as possible (each asked
   item counts once, whoever covers it) — a coverage point outweighs any difference
   in score or diversity, so when full coverage is possible it is always reached;
2. then the highest sum of match scores plus a diversity bonus: per diversity
   attribute (age band, region, level, ...) ``diversity_weights[attr]`` points per
   distinct value in the team.

Hard rules: exactly ``k`` people (fewer only when fewer are available); never the
coordinator who composes the team (``exclude_person_id``, docs/domain/request-loop.md#independence); never the
same person twice; optionally at most ``max_same[attr]`` members sharing one value.
Alternatives are the next-best distinct teams: after each solution a "no-good" cut
(the same k people may not all be chosen again) is added and the model solved again.

Consent: ``TeamCandidate`` holds only what the viewer may see. Build it with
``TeamCandidate.from_match`` to apply the policy of ``rules.py`` (hidden areas,
roles and level count as unknown, so the explanation never names them).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from inzet.lib.phrases import Capitalised, Names, Number, Phrase, Term, _, ngettext_lazy, say
from inzet.matching.rules import LEVEL_LABELS_NL, Candidate, Match

DEFAULT_DIVERSITY_WEIGHT = 5.0
# Words for common attributes and values (message ids); ``labels`` passed in take precedence.
DEFAULT_LABELS_NL: dict[str, object] = {
    "age_band": Term(_("leeftijdsgroep")),
    "region": Term(_("regio")),
    "level": Term(_("niveau")),
    **{code: Term(label) for code, label in LEVEL_LABELS_NL.items()},
}
_AREAS = Term(_("ervaringsgebieden"))
_ROLES = Term(_("rollen"))
# Who covers: one person, a duo, a trio; bigger teams are "Dit team van n mensen".
_WHO = {1: say(_("Deze persoon")), 2: say(_("Dit duo")), 3: say(_("Dit trio"))}


@dataclass(frozen=True)
class TeamCandidate:
    expert_id: int
    person_id: int
    score: float  # match score for this request, usually 0-100 from rules.rank
    areas: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    # Diversity attributes, e.g. {"age_band": "25-34", "region": "oost", "level": "expertise"}.
    attributes: Mapping[str, str] = field(default_factory=dict, hash=False)

    @classmethod
    def from_match(
        cls, candidate: Candidate, match: Match, *, attributes: Mapping[str, str] | None = None
    ) -> TeamCandidate:
        """Only what the viewer may see of ``candidate``; the level becomes an attribute.

        ``attributes`` (age band, region, ...) must already be limited to what the
        viewer may see.
        """
        attrs = dict(attributes or {})
        if candidate.may_see("level"):
            attrs.setdefault("level", candidate.level)
        return cls(
            expert_id=candidate.expert_id,
            person_id=candidate.person_id,
            score=match.score,
            areas=candidate.experience_areas if candidate.may_see("experience_areas") else frozenset(),
            roles=candidate.roles if candidate.may_see("roles") else frozenset(),
            attributes=attrs,
        )


@dataclass(frozen=True)
class Team:
    chosen: tuple[int, ...]  # expert ids, highest score first
    score_total: float
    diversity_bonus: float
    objective: float  # score_total + diversity_bonus (coverage comes first, see module)
    optimal: bool  # proven optimal by the solver (status 0, relative gap 0)
    feasible: bool  # False: no team meets the hard rules (chosen is then empty)
    covered_areas: frozenset[str]
    uncovered_areas: frozenset[str]
    covered_roles: frozenset[str]
    uncovered_roles: frozenset[str]
    explanation: tuple[Phrase, ...]  # message ids with parameters; explanation_nl is the Dutch text

    @property
    def explanation_nl(self) -> tuple[str, ...]:
        return tuple(str(line) for line in self.explanation)

    @property
    def coverage(self) -> int:
        return len(self.covered_areas) + len(self.covered_roles)


@dataclass(frozen=True)
class TeamResult(Team):
    alternatives: tuple[Team, ...] = ()  # next-best distinct teams, best first


class _Model:
    """The MILP for one composition; ``solve`` can be called again after ``forbid``."""

    def __init__(
        self,
        members: list[TeamCandidate],
        k: int,
        required_areas: frozenset[str],
        required_roles: frozenset[str],
        diversity_weights: Mapping[str, float],
        max_same: Mapping[str, int],
    ) -> None:
        self.members, self.k = members, k
        n = len(members)
        # Diversity indicators y[attr, value] <= sum of x over members with it.
        weighted = [a for a, w in diversity_weights.items() if w > 0]
        values = sorted({(a, m.attributes[a]) for m in members for a in weighted if a in m.attributes})
        # Coverage indicators u[item] <= sum of x over members who cover it; items
        # nobody has get no indicator (they can never be covered).
        items = [("area", a) for a in sorted(required_areas) if any(a in m.areas for m in members)]
        items += [("role", r) for r in sorted(required_roles) if any(r in m.roles for m in members)]
        scores = np.array([m.score for m in members], dtype=float)
        spread = float(scores.max() - scores.min()) if n else 0.0
        max_bonus = sum(w * min(k, len({v for a2, v in values if a2 == a})) for a, w in diversity_weights.items())
        # One more covered item must outweigh any difference in score and diversity.
        coverage_weight = 1.0 + k * spread + max_bonus
        n_vars = n + len(values) + len(items)
        cost = np.concatenate([-scores, [-diversity_weights[a] for a, _ in values], [-coverage_weight] * len(items)])
        rows: list[tuple[list[int], list[float], float, float]] = [(list(range(n)), [1.0] * n, k, k)]
        for j, (a, v) in enumerate(values):
            who = [i for i, m in enumerate(members) if m.attributes.get(a) == v]
            rows.append(([n + j, *who], [1.0] + [-1.0] * len(who), -math.inf, 0.0))
        for j, (kind, code) in enumerate(items):
            have = [i for i, m in enumerate(members) if code in (m.areas if kind == "area" else m.roles)]
            rows.append(([n + len(values) + j, *have], [1.0] + [-1.0] * len(have), -math.inf, 0.0))
        by_person: dict[int, list[int]] = {}
        for i, m in enumerate(members):
            by_person.setdefault(m.person_id, []).append(i)
        for same in by_person.values():
            if len(same) > 1:
                rows.append((same, [1.0] * len(same), -math.inf, 1.0))
        for a, limit in max_same.items():
            for value in sorted({m.attributes[a] for m in members if a in m.attributes}):
                who = [i for i, m in enumerate(members) if m.attributes.get(a) == value]
                if len(who) > limit:
                    rows.append((who, [1.0] * len(who), -math.inf, float(limit)))
        self.rows, self.n_vars, self.cost = rows, n_vars, cost
        self.integrality = np.concatenate([np.ones(n), np.zeros(n_vars - n)])

    def forbid(self, chosen: Iterable[int]) -> None:
        """No-good cut: these k members may not all be chosen together again."""
        idx = sorted(chosen)
        self.rows.append((idx, [1.0] * len(idx), -math.inf, len(idx) - 1.0))

    def solve(self, time_limit_s: float) -> tuple[list[int] | None, bool]:
        """Indexes of the chosen members (None: no team found) and proven optimality."""
        r, c, data = [], [], []
        lower, upper = [], []
        for row, (cols, coefs, lo, hi) in enumerate(self.rows):
            r += [row] * len(cols)
            c += cols
            data += coefs
            lower.append(lo)
            upper.append(hi)
        matrix = coo_array((data, (r, c)), shape=(len(self.rows), self.n_vars)).tocsr()
        res = milp(
            self.cost,
            integrality=self.integrality,
            bounds=Bounds(0, 1),
            constraints=LinearConstraint(matrix, lower, upper),
            options={"time_limit": max(time_limit_s, 0.01), "mip_rel_gap": 0.0, "presolve": True},
        )
        if res.x is None:
            return None, res.status == 2  # status 2: proven infeasible
        chosen = [i for i in range(len(self.members)) if res.x[i] > 0.5]
        return chosen, res.status == 0


def compose_team(
    members: Iterable[TeamCandidate],
    *,
    k: int,
    required_areas: Iterable[str] = (),
    required_roles: Iterable[str] = (),
    exclude_person_id: int | None = None,
    alternatives: int = 2,
    diversity_weights: Mapping[str, float] | None = None,
    max_same: Mapping[str, int] | None = None,
    time_limit_s: float = 10.0,
    labels: Mapping[str, object] | None = None,
) -> TeamResult:
    """The best team of ``k`` from ``members``, with up to ``alternatives`` runners-up.

    ``diversity_weights`` maps an attribute to the bonus per distinct value (default:
    ``DEFAULT_DIVERSITY_WEIGHT`` for every attribute any member has); ``max_same``
    caps how many members may share one value of an attribute. ``exclude_person_id``
    is the coordinator composing the team: never chosen. ``labels`` maps codes and
    attribute names to Dutch words for the explanation. ``time_limit_s`` is for all
    solves together; a result the solver could not prove best has ``optimal`` False.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    if alternatives < 0:
        raise ValueError("alternatives must be 0 or more")
    pool = sorted(
        (m for m in members if exclude_person_id is None or m.person_id != exclude_person_id),
        key=lambda m: m.expert_id,
    )
    if len({m.expert_id for m in pool}) != len(pool):
        raise ValueError("expert_id must be unique")
    areas, roles = frozenset(required_areas), frozenset(required_roles)
    if diversity_weights is None:
        diversity_weights = {a: DEFAULT_DIVERSITY_WEIGHT for m in pool for a in m.attributes}
    if any(w < 0 for w in diversity_weights.values()):
        raise ValueError("diversity weights must not be negative")
    size = min(k, len({m.person_id for m in pool}))
    explain = _Explainer(pool, k, size, areas, roles, diversity_weights, {**DEFAULT_LABELS_NL, **(labels or {})})
    if size == 0:
        return _no_team(explain, say(_("Er is niemand beschikbaar voor dit team.")))

    deadline = time.monotonic() + time_limit_s
    model = _Model(pool, size, areas, roles, diversity_weights, dict(max_same or {}))
    chosen, optimal = model.solve(time_limit_s)
    if chosen is None:
        if optimal:  # proven infeasible
            return _no_team(explain, say(_("Met deze eisen aan de samenstelling is geen team te maken.")))
        return _no_team(explain, say(_("De computer had te weinig tijd om een team te vinden.")))
    best = explain.team(chosen, optimal, best=None)
    others = []
    while len(others) < alternatives:
        model.forbid(chosen)
        chosen, optimal = model.solve(deadline - time.monotonic())
        if chosen is None:
            break  # no other team possible, or no time left
        others.append(explain.team(chosen, optimal, best=best))
    return TeamResult(**vars(best), alternatives=tuple(others))


def _no_team(explain: _Explainer, why: Phrase) -> TeamResult:
    return TeamResult(
        chosen=(),
        score_total=0.0,
        diversity_bonus=0.0,
        objective=0.0,
        optimal=False,
        feasible=False,
        covered_areas=frozenset(),
        uncovered_areas=explain.areas,
        covered_roles=frozenset(),
        uncovered_roles=explain.roles,
        explanation=(why,),
    )


class _Explainer:
    """Works out what a chosen team covers and says it in plain Dutch (B1), as message ids."""

    def __init__(
        self,
        pool: list[TeamCandidate],
        k: int,
        size: int,
        areas: frozenset[str],
        roles: frozenset[str],
        diversity_weights: Mapping[str, float],
        labels: Mapping[str, object],
    ) -> None:
        self.pool, self.k, self.size = pool, k, size
        self.areas, self.roles = areas, roles
        self.diversity_weights, self.labels = diversity_weights, labels
        self.nobody_areas = frozenset(a for a in areas if not any(a in m.areas for m in pool))
        self.nobody_roles = frozenset(r for r in roles if not any(r in m.roles for m in pool))

    def team(self, chosen: list[int], optimal: bool, *, best: Team | None) -> Team:
        members = sorted((self.pool[i] for i in chosen), key=lambda m: (-m.score, m.expert_id))
        distinct = self.distinct(members)
        covered_areas = frozenset().union(*(m.areas for m in members)) & self.areas
        covered_roles = frozenset().union(*(m.roles for m in members)) & self.roles
        score_total = float(sum(m.score for m in members))
        bonus = float(sum(self.diversity_weights[a] * len(v) for a, v in distinct.items()))
        team = Team(
            chosen=tuple(m.expert_id for m in members),
            score_total=score_total,
            diversity_bonus=bonus,
            objective=score_total + bonus,
            optimal=optimal,
            feasible=True,
            covered_areas=covered_areas,
            uncovered_areas=self.areas - covered_areas,
            covered_roles=covered_roles,
            uncovered_roles=self.roles - covered_roles,
            explanation=(),
        )
        return replace(team, explanation=tuple(self.lines(team, distinct, best)))

    def distinct(self, members: list[TeamCandidate]) -> dict[str, set[str]]:
        return {
            a: {m.attributes[a] for m in members if a in m.attributes}
            for a, w in sorted(self.diversity_weights.items())
            if w > 0
        }

    def lines(self, team: Team, distinct: dict[str, set[str]], best: Team | None) -> list[Phrase]:
        n = len(team.chosen)
        noun = _WHO.get(n) or say(_("Dit team van %(n)d mensen"), n=n)
        out = []
        if best is not None:
            if team.coverage < best.coverage:
                out.append(say(_("Dit team heeft minder van wat gevraagd is dan het eerste voorstel.")))
            diff = best.objective - team.objective
            if diff > 0.05:
                out.append(
                    say(
                        _("Dit team scoort %(points)s punten lager dan het eerste voorstel."),
                        points=Number(diff, ".1f"),
                    )
                )
            elif diff > -0.05:
                out.append(say(_("Dit team scoort even hoog als het eerste voorstel.")))
        if self.size < self.k:
            out.append(
                ngettext_lazy(
                    "Gevraagd waren %(asked)d mensen, maar er is er maar %(count)d beschikbaar.",
                    "Gevraagd waren %(asked)d mensen, maar er zijn er maar %(count)d beschikbaar.",
                    self.size,
                    asked=self.k,
                )
            )
        for asked, covered, nobody, what in (
            (self.areas, team.covered_areas, self.nobody_areas, _AREAS),
            (self.roles, team.covered_roles, self.nobody_roles, _ROLES),
        ):
            if not asked:
                continue
            names = Names.of(covered, self.labels)
            if covered == asked:
                if n > 1:
                    out.append(
                        say(
                            _("%(who)s heeft samen alle gevraagde %(what)s: %(names)s."),
                            who=noun,
                            what=what,
                            names=names,
                        )
                    )
                else:
                    out.append(
                        say(_("%(who)s heeft alle gevraagde %(what)s: %(names)s."), who=noun, what=what, names=names)
                    )
                continue
            if covered:
                counts = {"who": noun, "found": len(covered), "asked": len(asked), "what": what, "names": names}
                if n > 1:
                    out.append(
                        say(
                            _("%(who)s heeft samen %(found)d van de %(asked)d gevraagde %(what)s: %(names)s."), **counts
                        )
                    )
                else:
                    out.append(
                        say(_("%(who)s heeft %(found)d van de %(asked)d gevraagde %(what)s: %(names)s."), **counts)
                    )
            if nobody:
                out.append(
                    say(
                        _("Niemand die beschikbaar is, heeft deze %(what)s: %(names)s."),
                        what=what,
                        names=Names.of(nobody, self.labels),
                    )
                )
            missed = asked - covered - nobody
            if missed:
                out.append(
                    ngettext_lazy(
                        "Met %(count)d persoon lukt het niet om ook dit erbij te hebben: %(names)s.",
                        "Met %(count)d mensen lukt het niet om ook dit erbij te hebben: %(names)s.",
                        n,
                        names=Names.of(missed, self.labels),
                    )
                )
        for a, found in distinct.items():
            if found:
                word = Capitalised(self.labels.get(a, a))
                out.append(
                    say(
                        _("%(what)s: %(count)d verschillend (%(names)s)."),
                        what=word,
                        count=len(found),
                        names=Names.of(found, self.labels),
                    )
                )
        average = Number(team.score_total / n, ".0f")
        if best is None and team.optimal:
            out.append(
                say(
                    _("Samen de beste keuze volgens de rekenregels. Gemiddelde score: %(score)s van de 100."),
                    score=average,
                )
            )
        else:
            out.append(say(_("Gemiddelde score: %(score)s van de 100."), score=average))
        if not team.optimal:
            out.append(say(_("Let op: de computer had te weinig tijd. Er is misschien een beter team.")))
        return out


def fill_team(
    members: Iterable[TeamCandidate],
    *,
    k: int,
    taken: Iterable[int] = (),
    required_areas: Iterable[str] = (),
    required_roles: Iterable[str] = (),
    **options,
) -> TeamResult:
    """Propose only the seats still open, around the people already in (accepted) or asked (pending).

    ``taken`` are the expert ids with an accepted or pending invitation: they are never proposed
    again and fill seats. What those among ``members`` already cover need not be covered again.
    The rest of ``options`` goes to ``compose_team``. With no seat open the result is feasible
    and empty.
    """
    taken = frozenset(taken)
    members = list(members)
    inside = [m for m in members if m.expert_id in taken]
    persons = {m.person_id for m in inside}
    rest = [m for m in members if m.expert_id not in taken and m.person_id not in persons]
    areas, roles = frozenset(required_areas), frozenset(required_roles)
    covered_areas = frozenset().union(*(m.areas for m in inside)) & areas
    covered_roles = frozenset().union(*(m.roles for m in inside)) & roles
    open_seats = k - len(taken)
    if open_seats <= 0:
        return TeamResult(
            chosen=(),
            score_total=0.0,
            diversity_bonus=0.0,
            objective=0.0,
            optimal=True,
            feasible=True,
            covered_areas=covered_areas,
            uncovered_areas=areas - covered_areas,
            covered_roles=covered_roles,
            uncovered_roles=roles - covered_roles,
            explanation=(say(_("Alle plekken zijn bezet of wachten op antwoord. Er hoeft niemand bij.")),),
        )
    result = compose_team(
        rest,
        k=open_seats,
        required_areas=areas - covered_areas,
        required_roles=roles - covered_roles,
        **options,
    )
    if taken and result.feasible:
        line = say(
            _("Aangevuld tot %(k)d: %(taken)d al gevraagd of al ja gezegd, %(proposed)d voorgesteld."),
            k=k,
            taken=len(taken),
            proposed=len(result.chosen),
        )
        result = replace(result, explanation=(line, *result.explanation))
    return result
