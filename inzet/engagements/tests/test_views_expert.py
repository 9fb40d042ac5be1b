from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import make_person
from inzet.engagements import services
from inzet.engagements.models import Invitation
from inzet.engagements.tests import factories as f


def test_the_seats_taken_are_counted_in_the_right_singular_or_plural(client, asker, coordinator, orgs, expert_profile):
    request = f.matching(orgs, asker, coordinator, experts_needed=3)
    taken = f.profile_for(make_person("ja@test.nl", "Jet Ja"), orgs.deploying)
    f.accept(f.invite(request, taken, coordinator))
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert_profile.user)
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert "Er worden 3 ervaringsdeskundigen gezocht." in body
    assert "1 persoon heeft al ja gezegd." in body
    assert "hebben al ja gezegd" not in body


def test_the_expert_sees_everything_needed_to_decide(client, asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(
        orgs,
        asker,
        coordinator,
        time_investment="Drie dinsdagmiddagen",
        hours_estimate="9",
        accessibility="Rolstoeltoegankelijk",
        is_heavy=True,
    )
    invitation = services.invitation_create(
        engagement=request, expert=expert_profile, actor=coordinator, message="Past dit?"
    )
    client.force_login(expert)
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    for text in (
        request.goal,
        "Twee keer meepraten in een werkgroep",  # activities
        "Drie dinsdagmiddagen",
        "Stadhuis, Utrecht",
        "Rolstoeltoegankelijk",
        "€ 50,00</data> per uur",  # the amount as Utrecht currency data: never wraps
        "Er worden 2 ervaringsdeskundigen gezocht.",
        "Nog niemand heeft ja gezegd.",
        "vangnet",
        "Past dit?",
        "Ja, ik doe mee",
        "Nee, ik doe niet mee",
        "U hoeft geen reden te geven.",
    ):
        assert text in body, text
    # Nothing of the coordinator's work: no tariff, no audit, no other experts.
    assert "Wat is er gebeurd" not in body


def test_an_expert_accepts_and_the_coordinator_is_told(
    client, asker, coordinator, orgs, expert, expert_profile, django_capture_on_commit_callbacks
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagements:invitation", args=[invitation.pk]), {"answer": "yes"})
    assert response.url == reverse("engagements:invitation", args=[invitation.pk])
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "ja gezegd" in mail.outbox[0].body
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert "U doet mee." in body


def test_declining_with_a_reason_keeps_the_reason_out_of_the_email(
    client, asker, coordinator, orgs, expert, expert_profile, django_capture_on_commit_callbacks
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("engagements:invitation", args=[invitation.pk]), {"answer": "no", "reason": "Het komt te dichtbij"}
        )
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED and invitation.reason == "Het komt te dichtbij"
    assert "Het komt te dichtbij" not in mail.outbox[0].body


def test_no_answer_is_explained(client, asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(expert)
    response = client.post(reverse("engagements:invitation", args=[invitation.pk]), {"reason": "hm"})
    assert "Kies ja of nee." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


def test_when_the_seats_are_full_the_expert_is_told_kindly(
    client, asker, coordinator, orgs, expert, expert_profile, pool
):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    f.fill_seats(request, coordinator, pool[:2])
    client.force_login(expert)
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert "Alle plekken zijn al gevuld." in body and "Ja, ik doe mee" not in body
    response = client.post(reverse("engagements:invitation", args=[invitation.pk]), {"answer": "yes"}, follow=True)
    assert "Alle plekken zijn al gevuld. Dank u wel voor uw reactie." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING


def test_an_expired_invitation_cannot_be_accepted(client, asker, coordinator, orgs, expert, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(expert)
    response = client.post(reverse("engagements:invitation", args=[invitation.pk]), {"answer": "yes"}, follow=True)
    assert "Deze uitnodiging is verlopen." in response.content.decode()


def test_only_the_invited_expert_opens_the_invitation(client, asker, coordinator, orgs, expert_profile, pool):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    url = reverse("engagements:invitation", args=[invitation.pk])
    for person in (pool[0].user, coordinator, asker):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {"answer": "yes"}).status_code == 404


def test_an_expert_does_not_see_requests_they_are_not_invited_to(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request = f.matching(orgs, asker, coordinator)
    attachment = f.with_attachment(f.draft(orgs, asker), asker)
    client.force_login(expert)
    assert client.get(reverse("engagements:detail", args=[request.pk])).status_code == 404
    assert client.get(reverse("engagements:attachment", args=[attachment.request_id, attachment.pk])).status_code == 404
    assert client.get(reverse("engagements:request_calendar", args=[request.pk])).status_code == 404


def test_the_lists_of_invitations_and_assignments(client, asker, coordinator, orgs, expert, expert_profile, pool):
    waiting = f.matching(orgs, asker, coordinator, title="Wacht op mij")
    f.invite(waiting, expert_profile, coordinator)
    busy = f.running(orgs, asker, coordinator, [expert_profile], title="Ik doe mee")
    client.force_login(expert)
    invitations = client.get(reverse("engagements:invitations")).content.decode()
    assert "Wacht op mij" in invitations and "Ik doe mee" in invitations
    assignments = client.get(reverse("engagements:assignments")).content.decode()
    assert "Ik doe mee" in assignments and "Wacht op mij" not in assignments
    assert busy.status == "running"


def test_an_accepted_expert_sees_the_agreement_but_not_the_quote(
    client, asker, coordinator, orgs, expert, expert_profile
):
    request = f.agreed(orgs, asker, coordinator, [expert_profile])
    invitation = Invitation.objects.get(request=request, expert=expert_profile)
    client.force_login(expert)
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert "Mia Mentor, 06-12345678" in body and "Gerrit Gespreksleider" in body
    assert "Offerte" not in body
    assert client.get(reverse("engagements:agreement_pdf", args=[request.pk])).status_code == 200
    assert client.get(reverse("engagements:quote_pdf", args=[request.pk])).status_code == 404


def test_the_invitation_page_shows_the_compensation_check_before_the_expert_says_yes(
    client, asker, coordinator, orgs, expert, expert_profile
):
    invitation = f.invite(f.matching(orgs, asker, coordinator), expert_profile, coordinator)
    client.force_login(expert)
    body = client.get(reverse("engagements:invitation", args=[invitation.pk])).content.decode()
    assert 'class="inzet-compensation-check"' in body
    assert reverse("compensation:assignment_reward", args=[invitation.pk]) in body
