"""Who may open the network pages. The social map is public; coordinators and operators edit it."""

import datetime as dt

from django.utils import timezone

from inzet.lib.testing import LOGIN, everyone, only
from inzet.network import events
from inzet.network.models import Event, Partner

TOKEN = {}


def _partner(o, p=None) -> dict:
    partner, _ = Partner.objects.get_or_create(name="Buurthuis De Linde", defaults={"kind": "welfare", "area": "Zuid"})
    return {"pk": partner.pk}


def event_for(o=None, p=None) -> Event:
    start = timezone.now() + dt.timedelta(days=7)
    event, _ = Event.objects.get_or_create(
        title="Inspiratiedag",
        defaults={"kind": "inspiration", "starts_at": start, "ends_at": start + dt.timedelta(hours=3)},
    )
    return event


def _event(o, p=None) -> dict:
    return {"pk": event_for().pk}


def _registration(o, p=None) -> dict:
    _registration, token = events.registration_create(event=event_for(), full_name="Rik", email="rik@example.org")
    if token:
        TOKEN["value"] = token
    return {"token": TOKEN["value"]}


def _award(o, p=None) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from inzet.accounts.models import User
    from inzet.network import marks
    from inzet.network.models import Award, Scheme

    found = Award.objects.first()
    if found:
        return {"pk": found.pk}
    scheme = Scheme.objects.create(
        name="Toegankelijk", criteria="Drempelvrij", evidence_required="Foto's", assessor="Panel"
    )
    evidence = SimpleUploadedFile("bewijs.png", PNG, content_type="image/png")
    award = marks.award_apply(
        applicant=User.objects.get(email="operator@test.nl"),
        scheme=scheme,
        partner=Partner.objects.get(pk=_partner(o)["pk"]),
        evidence=evidence,
    )
    return {"pk": award.pk}


# A valid 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201"
    "a2d5e1b50000000049454e44ae426082"
)

EDITORS = only({"operator": 200, "coordinator": 200, "other_coordinator": 200}, 403)

MATRIX = {
    "network:map": (None, everyone(200), 200),
    "network:partner": (_partner, everyone(200), 200),
    "network:partner_new": (None, EDITORS, LOGIN),
    "network:partner_edit": (_partner, EDITORS, LOGIN),
    "network:events": (None, everyone(200), 200),
    "network:event": (_event, everyone(200), 200),
    "network:event_ics": (_event, everyone(200), 200),
    "network:registration": (_registration, everyone(200), 200),
    # POST only (below); anyone holding the personal link may cancel.
    "network:registration_cancel": (_registration, everyone(405), 405),
    "network:event_new": (None, EDITORS, LOGIN),
    "network:event_manage": (_event, EDITORS, LOGIN),
    "network:marks": (None, everyone(200), 200),
    "network:award_apply": (None, EDITORS, LOGIN),
    "network:awards": (None, EDITORS, LOGIN),
    "network:award": (_award, EDITORS, LOGIN),
    "network:award_evidence": (_award, EDITORS, LOGIN),
}

POST_MATRIX = {
    # An empty application comes back with Dutch messages (200).
    "network:award_apply": (lambda o, p: {}, EDITORS),
    # The applicant (the operator) may not assess: 403; others get the form back with messages.
    "network:award": (_award, only({"coordinator": 200, "other_coordinator": 200, "operator": 403}, 403)),
    "network:event_new": (lambda o, p: {}, EDITORS),
    "network:event_manage": (_event, only({"operator": 302, "coordinator": 302, "other_coordinator": 302}, 403)),
    # An incomplete form comes back with Dutch messages (200); nobody else gets in.
    "network:partner_new": (lambda o, p: {}, EDITORS),
    "network:partner_edit": (_partner, EDITORS),
}
