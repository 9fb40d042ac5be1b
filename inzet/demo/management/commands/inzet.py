"""`manage.py inzet demo|seed|totp` — demo data, benchmark data, and the demo 2FA code."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from inzet.demo import data
from inzet.demo.seed import seed_experts
from inzet.demo.seed_evaluation import seed_evaluation


class Command(BaseCommand):
    help = "Inzet tools: load the demo (demo), a large dataset (seed) or show the demo 2FA code (totp)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        demo = sub.add_parser("demo", help="Load the fictional demo dataset (safe to run again).")
        demo.add_argument("--quiet", action="store_true")
        seed = sub.add_parser("seed", help="Generate a large synthetic dataset for benchmarks.")
        seed.add_argument("--experts", type=int, required=True)
        seed.add_argument("--organisations", type=int, default=20)
        seed.add_argument("--no-progress", action="store_true")
        seed.add_argument("--trajectories", type=int, default=0, help="neighbourhood trajectories (evaluation)")
        seed.add_argument("--hour-entries", type=int, default=0, help="approved hour entries (evaluation)")
        totp = sub.add_parser("totp", help="Print the current code of a demo two-factor device.")
        totp.add_argument("email", nargs="?", default="coordinator2@example.org")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _demo(self, quiet=False, **_):
        if data.is_loaded():
            logins = data.demo_logins()
            self.stdout.write("Demo data is already loaded; nothing changed.")
        else:
            logins = data.load_demo()
            self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if quiet:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {data.DEMO_PASSWORD}):")
        for login in logins:
            note = f"  ({login.note})" if login.note else ""
            self.stdout.write(f"  {login.role:<28} {login.email}{note}")

    def _seed(self, experts, organisations, no_progress=False, trajectories=0, hour_entries=0, **_):
        if experts < 1:
            raise CommandError("--experts must be at least 1")
        if trajectories < 0 or hour_entries < 0:
            raise CommandError("--trajectories and --hour-entries cannot be negative")
        started = time.perf_counter()
        with tqdm(total=experts, unit="expert", disable=no_progress) as bar:
            made = seed_experts(experts, organisations=organisations, progress=bar.update)
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Seeded {made} experts in {elapsed:.1f} s."))
        # The figure `make bench` reports (issue #17: 100,000 experts within 90 s on SQLite).
        size = "100k" if made == 100_000 else str(made)
        self.stdout.write(f"BENCH seed_{size}_s {elapsed:.1f} s")
        if not (trajectories or hour_entries):
            return
        started = time.perf_counter()
        with tqdm(total=trajectories + hour_entries, unit="row", disable=no_progress) as bar:
            counts = seed_evaluation(trajectories=trajectories, hour_entries=hour_entries, progress=bar.update)
        made_text = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Seeded {made_text} in {time.perf_counter() - started:.1f} s."))

    def _totp(self, email, **_):
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        if device is None:
            raise CommandError(f"No two-factor device for {email}")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
