"""The web worker's entry point (inzet/wsgi.py, what gunicorn loads)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_worker_freezes_what_it_loaded_so_full_collections_stay_short(tmp_path):
    script = "import gc, inzet.wsgi; print(gc.get_freeze_count(), callable(inzet.wsgi.application))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "inzet.settings", "INZET_VAR_DIR": str(tmp_path)}
    env.pop("INZET_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    frozen, callable_app = done.stdout.split()
    assert int(frozen) > 10_000 and callable_app == "True"
