"""Settings of the load-test server: the app's own, plus one bare view (see urls.py)."""

from inzet.settings import *  # noqa: F403

ROOT_URLCONF = "inzet.loadtest.urls"
