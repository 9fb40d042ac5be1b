"""`BENCH evaluation_report_ms`: the evaluation report page over 1,000,000 hour entries and 100,000 trajectories.

Registered in inzet.demo.bench (`--only evaluation_report`). Seeds what is missing
(inzet.demo.seed_evaluation) on the first run.
"""

import statistics
import time
from datetime import date

TRAJECTORIES = 100_000
HOUR_ENTRIES = 1_000_000


def ensure_evaluation_data(*, trajectories: int = TRAJECTORIES, hour_entries: int = HOUR_ENTRIES) -> None:
    import random

    from inzet.compensation.models import HourEntry
    from inzet.demo.seed_evaluation import TEAM_NAME, seed_hours, seed_trajectories
    from inzet.neighbourhood.models import Trajectory

    rng = random.Random(14)
    have = Trajectory.objects.filter(team__name=TEAM_NAME).count()
    if have < trajectories:
        seed_trajectories(trajectories - have, rng=rng)
    have = HourEntry.objects.filter(invitation__request__title="Seed-opdracht").count()
    if have < hour_entries:
        seed_hours(hour_entries - have, rng=rng)


def bench_report(*, runs: int, warmup: int, notes: list[str]) -> list[tuple]:
    import os

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.compensation.models import HourEntry
    from inzet.neighbourhood.models import Trajectory
    from inzet.organisations.models import Membership, Organisation, Role

    started = time.perf_counter()
    ensure_evaluation_data()
    seeded_s = time.perf_counter() - started
    organisation = Organisation.objects.get(slug="seed-org-0")
    user, _ = User.objects.get_or_create(
        email="bench-coordinator@seed.example.org", defaults={"full_name": "Bench Coördinator"}
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.COORDINATOR)
    client = Client()
    client.force_login(user)
    today = timezone.localdate()
    params = {"van": date(today.year - 3, 1, 1).isoformat(), "tot": today.isoformat()}
    url = reverse("evaluation:report", kwargs={"org_pk": organisation.pk})

    def call():
        response = client.get(url, params)
        assert response.status_code == 200, response.status_code

    for _ in range(warmup):
        call()
    samples, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    with CaptureQueriesContext(connection) as captured:
        call()
    hours = HourEntry.objects.filter(invitation__request__deploying_organisation=organisation).count()
    trajectories = Trajectory.objects.filter(team__organisation=organisation).count()
    load = "{:.1f} / {:.1f} / {:.1f}".format(*os.getloadavg())
    notes.append(
        f"evaluation_report: GET {url} as a coordinator of seed-org-0, period {params['van']}…{params['tot']}, over "
        f"{hours:,} hour entries and {trajectories:,} trajectories of that organisation (data seeded in "
        f"{seeded_s:.0f} s if missing); {runs} timed runs after {warmup} warm-up runs; load average "
        f"{load} at the end (machine shared with other work)."
    )
    worst = max(samples)
    return [
        ("evaluation_report_ms", round(statistics.median(samples), 1), "ms", "≤ 2000"),
        ("evaluation_report_max_ms", round(worst, 1), "ms"),
        # This process's CPU time per request (SQLite runs in-process): the work itself, which a
        # loaded shared machine affects far less than wall time.
        ("evaluation_report_cpu_ms", round(statistics.median(cpu), 1), "ms", "≤ 2000"),
        ("evaluation_report_queries", len(captured.captured_queries), "queries"),
    ]


def evaluation_report_benchmark(context) -> list[tuple]:
    """The harness's entry point: a handful of runs (each report reads over a million rows)."""
    return bench_report(runs=min(context.runs, 10), warmup=min(context.warmup, 2), notes=context.notes)
