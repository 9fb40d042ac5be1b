"""Who may open the signals pages. Reporting, following with the secret link and the published
lobby overviews are public; handling signals is for coordinators and operators only."""

import datetime as dt
import uuid

from django.utils import timezone

from inzet.lib.testing import LOGIN, everyone, only
from inzet.signals import services
from inzet.signals.models import Bundle, Example, Theme

TOKEN = {}


def _signal(o=None, p=None):
    signal, token = services.signal_report(
        request_key=uuid.UUID(int=77), theme=Theme.objects.get(code="benefits"), description="Gekort op mijn bijstand"
    )
    if token:
        TOKEN["value"] = token
    return signal


def _pk(o, p=None) -> dict:
    return {"pk": _signal().pk}


def _follow(o, p=None) -> dict:
    _signal()
    return {"token": TOKEN["value"]}


def _bundle(o, p=None) -> dict:
    bundle, _ = Bundle.objects.get_or_create(title="Kortingen", defaults={"theme": Theme.objects.get(code="benefits")})
    return {"pk": bundle.pk}


def _overview(o, p=None, *, published=False) -> dict:
    today = timezone.localdate()
    overview = services.overview_save(
        by=None, title="Overzicht", period_start=today - dt.timedelta(days=30), period_end=today
    )
    if published:
        services.overview_publish(overview=overview)
    return {"pk": overview.pk}


def _published(o, p=None) -> dict:
    return _overview(o, p, published=True)


def _example(o, p=None) -> dict:
    overview_pk = _overview(o)["pk"]
    example = Example.objects.create(overview_id=overview_pk, theme=Theme.objects.get(code="benefits"), text="Iets")
    return {"pk": example.pk}


HANDLERS = only({"operator": 200, "coordinator": 200, "other_coordinator": 200}, 403)
NOT_GET = only({"operator": 405, "coordinator": 405, "other_coordinator": 405}, 403)
HANDLERS_POST = only({"operator": 302, "coordinator": 302, "other_coordinator": 302}, 403)

MATRIX = {
    "signals:report": (None, everyone(200), 200),
    "signals:follow": (_follow, everyone(200), 200),
    "signals:mine": (None, everyone(200), LOGIN),
    "signals:inbox": (None, HANDLERS, LOGIN),
    "signals:record": (None, HANDLERS, LOGIN),
    "signals:detail": (_pk, HANDLERS, LOGIN),
    "signals:bundles": (None, HANDLERS, LOGIN),
    "signals:bundle": (_bundle, HANDLERS, LOGIN),
    "signals:overviews": (None, everyone(200), 200),
    "signals:overview_new": (None, HANDLERS, LOGIN),
    # A draft is a 404 for everyone but the handlers; a published one is public (tests/test_views).
    "signals:overview": (_overview, only({"operator": 200, "coordinator": 200, "other_coordinator": 200}, 404), 404),
    "signals:overview_edit": (_overview, HANDLERS, LOGIN),
    "signals:example_add": (_overview, NOT_GET, LOGIN),
    "signals:example_remove": (_example, NOT_GET, LOGIN),
    "signals:overview_publish": (_overview, NOT_GET, LOGIN),
}

POST_MATRIX = {
    "signals:overview_publish": (_overview, HANDLERS_POST),
    "signals:example_remove": (_example, HANDLERS_POST),
    # An empty example is refused with a Dutch message on the page (200).
    "signals:example_add": (_overview, HANDLERS),
    "signals:record": (lambda o, p: {}, HANDLERS),
    "signals:detail": (_pk, HANDLERS),
}
