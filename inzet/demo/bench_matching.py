"""Matching benchmarks over the synthetic dataset of `manage.py inzet seed`.

`bench_match(experts)` returns figures as (name, value, unit, target) tuples for the benchmark
registry in inzet/demo/bench.py. Standalone (prints `BENCH <name> <value> <unit>` lines):

    INZET_DATABASE_URL=sqlite:////path/bench.sqlite3 python -m inzet.demo.bench_matching --experts 100000

The setting: ONE request addressed to the first seeded organisation, ranked over ALL seeded
experts (about 5,000 per organisation, so 20 times what a page ranks), by a coordinator of every
seeded organisation (so every expert is seen at the coordinator level, as on the page).

- match_fetch_p95_ms / _p50_ms / _cpu_ms: building the candidates from the database
  (selectors.candidate_set with organisation_ids=None: the queries plus turning rows into
  rules.Candidate values, skipping those the rules would drop for distance or does-not-want);
  the CPU time is given too because wall-clock times swing on a shared machine;
- match_rank_p95_ms: rules.rank + explanations of the top 20, given those candidates (target
  ≤ 50 ms); match_rank_unfiltered_p95_ms: the same over every active expert (all of them built);
- match_pool_rank_p95_ms / match_pool_build_ms: the same ranking with rules.CandidatePool (an
  index built once per candidate set, for pages that rank the same pool again and again);
- team_compose_s: choosing 6 from the best 300 with coverage of the asked areas and role, the
  diversity bonus (age band, region, level) and at most 3 of one age band or level (the hard
  diversity constraints), plus 2 alternatives, each solved to proven optimality (target ≤ 1 s);
  team_compose_optimal: 1 when all three teams are proven optimal.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta

BENCH_REQUEST_TITLE = "Benchmark: koppelen"
BENCH_COORDINATOR = "bench-matching@seed.example.org"
TEAM_SIZE = 6
# Diversity as hard constraints on top of the bonuses: at most half the team of one age band or level.
MAX_SAME = {"age_band": 3, "level": 3}

Figure = tuple[str, float, str, str]


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def _timed(call: Callable[[], object], *, runs: int, warmup: int) -> tuple[list[float], object]:
    result = None
    for _ in range(warmup):
        result = call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def ensure_seeded(experts: int) -> int:
    """At least `experts` seeded experts (adds the missing ones); returns how many there are."""
    from inzet.accounts.models import User
    from inzet.demo.seed import seed_experts

    have = User.objects.filter(email__startswith="seed-").count()
    if have < experts:
        seed_experts(experts - have)
    return max(have, experts)


def bench_setup():
    """The benchmark request and its viewer (idempotent): returns (request, coordinator)."""
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.engagements.models import EngagementRequest, RequestStatus
    from inzet.organisations.models import Membership, Organisation, Role
    from inzet.taxonomy.models import PostcodeArea, Term

    organisations = list(Organisation.objects.filter(slug__startswith="seed-org-").order_by("pk"))
    if not organisations:
        raise RuntimeError("No seeded organisations: run `manage.py inzet seed --experts N` first.")
    user, _created = User.objects.get_or_create(email=BENCH_COORDINATOR, defaults={"full_name": "Bench Koppelaar"})
    for organisation in organisations:
        Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.COORDINATOR)
    asker, _created = Organisation.objects.get_or_create(
        slug="seed-asker", defaults={"name": "Seed-gemeente", "kind": Organisation.Kind.ASKER}
    )

    def term(vocabulary: str, code: str) -> Term:
        return Term.objects.get(vocabulary=vocabulary, code=code)

    start = timezone.localdate() + timedelta(days=14)
    area = PostcodeArea.objects.filter(region="Utrecht").order_by("pc4").first() or PostcodeArea.objects.first()
    request, created = EngagementRequest.objects.get_or_create(
        title=BENCH_REQUEST_TITLE,
        deploying_organisation=organisations[0],
        defaults={
            "asker_organisation": asker,
            "created_by": user,
            "goal": "Meedenken over beleid voor inwoners met schulden en psychische klachten",
            "status": RequestStatus.MATCHING,
            "submitted_at": timezone.now(),
            "role": term("role", "policy_influencer"),
            "practice_setting": term("practice_setting", "institutions"),
            "min_level": term("level", "expertise"),
            "experts_needed": TEAM_SIZE,
            "hours_estimate": 8,
            "online": False,
            "area": area,
            "postcode": f"{area.pc4}" if area else "",
            "is_heavy": True,
        },
    )
    # Dates move with the calendar, so the availability criterion always applies.
    request.start_date, request.end_date = start, start + timedelta(days=6)
    request.save(update_fields=["start_date", "end_date"])
    if created:
        request.experience_areas.set(
            [term("experience_area", c) for c in ("mental_health", "addiction", "poverty_debt")]
        )
        request.competences.set([term("competence", c) for c in ("change_advice", "cooperating_positioning")])
        request.languages.set([term("language", "nl")])
    return request, user


def bench_match(
    experts: int, *, runs: int = 60, warmup: int = 5, fetch_runs: int = 10, team_runs: int = 5
) -> list[Figure]:
    """Matching figures over `experts` seeded experts (seeded here when fewer exist)."""
    from inzet.experts.models import ExpertProfile
    from inzet.matching import rules, selectors

    ensure_seeded(experts)
    request, viewer = bench_setup()
    request.refresh_from_db()
    terms = selectors.request_terms(request)

    cpu_started = time.process_time()
    fetch_samples, pool = _timed(
        lambda: selectors.candidate_set(request, viewer, organisation_ids=None, terms=terms),
        runs=fetch_runs,
        warmup=1,
    )
    fetch_cpu_ms = (time.process_time() - cpu_started) * 1000 / (fetch_runs + 1)
    spec, labels = terms.spec, terms.labels

    def rank(candidates, limit=20):
        return rules.rank(spec, candidates, viewer_person_id=viewer.pk, limit=limit, labels=labels)

    rank_samples, top = _timed(lambda: rank(pool.candidates), runs=runs, warmup=warmup)
    everyone = selectors.candidate_set(request, viewer, organisation_ids=None, terms=terms, keep_excluded=True)
    all_samples, top_all = _timed(lambda: rank(everyone.candidates), runs=runs, warmup=warmup)
    build_samples, index = _timed(lambda: rules.CandidatePool(pool.candidates), runs=3, warmup=0)
    pool_samples, pool_top = _timed(
        lambda: index.rank(spec, viewer_person_id=viewer.pk, limit=20, labels=labels), runs=runs, warmup=warmup
    )
    if not pool_top == top == top_all:
        raise AssertionError("CandidatePool.rank, rules.rank and the unfiltered list disagree")
    best300 = rank(pool.candidates, limit=selectors.TEAM_POOL_SIZE)
    team_samples, team = _timed(
        lambda: selectors.compose(pool, best300, viewer, max_same=MAX_SAME),
        runs=team_runs,
        warmup=1,
    )
    optimal = bool(team.feasible and team.optimal and all(t.optimal for t in team.alternatives))
    total = ExpertProfile.objects.count()
    note = (
        f"{total:,} experts, {len(everyone.candidates):,} active and willing, {len(pool.candidates):,} "
        f"after the distance and does-not-want filters; 1 request: {len(spec.required_areas)} areas, 1 role, "
        f"{len(spec.required_competences)} competences, a level, a language, dates, a place"
    )
    team_s = _percentile(team_samples, 95) / 1000
    return [
        ("match_fetch_p95_ms", round(_percentile(fetch_samples, 95), 1), "ms", f"no target; {note}"),
        ("match_fetch_p50_ms", round(statistics.median(fetch_samples), 1), "ms", ""),
        ("match_fetch_cpu_ms", round(fetch_cpu_ms, 1), "ms", "CPU time per fetch (less sensitive to a busy machine)"),
        ("match_rank_p95_ms", round(_percentile(rank_samples, 95), 1), "ms", "≤ 50"),
        ("match_rank_p50_ms", round(statistics.median(rank_samples), 1), "ms", ""),
        ("match_rank_unfiltered_p95_ms", round(_percentile(all_samples, 95), 1), "ms", "rules.rank over all active"),
        ("match_pool_build_ms", round(statistics.median(build_samples), 1), "ms", "once per candidate set"),
        ("match_pool_rank_p95_ms", round(_percentile(pool_samples, 95), 1), "ms", "≤ 50"),
        ("team_compose_s", round(team_s, 3), "s", f"≤ 1 (k={spec.experts_needed} of {len(best300)}, 2 alternatives)"),
        ("team_compose_optimal", int(optimal), "bool", "= 1 (proven optimal)"),
    ]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Matching benchmarks (see the module docstring).")
    parser.add_argument("--experts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inzet.settings")
    import django

    django.setup()
    for name, value, unit, target in bench_match(args.experts, runs=args.runs):
        print(f"BENCH {name} {value} {unit}" + (f"  # {target}" if target else ""), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
