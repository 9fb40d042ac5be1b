"""Helpers for the permission matrix (tests/test_permission_matrix.py).

Each app declares who may open its pages in `inzet/<app>/tests/access.py`:

    MATRIX = {"app:name": (kwargs_builder | None, {persona: status}, anonymous_status)}
    POST_MATRIX = {"app:name": (kwargs_builder(orgs, personas), {persona: status})}

kwargs builders get the `orgs` fixture (and for POST_MATRIX also the personas dict).
"""

PERSONAS = ["operator", "coordinator", "other_coordinator", "trainer", "expert", "asker", "other_asker", "outsider"]
LOGIN = "login"  # anonymous visitors are sent to the login page


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def only(allowed: dict[str, int], default: int) -> dict[str, int]:
    table = everyone(default)
    table.update(allowed)
    return table
