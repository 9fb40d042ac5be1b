from inzet.lib.testing import LOGIN, everyone, only

MATRIX = {
    "organisations:list": (
        None,
        only(
            {
                "operator": 200,
                "coordinator": 200,
                "other_coordinator": 200,
                "trainer": 200,
                "asker": 200,
                "other_asker": 200,
            },
            403,
        ),
        LOGIN,
    ),
    "organisations:policy": (None, only({"operator": 200}, 403), LOGIN),
    "organisations:detail": (
        lambda o: {"pk": o.deploying.pk},
        only({"operator": 200, "coordinator": 200, "trainer": 200, "expert": 200}, 404),
        LOGIN,
    ),
    "organisations:member_add": (
        lambda o: {"pk": o.deploying.pk},
        only({"operator": 200, "coordinator": 200, "trainer": 403, "expert": 403}, 404),
        LOGIN,
    ),
    "organisations:member_deactivate": (lambda o: {"pk": o.deploying.pk, "membership_pk": 1}, everyone(405), LOGIN),
}

POST_MATRIX = {
    "organisations:member_deactivate": (
        lambda o, p: {"pk": o.deploying.pk, "membership_pk": p["expert"].memberships.get().pk},
        only({"operator": 302, "coordinator": 302, "trainer": 403, "expert": 403}, 404),
    ),
}
