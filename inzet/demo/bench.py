"""Performance benchmarks: `make bench` / `python -m inzet.demo.bench [--experts N] [--runs N] [--only NAME]`.

Prints one line per figure, `BENCH <name> <value> <unit>`, and adds a table for this run to
docs/BENCHMARKS.md (machine, date, database, dataset size, figures and targets).

The data is the synthetic dataset of `manage.py inzet seed` (added here when the database has
fewer seeded experts than asked for). Without INZET_DATABASE_URL the benchmark uses its own
SQLite file, var/bench.sqlite3, so the demo database is left alone; with it (e.g. PostgreSQL) it
uses that database. Each benchmark is a function registered with @benchmark that returns figures;
later issues add their own (e.g. matching) to the same registry.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPORT = BASE_DIR / "docs" / "BENCHMARKS.md"
KEEP_RUNS = 12
_RUN_MARK = "<!-- bench-run -->"


def configure_database() -> None:
    """Point Django at the benchmark database before it starts (settings read the environment)."""
    if not os.environ.get("INZET_DATABASE_URL"):
        var_dir = Path(os.environ.get("INZET_VAR_DIR", BASE_DIR / "var"))
        var_dir.mkdir(parents=True, exist_ok=True)
        os.environ["INZET_DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inzet.settings")
    # Measured as it runs in production and under `make load`: without DEBUG, which logs every query.
    os.environ.setdefault("INZET_DEBUG", "0")


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "≤ 100"
    ok: bool | None = None  # None: no target

    @classmethod
    def of(cls, item) -> "Figure":
        """A Figure, or a (name, value, unit[, target]) tuple such as inzet.demo.bench_matching returns."""
        if isinstance(item, Figure):
            return item
        name, value, unit, *rest = item
        target = rest[0] if rest else ""
        return cls(name, value, unit, target, meets(value, target))

    @property
    def line(self) -> str:
        value = (
            f"{self.value:.3f}"
            if isinstance(self.value, float) and self.unit == "s"
            else (f"{self.value:.1f}" if isinstance(self.value, float) else str(self.value))
        )
        return f"BENCH {self.name} {value} {self.unit}"


@dataclass
class Context:
    experts: int
    runs: int
    warmup: int
    notes: list[str] = field(default_factory=list)


BENCHMARKS: dict[str, Callable[[Context], list]] = {}
# Run as `python -m inzet.demo.bench` this module is __main__; the benchmark URLconf names it by its
# import path, so make both names one module.
if __name__ == "__main__":
    sys.modules.setdefault("inzet.demo.bench", sys.modules[__name__])


def meets(value: float, target: str) -> bool | None:
    """Whether `value` meets a target written as "≤ 100" or "≥ 1"; None without a target."""
    target = (target or "").strip()
    for sign, check in (("≤", lambda v, t: v <= t), ("<=", lambda v, t: v <= t), ("≥", lambda v, t: v >= t)):
        if target.startswith(sign):
            try:
                return check(value, float(target[len(sign) :].split()[0]))
            except (ValueError, IndexError):
                return None
    return None


def benchmark(name: str):
    """Register a benchmark: a function (Context) -> list of Figure or (name, value, unit, target)."""

    def register(function):
        BENCHMARKS[name] = function
        return function

    return register


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 60 runs is the 57th fastest)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.4999)))
    return ordered[rank - 1]


def time_requests(call: Callable[[], object], *, runs: int, warmup: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of `runs` calls after `warmup` calls. CPU time (this process:
    Python, templates and SQLite, which runs in-process) shows the work itself on a busy machine."""
    for _ in range(warmup):
        call()
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def count_statements(captured) -> tuple[int, int]:
    """(statements that read or write data, all statements incl. BEGIN/COMMIT/SAVEPOINT)."""
    statements = [q["sql"].lstrip().upper() for q in captured]
    data = [s for s in statements if not s.startswith(TRANSACTION_CONTROL)]
    return len(data), len(statements)


# --- the dataset -----------------------------------------------------------------------------------


