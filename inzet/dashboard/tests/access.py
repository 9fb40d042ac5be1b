from inzet.lib.testing import everyone

MATRIX = {"dashboard:home": (None, everyone(200), 200)}
