"""The matching benchmark runs end to end on a small seeded dataset (the real run uses 100,000)."""

from inzet.demo.bench_matching import bench_match

NAMES = [
    "match_fetch_p95_ms",
    "match_fetch_p50_ms",
    "match_fetch_cpu_ms",
    "match_rank_p95_ms",
    "match_rank_p50_ms",
    "match_rank_unfiltered_p95_ms",
    "match_pool_build_ms",
    "match_pool_rank_p95_ms",
    "team_compose_s",
    "team_compose_optimal",
]


def test_it_seeds_what_is_missing_and_reports_every_figure(db):
    figures = bench_match(60, runs=2, warmup=0, fetch_runs=1, team_runs=1)
    assert [name for name, *_ in figures] == NAMES
    values = {name: value for name, value, _unit, _target in figures}
    assert values["team_compose_optimal"] == 1
    assert all(value >= 0 for value in values.values())
    assert dict((name, target) for name, _v, _u, target in figures)["match_rank_p95_ms"] == "≤ 50"