def ensure_dataset(experts: int) -> float | None:
    """At least `experts` seeded experts, each with a search document. Returns the seconds the seed
    took when this run seeded all of them (an empty database), else None."""
    from tqdm import tqdm

    from inzet.accounts.models import User
    from inzet.demo.seed import seed_experts
    from inzet.directory.services import bulk_build_documents
    from inzet.experts.models import ExpertProfile

    have = User.objects.filter(email__startswith="seed-").count()
    took = None
    if have < experts:
        started = time.perf_counter()
        with tqdm(total=experts - have, unit="expert", desc="seed", file=sys.stderr) as bar:
            seed_experts(experts - have, progress=bar.update)
        took = time.perf_counter() - started if have == 0 else None
    missing = list(ExpertProfile.objects.filter(search_document__isnull=True).values_list("pk", flat=True))
    if missing:
        with tqdm(total=len(missing), unit="expert", desc="search documents", file=sys.stderr) as bar:
            bulk_build_documents(profile_ids=missing, progress=bar.update)
    return took


def bench_coordinator():
    """A coordinator of the first seeded organisation (about 1/20 of the experts)."""
    from inzet.accounts.models import User
    from inzet.organisations.models import Membership, Organisation, Role

    organisation = Organisation.objects.get(slug="seed-org-0")
    user, _created = User.objects.get_or_create(
        email="bench-coordinator@seed.example.org", defaults={"full_name": "Bench Coördinator"}
    )
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.COORDINATOR)
    return user, organisation


# --- benchmarks ----------------------------------------------------------------------------------


@benchmark("expert_list")
def expert_list(context: Context) -> list[Figure]:
    """The coordinator's filtered expert list, rendered through the real view (django.test.Client)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from inzet.demo.bench_directory import same_page_as_the_plain_query
    from inzet.experts.models import ExpertProfile
    from inzet.taxonomy.models import Term

    user, organisation = bench_coordinator()
    client = Client()
    client.force_login(user)
    start = timezone.localdate() + timedelta(days=7)
    params = {
        "q": "utrecht",
        "areas": Term.objects.get(vocabulary="experience_area", code="mental_health").pk,
        "roles": Term.objects.get(vocabulary="role", code="supporter").pk,
        "available_from": start.isoformat(),
        "available_to": (start + timedelta(days=7)).isoformat(),
    }
    url = reverse("directory:experts")

    def call():
        response = client.get(url, params)
        assert response.status_code == 200, response.status_code

    samples, cpu = time_requests(call, runs=context.runs, warmup=context.warmup)
    with CaptureQueriesContext(connection) as captured:
        call()
    queries, statements = count_statements(captured.captured_queries)
    in_org = ExpertProfile.objects.filter(organisation=organisation).count()
    found = same_page_as_the_plain_query(url, params, user)
    context.notes.append(
        f"expert_list: coordinator of 1 of 20 seeded organisations ({in_org:,} experts), GET {url} with "
        f"search “utrecht” + experience area + role + available {params['available_from']}…"
        f"{params['available_to']}, sorted by name, page 1 of 25; {context.runs} timed runs after "
        f"{context.warmup} warm-up runs. Queries are counted for the whole request (session, user, "
        f"two-step devices, roles, the candidates the facets leave, page + total, labels + linked rows, "
        f"access log insert, unread counts; the session is written at most once a minute); "
        f"`expert_list_statements` also counts BEGIN/COMMIT, which Django logs as statements. "
        f"`expert_list_cpu_p95_ms` is this process's CPU time per request (the database runs "
        f"in-process on SQLite, not on PostgreSQL), which a busy shared machine affects less than wall time."
    )
    p95 = percentile(samples, 95)
    return [
        Figure("expert_list_p95_ms", round(p95, 1), "ms", "≤ 50", p95 <= 50),
        *ratio_figures("expert_list", client, p95, context),
        Figure("expert_list_queries", queries, "queries", "≤ 9", queries <= 9),
        Figure("expert_list_p50_ms", round(statistics.median(samples), 1), "ms"),
        Figure("expert_list_cpu_p95_ms", round(percentile(cpu, 95), 1), "ms"),
        Figure("expert_list_statements", statements, "statements"),
        Figure("expert_list_found", found, "experts", "> 0", found > 0),
    ]


# --- bare view and the matching page (issue #17) -----------------------------------------------------

BARE_PATH = "__bench__/bare/"


def _bare_view(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


def _bench_urlconf() -> str:
    """The project's URLs plus one bare view, as this module's ``urlpatterns`` (benchmarks only)."""
    from django.urls import include, path

    module = sys.modules["inzet.demo.bench"]
    if not hasattr(module, "urlpatterns"):
        module.urlpatterns = [path(BARE_PATH, _bare_view), path("", include("inzet.urls"))]
    return "inzet.demo.bench"


def bare_view_samples(client, context: Context) -> list[float]:
    """A view that does nothing, through the same middleware (session, auth, two-step, locale,
    access log...) with the same logged-in client in the same process: the floor a page stands on."""
    from django.test.utils import override_settings

    with override_settings(ROOT_URLCONF=_bench_urlconf()):

        def call():
            response = client.get("/" + BARE_PATH)
            assert response.status_code == 200, response.status_code

        samples, _cpu = time_requests(call, runs=context.runs, warmup=context.warmup)
    return samples


def ratio_figures(name: str, client, page_p95: float, context: Context) -> list[Figure]:
    """``<name>_ratio``: the page's p95 over the bare view's p95, measured now (less sensitive to
    a busy machine than milliseconds), and the bare view's own p95."""
    bare = percentile(bare_view_samples(client, context), 95)
    return [
        Figure(f"{name}_ratio", round(page_p95 / bare, 1) if bare else 0.0, "x bare view"),
        Figure(f"{name}_bare_p95_ms", round(bare, 1), "ms"),
    ]


