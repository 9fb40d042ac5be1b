"""`make load`: gunicorn on PostgreSQL with the 100,000-expert dataset, driven by locust.

    INZET_DATABASE_URL=postgres://… python -m inzet.loadtest.run [--experts N] [--users 20 50] [--seconds 60]

1. migrates, seeds `--experts` experts when the database has none (or fewer), adds the load
   accounts (prepare.py);
2. starts gunicorn (2 × CPU cores sync workers) on 127.0.0.1 only, with two-step login enforced
   and DEBUG off, with the app's settings plus one bare view (settings.py, urls.py);
3. per user count: the mix of coordinators, experts and askers for `--seconds`, then the bare
   view alone for `--bare-seconds` (no think time: the most this server answers);
4. writes a table per run into docs/BENCHMARKS.md and prints `LOAD …` lines; exits 1 on any error.

Everything runs on this machine; nothing listens beyond the loopback address.
"""

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPORT = BASE_DIR / "docs" / "BENCHMARKS.md"
RUN_MARK = "<!-- bench-run -->"  # the same marker as inzet.demo.bench: its report keeps these sections
KEEP_RUNS = 12
MIX = ["Coordinator", "Expert", "Asker"]


def _django(database_url: str) -> None:
    os.environ["INZET_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "inzet.loadtest.settings"
    import django

    django.setup()


def prepare_database(experts: int) -> dict:
    from django.core.management import call_command

    from inzet.accounts.models import User
    from inzet.demo.seed import seed_experts
    from inzet.loadtest.prepare import prepare

    call_command("migrate", verbosity=0)
    have = User.objects.filter(email__startswith="seed-", email__endswith="@seed.example.org").count()
    if have < experts:
        print(f"load: seeding {experts - have:,} experts (the database has {have:,})", file=sys.stderr, flush=True)
        started = time.perf_counter()
        seed_experts(experts - have)
        print(f"load: seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return prepare()


def _wait_for(url: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer on {url}")


def start_gunicorn(port: int, workers: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inzet.loadtest.settings",
        "INZET_DEBUG": "0",
        "INZET_TWO_FACTOR_ENFORCED": "1",  # coordinators must pass two-step login, as in production
        "INZET_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    command = [
        sys.executable, "-m", "gunicorn", "inzet.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120",
        "--access-logfile", "-", "--error-logfile", "-",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)  # noqa: S603 (fixed command)
    _wait_for(f"http://127.0.0.1:{port}/account/inloggen/")
    return process


def run_locust(*, port: int, users: int, seconds: int, classes: list[str], prefix: Path, offset: int, accounts: Path):
    env = {**os.environ, "INZET_LOAD_ACCOUNTS": str(accounts), "INZET_LOAD_OFFSET": str(offset)}
    command = [
        sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py")),
        "--headless", "--host", f"http://127.0.0.1:{port}", "--users", str(users),
        "--spawn-rate", str(max(1, users // 5)), "--run-time", f"{seconds}s", "--stop-timeout", "30",
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", *classes,
    ]  # fmt: skip
    subprocess.run(command, cwd=BASE_DIR, env=env, check=False)  # noqa: S603 (fixed command); exit 1 on failures: the CSV tells
    return read_stats(prefix)


def read_stats(prefix: Path) -> list[dict]:
    with Path(f"{prefix}_stats.csv").open() as handle:
        return list(csv.DictReader(handle))


def _row(stat: dict) -> dict:
    return {
        "name": stat["Name"],
        "requests": int(stat["Request Count"]),
        "failures": int(stat["Failure Count"]),
        "rps": float(stat["Requests/s"]),
        "p50": float(stat["50%"] or 0),
        "p95": float(stat["95%"] or 0),
    }


def load_average() -> str:
    return "{:.1f} / {:.1f} / {:.1f}".format(*os.getloadavg())


def write_report(results: list[dict], info: dict) -> None:
    from django.utils import timezone

    lines = [
        RUN_MARK,
        f"## {timezone.localtime():%Y-%m-%d %H:%M %Z} – load test (`make load`), {info['database'].split(' (')[0]}",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in info.items()],
        "",
    ]
    for result in results:
        lines += [
            f"### {result['users']} users, {result['seconds']} s (load average at the end: {result['load']})",
            "",
            "| page | requests | errors | req/s | p50 ms | p95 ms |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for row in result["rows"]:
            name = f"**{row['name']}**" if row["name"] in ("Aggregated", "bare view") else row["name"]
            lines.append(
                f"| {name} | {row['requests']} | {row['failures']} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} |"
            )
        bare = result["bare"]
        lines += [
            "",
            f"Bare view alone, {result['users']} users without think time, {result['bare_seconds']} s: "
            f"{bare['rps']:.0f} req/s, p50 {bare['p50']:.0f} ms, p95 {bare['p95']:.0f} ms, "
            f"{bare['failures']} errors (load average at the end: {result['bare_load']}).",
            "",
        ]
    lines += [
        "- The mix: coordinators (weight 2: expert list with a search or page 5, matching page of a request "
        "of the organisation with about 1/20 of the experts, approvals), experts (weight 2: home, invitations, "
        "logging hours through the form), askers (weight 1: their requests, a request page); each simulated "
        "person waits 0.5–2 s between pages. Logging in (password, then a TOTP code for coordinators and askers) happens once "
        "per simulated person and is counted in its own rows.",
        "- Gunicorn and locust run on the same machine (loopback only), so locust's own CPU use is "
        "included; PostgreSQL runs there too.",
        "",
    ]
    previous = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n\n"
    head, *runs = previous.split(RUN_MARK)
    runs = ["\n".join(lines), *[f"{RUN_MARK}{part}".rstrip() + "\n" for part in runs]][:KEEP_RUNS]
    REPORT.write_text(head.rstrip() + "\n\n" + "\n".join(runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=100_000)
    parser.add_argument("--users", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--bare-seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=int(os.environ.get("INZET_LOAD_PORT", "8089")))
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--no-report", action="store_true")
    args = parser.parse_args(argv)

    database_url = os.environ.get("INZET_DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        parser.error("set INZET_DATABASE_URL to a PostgreSQL database, e.g. postgres://inzet@127.0.0.1:5432/inzet")
    _django(database_url)
    from inzet.demo.bench import database

    accounts = prepare_database(args.experts)
    work = BASE_DIR / "var" / "load"
    work.mkdir(parents=True, exist_ok=True)
    accounts_file = work / "accounts.json"
    accounts_file.write_text(json.dumps(accounts))
    from inzet.experts.models import ExpertProfile

    info = {
        "CPU": f"{os.cpu_count()} logical CPUs; gunicorn {args.workers} sync workers; locust on the same machine",
        "load average (1/5/15 min) at start": load_average(),
        "database": database(),
        "dataset": f"{ExpertProfile.objects.count():,} experts (`inzet seed`)",
    }
    from django.db import connections

    connections.close_all()
    server = start_gunicorn(args.port, args.workers, work / "gunicorn.log")
    results, errors = [], 0
    try:
        for i, users in enumerate(args.users):
            offset = sum(args.users[:i])  # fresh people and TOTP devices for each run
            rows = [
                _row(s)
                for s in run_locust(
                    port=args.port, users=users, seconds=args.seconds, classes=MIX,
                    prefix=work / f"mix_{users}", offset=offset, accounts=accounts_file,
                )
            ]  # fmt: skip
            load = load_average()
            bare = [
                _row(s)
                for s in run_locust(
                    port=args.port, users=users, seconds=args.bare_seconds, classes=["Bare"],
                    prefix=work / f"bare_{users}", offset=offset, accounts=accounts_file,
                )
            ]  # fmt: skip
            none = {"name": "bare view", "requests": 0, "failures": 0, "rps": 0.0, "p50": 0.0, "p95": 0.0}
            bare_row = next((r for r in bare if r["name"] == "bare view"), none)
            errors += sum(r["failures"] for r in rows if r["name"] == "Aggregated")
            errors += next(r["failures"] for r in bare if r["name"] == "Aggregated")
            results.append(
                {"users": users, "seconds": args.seconds, "rows": rows, "load": load, "bare": bare_row,
                 "bare_seconds": args.bare_seconds, "bare_load": load_average()}
            )  # fmt: skip
            total = next(r for r in rows if r["name"] == "Aggregated")
            print(f"LOAD users_{users}_rps {total['rps']:.1f} req/s")
            print(f"LOAD users_{users}_p50_ms {total['p50']:.0f} ms")
            print(f"LOAD users_{users}_p95_ms {total['p95']:.0f} ms")
            print(f"LOAD users_{users}_errors {total['failures']} errors")
            print(f"LOAD users_{users}_bare_rps {bare_row['rps']:.1f} req/s", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    if not args.no_report:
        write_report(results, info)
        print(f"Wrote {REPORT.relative_to(BASE_DIR)}", file=sys.stderr)
    if errors:
        print(f"load: {errors} failed requests (see var/load/*_failures.csv)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
