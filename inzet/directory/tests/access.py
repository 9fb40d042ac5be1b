from inzet.lib.testing import LOGIN, everyone, only

# Coordinators and trainers search the experts of their own organisation; the pool overview and
# the export are for coordinators. The public register is off by default (404 for everyone);
# tests/test_register.py covers it switched on.
MATRIX = {
    "directory:experts": (None, only({"coordinator": 200, "other_coordinator": 200, "trainer": 200}, 403), LOGIN),
    "directory:export_csv": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "directory:export_xlsx": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "directory:pool": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "directory:register": (None, everyone(404), 404),
    "directory:register_organisations": (None, everyone(404), 404),
}
