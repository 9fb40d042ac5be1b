"""Who may open the evaluation pages: coordinators of the organisation; a funder only through a live link."""

import datetime as dt

from inzet.lib.testing import LOGIN, everyone, only


def _org(o) -> dict:
    return {"org_pk": o.deploying.pk}


def _grant(o, p=None):
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.evaluation.models import ReportGrant

    today = timezone.localdate()
    return ReportGrant.objects.create(
        organisation=o.deploying,
        funder="Fonds Test",
        period_start=dt.date(today.year, 1, 1),
        period_end=today,
        expires_on=today + dt.timedelta(days=30),
        created_by=User.objects.get(email="coordinator@test.nl"),
    )


def _token(o) -> dict:
    return {"token": _grant(o).token}


def _grant_pk(o, p) -> dict:
    return {"pk": _grant(o).pk}


# Coordinators of the organisation read its report; a coordinator elsewhere gets 404; other roles 403.
_COORDINATOR_ONLY = only({"coordinator": 200, "other_coordinator": 404}, 403)

MATRIX = {
    "evaluation:index": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "evaluation:report": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:report_pdf": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:report_xlsx": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:grants": (_org, _COORDINATOR_ONLY, LOGIN),
    # POST only: a GET is refused (405) for everyone.
    "evaluation:grant_revoke": (lambda o: {"pk": _grant(o).pk}, everyone(405), 405),
    # The funder's link needs no account: anyone holding a live link reads that one report.
    "evaluation:shared": (_token, everyone(200), 200),
    "evaluation:shared_pdf": (_token, everyone(200), 200),
    "evaluation:shared_xlsx": (_token, everyone(200), 200),
}

POST_MATRIX = {
    "evaluation:grant_revoke": (
        _grant_pk,
        only({"coordinator": 302, "other_coordinator": 404}, 403),
    ),
}
