"""``CandidatePool``: a viewer's candidates indexed once (bit sets), ranked exactly as ``rank`` ranks them."""

from __future__ import annotations

import functools
import heapq
import operator
from collections.abc import Iterable, Mapping

from inzet.matching.rules.scoring import _Top
from inzet.matching.rules.values import (
    _B_AREAS,
    _B_COMPETENCES,
    _B_LEVEL,
    _B_ROLES,
    _LEVEL_RANK,
    DEFAULT_WEIGHTS,
    Candidate,
    Match,
    RequestSpec,
    Weights,
    _Plan,
)


def _bitset(indexes: Iterable[int], size: int) -> int:
    raw = bytearray(size // 8 + 1)
    for i in indexes:
        raw[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(raw, "little")


def _members(bits: int) -> list[int]:
    """Indexes of the set bits, lowest first."""
    s = bin(bits)[:1:-1]  # least significant bit first, without "0b"
    out = []
    i = s.find("1")
    while i >= 0:
        out.append(i)
        i = s.find("1", i + 1)
    return out


def _count_planes(sets: list[int], full: int) -> list[int]:
    """sets[k] = members with exactly k of the given bit sets (bit-sliced adder)."""
    planes: list[int] = []
    for bits in sets:
        carry = bits
        for j in range(len(planes)):
            planes[j], carry = planes[j] ^ carry, planes[j] & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    exact = []
    for k in range(len(sets) + 1):
        group = full
        for j, plane in enumerate(planes):
            group &= plane if k >> j & 1 else full ^ plane
        exact.append(group if k < 1 << len(planes) else 0)
    return exact


class CandidatePool:
    """Candidates for one viewer, indexed once so that each ranking is fast.

    ``pool.rank(...)`` returns exactly what ``rank(...)`` returns for the same
    candidates (a property test holds them to that). The pool keeps bit sets of who
    has each experience area, role, competence and level *and shares it with the
    viewer*, so the index follows the consent policy. A ranking splits the pool
    into groups by how much of the asked areas, roles, competences and level people
    have and which items they share, works out the most points each group can
    reach, scores the most promising groups first and skips every group that can no
    longer reach the current top ``limit``. Build a new pool when the candidates or
    the viewer change.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        n = len(self.candidates)
        if len({c.expert_id for c in self.candidates}) != n:
            raise ValueError("expert_id must be unique in a pool")
        self._full = (1 << n) - 1
        by_mask: dict[int, list[int]] = {}  # who is active, by what the viewer sees
        index: dict[tuple[str, str], list[int]] = {}  # (item, code) -> who
        for i, c in enumerate(self.candidates):
            if c.consent_to_matching and not c.paused:
                by_mask.setdefault(c._vmask, []).append(i)
            vis = c._vmask
            if vis & _B_AREAS:
                for code in c.experience_areas:
                    index.setdefault(("experience_areas", code), []).append(i)
            if vis & _B_ROLES:
                for code in c.roles:
                    index.setdefault(("roles", code), []).append(i)
            if vis & _B_COMPETENCES:
                for code in c.competences | c.self_assessed_competences:
                    index.setdefault(("competences", code), []).append(i)
            if vis & _B_LEVEL:
                index.setdefault(("level", c.level), []).append(i)
        self._by_mask = {mask: _bitset(ix, n) for mask, ix in by_mask.items()}
        self._index = {key: _bitset(ix, n) for key, ix in index.items()}

    def __len__(self) -> int:
        return len(self.candidates)

    def _dimensions(self, p: _Plan) -> list[tuple[int, float, list[tuple[float, int]]]]:
        """Per indexed criterion: its item bit, its maximum points, and tiers of
        (highest possible fraction, who). Together the tiers of a criterion hold
        everyone; who hides the item is in the 0 tier."""
        full, index = self._full, self._index
        dims = []
        for code, bit, asked in (
            ("experience_areas", _B_AREAS, p.areas),
            ("roles", _B_ROLES, p.roles),
            ("competences", _B_COMPETENCES, p.competences),
        ):
            if p.max[code]:
                counts = _count_planes([index.get((code, c), 0) for c in sorted(asked)], full)
                tiers = [(k / len(asked), bits) for k, bits in enumerate(counts)]
                dims.append((bit, p.max[code], tiers))
        if p.max["level"]:
            by_fraction: dict[float, int] = {}
            for level, rank in _LEVEL_RANK.items():
                f = p.level_fraction[rank]
                if f:
                    by_fraction[f] = by_fraction.get(f, 0) | index.get(("level", level), 0)
            rest = full ^ functools.reduce(operator.or_, by_fraction.values(), 0)
            dims.append((_B_LEVEL, p.max["level"], [*by_fraction.items(), (0.0, rest)]))
        return dims

    def rank(
        self,
        request: RequestSpec,
        *,
        viewer_person_id: int,
        weights: Weights = DEFAULT_WEIGHTS,
        limit: int = 20,
        labels: Mapping[str, str] | None = None,
    ) -> list[Match]:
        """Same contract and result as the module's ``rank``."""
        if limit <= 0:
            return []
        p = _Plan(request, weights, viewer_person_id)
        top = _Top(p, limit)
        dims = self._dimensions(p)
        # First split: by which items people share. ``rest`` is the most points
        # from the criteria that are not indexed.
        rests: dict[float, int] = {}
        for mask, bits in self._by_mask.items():
            rest = p.vis_max[mask] - sum(m for bit, m, _ in dims if mask & bit)
            rests[rest] = rests.get(rest, 0) | bits
        if not rests:
            return []  # nobody is willing and not paused
        tier_lists = [sorted(rests.items(), reverse=True)]
        tier_lists += [sorted(tiers, key=lambda t: -t[0]) for _, _, tiers in dims]
        maxes = [1.0] + [m for _, m, _ in dims]

        def bound(key: tuple[int, ...]) -> float:
            return sum(m * tiers[t][0] for m, tiers, t in zip(maxes, tier_lists, key, strict=True))

        cache: dict[tuple[int, ...], int] = {(): self._full}

        def members(key: tuple[int, ...]) -> int:
            bits = cache.get(key)
            if bits is None:
                bits = members(key[:-1])
                if bits:
                    bits &= tier_lists[len(key) - 1][key[-1]][1]
                cache[key] = bits
            return bits

        # Best-first walk over the groups (one tier per criterion): the bound only
        # drops when a tier index goes up, so the walk can stop at the first group
        # that cannot reach the current top.
        start = (0,) * len(tier_lists)
        queue = [(-bound(start), start)]
        seen = {start}
        while queue:
            negative_bound, key = heapq.heappop(queue)
            if -negative_bound < top.floor:
                break
            bits = members(key)
            if bits:
                top.scan(self.candidates[i] for i in _members(bits))
            for d, t in enumerate(key):
                if t + 1 < len(tier_lists[d]):
                    nxt = (*key[:d], t + 1, *key[d + 1 :])
                    if nxt not in seen:
                        seen.add(nxt)
                        heapq.heappush(queue, (-bound(nxt), nxt))
        return top.matches(labels)
