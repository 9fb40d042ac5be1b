"""Who may open the conversation pages (see inzet/lib/testing.py).

The data: a matching request from the asker persona's organisation to the coordinator persona's
organisation; the expert persona has said yes (shared thread) or is only invited (private thread).
"""

from inzet.conversations import services
from inzet.conversations.permissions import shared_access
from inzet.engagements.tests import factories as f
from inzet.lib.testing import LOGIN, everyone, only

ASKER = "asker@test.nl"
COORDINATOR = "coordinator@test.nl"
EXPERT = "expert@test.nl"


def _accepted(orgs):
    asker, coordinator, expert = f.person(ASKER), f.person(COORDINATOR), f.person(EXPERT)
    request = f.matching(orgs, asker, coordinator)
    f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    return request


def _shared(orgs):
    return {"pk": _accepted(orgs).pk}


def _invitation(orgs):
    asker, coordinator, expert = f.person(ASKER), f.person(COORDINATOR), f.person(EXPERT)
    request = f.matching(orgs, asker, coordinator)
    return {"pk": f.invite(request, f.profile_for(expert, orgs.deploying), coordinator).pk}


def _attachment(orgs):
    from django.core.files.base import ContentFile

    from inzet.lib.tests.samples import PDF_BYTES

    request = _accepted(orgs)
    asker = f.person(ASKER)
    message = services.message_post(
        access=shared_access(asker, request.pk),
        actor=asker,
        body="Zie bijlage",
        nonce="matrix-attachment",
        files=[ContentFile(PDF_BYTES, name="plan.pdf")],
    )
    return {"pk": message.attachments.get().pk}


# The shared thread: asker side, staff and the accepted expert; trainers read along.
SHARED = {"asker": 200, "coordinator": 200, "trainer": 200, "expert": 200}
LOGGED_IN = {p: 200 for p in everyone(200)}

MATRIX = {
    "conversations:inbox": (None, LOGGED_IN, LOGIN),
    "conversations:unread": (None, LOGGED_IN, LOGIN),
    "conversations:notifications": (None, LOGGED_IN, LOGIN),
    "conversations:digest_setting": (None, everyone(405), LOGIN),
    "conversations:request": (_shared, only(SHARED, 404), LOGIN),
    # Only the invited expert and the organisation's staff: the asker never sees it.
    "conversations:invitation": (_invitation, only({"coordinator": 200, "trainer": 200, "expert": 200}, 404), LOGIN),
    "conversations:attachment": (_attachment, only(SHARED, 404), LOGIN),
}


def _post(builder):
    return lambda orgs, personas: builder(orgs)


NOT_OURS = {"operator": 404, "other_coordinator": 404, "other_asker": 404, "outsider": 404}

POST_MATRIX = {
    # An empty post shows the form again (200) for those who may write; a trainer may only read.
    "conversations:request": (
        _post(_shared),
        {**NOT_OURS, "asker": 200, "coordinator": 200, "expert": 200, "trainer": 403},
    ),
    "conversations:invitation": (
        _post(_invitation),
        {**NOT_OURS, "asker": 404, "coordinator": 200, "expert": 200, "trainer": 403},
    ),
    "conversations:digest_setting": (lambda o, p: {}, everyone(302)),
    "conversations:notifications": (lambda o, p: {}, everyone(302)),
}
