"""experts/disclosure.py lets an asker see more of an expert who said yes to one of its requests.

experts sits below engagements, so it names the invitation and request states as plain values
and reads them through the `invitations` relation; these tests keep both sides in step.
"""

from inzet.engagements import rules, services
from inzet.engagements.models import Invitation, RequestStatus
from inzet.engagements.tests import factories as f
from inzet.experts import disclosure
from inzet.experts.models import Audience


def test_the_states_experts_names_are_the_states_engagements_uses():
    assert disclosure.INVITATION_ACCEPTED == Invitation.State.ACCEPTED
    shared = {RequestStatus.MATCHING, RequestStatus.AGREED, RequestStatus.RUNNING, RequestStatus.COMPLETED}
    assert {s.value for s in shared} == disclosure.SHARED_REQUEST_STATES
    assert {s.value for s in RequestStatus} >= disclosure.SHARED_REQUEST_STATES


def test_an_asker_sees_what_an_expert_shares_with_askers_once_the_expert_said_yes(
    asker, other_asker, coordinator, orgs, expert_profile
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    assert disclosure.viewer_level(asker, expert_profile) == Audience.PUBLIC
    f.accept(invitation)
    assert disclosure.accepted_expert_ids_for_asker(asker) == [expert_profile.pk]
    assert disclosure.viewer_level(asker, expert_profile) == Audience.ASKERS
    assert disclosure.viewer_levels(asker, [expert_profile]) == {expert_profile.pk: Audience.ASKERS}
    assert disclosure.viewer_level(other_asker, expert_profile) == Audience.PUBLIC


def test_a_cancelled_request_no_longer_opens_the_profile_to_its_asker(asker, coordinator, orgs, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    f.accept(f.invite(request, expert_profile, coordinator))
    services.request_cancel(engagement=request, actor=asker, as_=rules.Actor.ASKER)
    assert disclosure.accepted_expert_ids_for_asker(asker) == []
    assert disclosure.viewer_level(asker, expert_profile) == Audience.PUBLIC
