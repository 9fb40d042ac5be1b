"""Workflow step names — states of requests, invitations, payouts, trajectories and the wizard steps — in English (issue 16).

test_translations checks that every message has an English text; this checks that the names people
see as a badge or a step are really translated (an English text equal to the Dutch one is Dutch left
on an English page).
"""

import pytest
from django.utils import translation

from inzet.compensation.models import Payout
from inzet.engagements.models import Invitation, Referral, RequestStatus
from inzet.engagements.wizard_forms import STEPS as REQUEST_STEPS
from inzet.experts.views import STEPS as PROFILE_STEPS
from inzet.knowledge.models import HelpdeskQuestion
from inzet.neighbourhood.models import Referral as NeighbourhoodReferral
from inzet.network.models import Award, Registration
from inzet.privacy.models import ErasureRequest
from inzet.recruitment.models import ApplicationStatus, Decision
from inzet.signals.models import Signal
from inzet.support.models import BuddyPair, MeetingSeat

STATES = [
    RequestStatus,
    Invitation.State,
    Referral.State,
    Payout.State,
    BuddyPair.State,
    MeetingSeat.State,
    NeighbourhoodReferral.Status,
    Registration.Status,
    Award.Status,
    Signal.Status,
    HelpdeskQuestion.Status,
    ErasureRequest.State,
    ApplicationStatus,
    Decision,
]


def _names():
    for choices in STATES:
        for value, label in choices.choices:
            yield f"{choices.__qualname__}.{value}", label
    for slug, title, _form in REQUEST_STEPS:
        yield f"request step {slug}", title
    for number, title in PROFILE_STEPS.items():
        yield f"profile step {number}", title


@pytest.mark.parametrize(("where", "label"), list(_names()), ids=lambda v: str(v) if isinstance(v, str) else "")
def test_every_step_name_has_its_own_english(where, label):
    with translation.override("nl"):
        dutch = str(label)
    with translation.override("en"):
        english = str(label)
    assert english and english != dutch, (where, dutch)


def test_a_request_that_is_not_sent_yet_says_so_in_plain_dutch():
    with translation.override("nl"):
        assert str(RequestStatus.DRAFT.label) == "Nog niet verstuurd"
        assert str(RequestStatus.SUBMITTED.label) == "Verstuurd"
    with translation.override("en"):
        assert str(RequestStatus.DRAFT.label) == "Not sent yet"
