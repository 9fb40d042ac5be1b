"""The benchmark harness (inzet/demo/bench.py) on a tiny dataset: figures, counting, the report."""

import os

from inzet.demo import bench


def test_percentile_is_nearest_rank():
    samples = [float(i) for i in range(1, 101)]
    assert bench.percentile(samples, 95) == 95.0
    assert bench.percentile([3.0], 95) == 3.0


def test_targets_are_read_from_their_text():
    assert bench.meets(99.0, "≤ 100") is True
    assert bench.meets(101.0, "≤ 100") is False
    assert bench.meets(1, "≥ 1") is True
    assert bench.meets(1, "") is None
    figure = bench.Figure.of(("match_rank_p95_ms", 12.5, "ms", "≤ 50"))
    assert figure.ok is True and figure.line == "BENCH match_rank_p95_ms 12.5 ms"


def test_transaction_control_is_counted_apart():
    captured = [{"sql": "SELECT 1"}, {"sql": "BEGIN IMMEDIATE"}, {"sql": "INSERT x"}, {"sql": "COMMIT"}]
    assert bench.count_statements(captured) == (2, 4)


def test_the_expert_list_benchmark_measures_the_real_page(db, tmp_path, monkeypatch):
    bench.ensure_dataset(40)
    context = bench.Context(experts=40, runs=3, warmup=1)
    figures = {f.name: f for f in map(bench.Figure.of, bench.BENCHMARKS["expert_list"](context))}
    assert set(figures) >= {"expert_list_p95_ms", "expert_list_queries"}
    assert figures["expert_list_queries"].value <= 9 and figures["expert_list_queries"].ok
    assert figures["expert_list_p95_ms"].value > 0
    monkeypatch.setattr(bench, "REPORT", tmp_path / "BENCHMARKS.md")
    info = {"database": "SQLite 3 (Django 5)", "dataset": "40 experts"}
    bench.write_report(list(figures.values()), context, info)
    bench.write_report(list(figures.values()), context, info)
    report = (tmp_path / "BENCHMARKS.md").read_text()
    assert report.count("<!-- bench-run -->") == 2
    assert "| `expert_list_queries` |" in report and "≤ 9" in report


def test_the_seed_figure_is_named_for_its_size_and_held_to_90_seconds():
    assert bench.seed_figure(100_000, 61.24).line == "BENCH seed_100k_s 61.240 s"
    assert bench.seed_figure(100_000, 61.2).ok is True
    assert bench.seed_figure(100_000, 95.0).ok is False
    assert bench.seed_figure(500, 1.0).name == "seed_500_s"


def test_the_seed_benchmark_is_opt_in_and_a_run_that_seeds_from_nothing_is_timed(db):
    assert "seed" in bench.BENCHMARKS and "seed" in bench.OPT_IN
    assert bench.ensure_dataset(5) is not None
    assert bench.ensure_dataset(5) is None


def test_the_bench_measures_without_debug_as_production_and_make_load_run(monkeypatch, tmp_path):
    from inzet.demo import bench

    for name in ("INZET_DEBUG", "INZET_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INZET_VAR_DIR", str(tmp_path))
    bench.configure_database()
    assert os.environ["INZET_DEBUG"] == "0"
    assert os.environ["INZET_DATABASE_URL"] == f"sqlite:///{tmp_path / 'bench.sqlite3'}"
