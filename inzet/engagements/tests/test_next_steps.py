from inzet.accounts.permissions import get_roles
from inzet.engagements.selectors import next_steps_for
from inzet.engagements.tests import factories as f
from inzet.lib.next_step import NextStep
from inzet.organisations.models import Role


def _titles(user, role=None):
    steps = next_steps_for(user, get_roles(user), role)
    assert all(isinstance(s, NextStep) for s in steps)
    return [s.title for s in steps]


def test_an_asker_is_told_about_drafts_and_agreements_to_accept(asker, coordinator, orgs, pool):
    f.draft(orgs, asker)
    ready = f.matching(orgs, asker, coordinator, title="Klaar voor akkoord")
    f.fill_seats(ready, coordinator, pool[:2])
    f.with_agreement(ready, coordinator)
    assert _titles(asker) == ["Klaar voor akkoord", "Vragen die nog niet verstuurd zijn", "Een vraag stellen"]


def test_a_coordinator_is_told_what_waits(asker, coordinator, orgs, expert_profile):
    f.submitted(orgs, asker)
    f.matching(orgs, asker, coordinator)
    f.agreed(orgs, asker, coordinator, [expert_profile])
    steps = next_steps_for(coordinator, get_roles(coordinator))
    assert [s.title for s in steps] == ["Nieuwe vragen", "Ervaringsdeskundigen zoeken", "Klaar om te beginnen"]
    assert steps[0].url == "/vragen/binnengekomen/?status=submitted"


def test_an_expert_is_told_about_invitations_and_assignments(asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(orgs, asker, coordinator, title="Doet u mee?")
    invitation = f.invite(request, expert_profile, coordinator)
    f.running(orgs, asker, coordinator, [expert_profile])
    steps = next_steps_for(expert, get_roles(expert))
    assert [s.title for s in steps] == ["Doet u mee?", "Mijn opdrachten"]
    assert steps[0].url == f"/vragen/uitnodigingen/{invitation.pk}/"


def test_steps_can_be_asked_per_role(asker, coordinator, orgs):
    f.submitted(orgs, asker)
    assert _titles(coordinator, Role.ASKER) == []
    assert _titles(coordinator, Role.COORDINATOR) == ["Nieuwe vragen"]


def test_the_steps_use_a_bounded_number_of_queries(asker, coordinator, orgs, django_assert_max_num_queries):
    for i in range(10):
        f.matching(orgs, asker, coordinator, title=f"Vraag {i}")
    roles = get_roles(coordinator)
    with django_assert_max_num_queries(2):
        next_steps_for(coordinator, roles)