def _same_as_ranking_everyone(request, user) -> None:
    """The page builds only who can reach its top 300: hold it to ranking every candidate."""
    from inzet.matching import selectors

    limit = selectors.TEAM_POOL_SIZE
    everyone = selectors.rank(selectors.candidate_set(request, user), user, limit=limit)
    reached = selectors.rank(selectors.candidate_set(request, user, reach=limit), user, limit=limit)
    if reached != everyone:
        raise AssertionError("the matching page's top 300 differs from ranking every candidate")


def _time_page(client, url: str, context: Context, runs: int) -> tuple[list[float], list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def call():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    samples, cpu = time_requests(call, runs=runs, warmup=min(context.warmup, 2))
    with CaptureQueriesContext(connection) as captured:
        call()
    return samples, cpu, count_statements(captured.captured_queries)[0]


def _cold_page_ms(client, url: str, organisation_id: int) -> float:
    """One page right after a change to the organisation's experts (a new matching version, as every
    service gives it): the page builds its candidate pool again instead of using pool_cache's."""
    from inzet.experts.services import matching_changed

    matching_changed(organisation_ids=[organisation_id])
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - start) * 1000


@benchmark("matching_page")
def matching_page(context: Context) -> list[Figure]:
    """The coordinator's matching page end to end through the real view: for the request of an
    organisation of 1/20 of the experts, then with every seeded expert moved into that
    organisation (one pool of 100,000) inside a transaction that is rolled back afterwards."""
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from inzet.demo.bench_matching import bench_setup
    from inzet.experts.models import ExpertProfile

    request, user = bench_setup()
    organisation_id = request.deploying_organisation_id
    client = Client()
    client.force_login(user)
    url = reverse("matching:request", args=[request.pk])
    figures: list[Figure] = []
    in_org = ExpertProfile.objects.filter(organisation_id=organisation_id).count()
    cold = _cold_page_ms(client, url, organisation_id)
    samples, cpu, queries = _time_page(client, url, context, context.runs)
    _same_as_ranking_everyone(request, user)
    p95 = percentile(samples, 95)
    figures += [
        Figure("matching_page_p95_ms", round(p95, 1), "ms", "≤ 150", p95 <= 150),
        *ratio_figures("matching_page", client, p95, context),
        Figure("matching_page_p50_ms", round(statistics.median(samples), 1), "ms"),
        Figure("matching_page_cpu_p95_ms", round(percentile(cpu, 95), 1), "ms"),
        Figure("matching_page_queries", queries, "queries"),
        Figure("matching_page_cold_ms", round(cold, 1), "ms"),
    ]
    runs_100k = max(5, context.runs // 4)
    with transaction.atomic():
        moved = ExpertProfile.objects.exclude(organisation_id=organisation_id).update(organisation_id=organisation_id)
        # The move bypasses the services: give the organisation a new matching version as they would.
        cold_100k = _cold_page_ms(client, url, organisation_id)
        samples, cpu, queries_100k = _time_page(client, url, context, runs_100k)
        _same_as_ranking_everyone(request, user)
        transaction.set_rollback(True)
    p95 = percentile(samples, 95)
    figures += [
        Figure("matching_page_100k_p95_ms", round(p95, 1), "ms", "≤ 400", p95 <= 400),
        *ratio_figures("matching_page_100k", client, p95, context),
        Figure("matching_page_100k_p50_ms", round(statistics.median(samples), 1), "ms"),
        Figure("matching_page_100k_cpu_p95_ms", round(percentile(cpu, 95), 1), "ms"),
        Figure(
            "matching_page_100k_queries",
            queries_100k,
            "queries",
            f"= {queries} (as for {in_org:,})",
            queries_100k == queries,
        ),
        Figure("matching_page_100k_cold_ms", round(cold_100k, 1), "ms"),
    ]
    context.notes.append(
        f"matching_page: GET {url} as a coordinator (request “Benchmark: koppelen”, 3 areas, 1 role, "
        f"2 competences, a level, a language, dates, a place, a team of 6 with 2 alternatives): first "
        f"for its organisation of {in_org:,} experts ({context.runs} timed runs), then with "
        f"{moved:,} more experts moved into that organisation inside a transaction that is rolled back "
        f"({in_org + moved:,} in one pool, {runs_100k} timed runs). `_ratio`: the page's p95 over the "
        f"p95 of a bare view through the same middleware, timed right after in the same process. "
        f"The page keeps its candidate pool per process until the organisation's matching version changes "
        f"(inzet/matching/pool_cache.py): the bench gives it a new version before each part, as a service "
        f"would (the move is a queryset update), and `_cold_ms` is that first page, which builds the pool."
    )
    return figures


# --- the seed (issue #17) ------------------------------------------------------------------------

SEED_TARGET_S = 90
# Not in a default run (it migrates and fills a second database for minutes): `--only seed`. A
# default run that had to seed its own empty SQLite database reports that seed's time instead.
OPT_IN = {"seed"}


def seed_figure(experts: int, seconds: float) -> Figure:
    name = "seed_100k_s" if experts == 100_000 else f"seed_{experts}_s"
    return Figure(name, round(seconds, 3), "s", f"≤ {SEED_TARGET_S}", seconds <= SEED_TARGET_S)


@benchmark("seed")
def seed(context: Context) -> list[Figure]:
    """`manage.py inzet seed --experts N` into a fresh temporary SQLite database, in a child process:
    migrate first (not timed), then the seed as the command times it (incl. the search documents)."""
    import re
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="inzet-seed-") as directory:
        env = {**os.environ, "INZET_DATABASE_URL": f"sqlite:///{Path(directory) / 'seed.sqlite3'}"}
        manage = [sys.executable, str(BASE_DIR / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=BASE_DIR)  # noqa: S603 (our own command)
        done = subprocess.run(  # noqa: S603 (our own command)
            [*manage, "inzet", "seed", "--experts", str(context.experts), "--no-progress"],
            env=env,
            check=True,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        )
    found = re.search(r"^BENCH seed_\w+ ([0-9.]+) s$", done.stdout, re.MULTILINE)
    if not found:
        raise RuntimeError(f"the seed printed no time: {done.stdout!r}")
    context.notes.append(
        f"seed: `manage.py inzet seed --experts {context.experts}` into a fresh temporary SQLite database "
        "(migrated first, not timed); the time includes the search documents, built in the same pass."
    )
    return [seed_figure(context.experts, float(found.group(1)))]


# --- report --------------------------------------------------------------------------------------


@benchmark("matching")
def matching(context: Context) -> list:
    from inzet.demo.bench_matching import bench_match

    return bench_match(context.experts, runs=context.runs, warmup=context.warmup)


@benchmark("evaluation_report")
def evaluation_report(context: Context) -> list:
    from inzet.demo.bench_evaluation import evaluation_report_benchmark

    return evaluation_report_benchmark(context)


def _usable_cpus() -> int | str:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return "?"


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ram = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    except (ValueError, OSError, AttributeError):
        ram = "unknown"
    try:
        load = "{:.1f} / {:.1f} / {:.1f}".format(*os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "platform": platform.platform(),
        "CPU": f"{cpu}, {os.cpu_count()} logical CPUs ({_usable_cpus()} usable by this process)",
        "RAM": ram,
        "load average (1/5/15 min) at start": load,
        "Python": platform.python_version(),
    }


def database() -> str:
    import django
    from django.db import connection

    where = ""
    if connection.vendor != "sqlite":
        host = connection.settings_dict.get("HOST") or "local socket"
        where = f", server at {host}"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
        elif connection.vendor == "postgresql":
            cursor.execute("show server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            version = connection.vendor
    return f"{version} (Django {django.get_version()}{where})"


def write_report(figures: list[Figure], context: Context, info: dict[str, str]) -> None:
    from django.utils import timezone

    lines = [
        _RUN_MARK,
        f"## {timezone.localtime():%Y-%m-%d %H:%M %Z} – {info['database'].split(' (')[0]}, {context.experts:,} experts",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in info.items()],
        "",
        "| figure | value | unit | target | met |",
        "|---|---:|---|---|---|",
    ]
    for f in figures:
        met = "" if f.ok is None else ("yes" if f.ok else "**no**")
        lines.append(f"| `{f.name}` | {f.line.split()[2]} | {f.unit} | {f.target} | {met} |")
    lines += ["", *[f"- {note}" for note in context.notes], ""]
    header = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m inzet.demo.bench`); the newest run first, "
        f"at most {KEEP_RUNS} runs. Each figure is also printed as `BENCH <name> <value> <unit>`.",
        "Dataset: `manage.py inzet seed` (synthetic experts in 20 organisations). SQLite runs use "
        "`var/bench.sqlite3`; PostgreSQL runs use `INZET_DATABASE_URL`.",
        "",
    ]
    previous = []
    if REPORT.exists():
        previous = [f"{_RUN_MARK}{part}" for part in REPORT.read_text().split(_RUN_MARK)[1:]]
    runs = ["\n".join(lines), *[p.rstrip() + "\n" for p in previous]][:KEEP_RUNS]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(header) + "\n" + "\n".join(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=100_000, help="dataset size (default 100,000)")
    parser.add_argument("--runs", type=int, default=60, help="timed runs per figure (default 60)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--only", action="append", help="run only these benchmarks (repeatable)")
    parser.add_argument("--no-report", action="store_true", help="print figures, do not write docs/BENCHMARKS.md")
    args = parser.parse_args(argv)

    configure_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seeded = ensure_dataset(args.experts)
    import gc

    gc.collect()
    gc.freeze()  # as every web worker does once it has loaded the app (inzet/wsgi.py)
    from inzet.experts.models import ExpertProfile

    info = {**machine()}
    info["database"] = database()
    info["dataset"] = f"{ExpertProfile.objects.count():,} experts (`inzet seed`), 20 organisations"
    context = Context(experts=args.experts, runs=args.runs, warmup=args.warmup)
    names = args.only or [name for name in BENCHMARKS if name not in OPT_IN]
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; known: {', '.join(BENCHMARKS)}")
    figures: list[Figure] = []
    if seeded is not None and "seed" not in names and info["database"].startswith("SQLite"):
        figure = seed_figure(args.experts, seeded)
        context.notes.append(f"seed: this run seeded its empty SQLite database ({args.experts:,} experts).")
        print(figure.line, flush=True)
        figures.append(figure)
    for name in names:
        for item in BENCHMARKS[name](context):
            figure = Figure.of(item)
            print(figure.line, flush=True)
            figures.append(figure)
    if not args.no_report:
        write_report(figures, context, info)
        print(f"Wrote {REPORT.relative_to(BASE_DIR)}", file=sys.stderr)
    missed = [f.name for f in figures if f.ok is False]
    if missed:
        print(f"Target missed: {', '.join(missed)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
