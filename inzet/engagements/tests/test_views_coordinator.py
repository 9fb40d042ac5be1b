from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import make_person, term
from inzet.engagements import services
from inzet.engagements.models import Agreement, IntakeReview, Invitation, RequestStatus, Session
from inzet.engagements.selectors import PICKER_PAGE_SIZE
from inzet.engagements.tests import factories as f
from inzet.experts.models import AccessLog, Audience, ExpertExperience, ExpertProfile
from inzet.organisations.models import Membership, Role
from inzet.taxonomy.models import Term

INTAKE_POST = {
    "fits_mission": "yes",
    "fits_mission_reason": "Past bij ons werk rond armoede",
    "has_expertise": "yes",
    "has_expertise_reason": "Vijf mensen met ervaring",
    "conditions_ok": "yes",
    "conditions_ok_reason": "Eerlijke vergoeding, met twee mensen",
    "decision": "accept",
    "message": "",
}


def test_the_inbox_lists_requests_by_status_with_bounded_queries(
    client, asker, coordinator, orgs, django_assert_max_num_queries
):
    for i in range(8):
        f.submitted(orgs, asker, title=f"Nieuw {i}")
    for i in range(4):
        f.matching(orgs, asker, coordinator, title=f"Zoeken {i}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("engagements:inbox")).content.decode()
    assert "Nieuw 7" in body and "Zoeken 3" in body
    assert "Verstuurd (8)" in body and "Zoeken naar ervaringsdeskundigen (4)" in body
    filtered = client.get(reverse("engagements:inbox"), {"status": "matching"}).content.decode()
    assert "Zoeken 0" in filtered and "Nieuw 0" not in filtered


def test_another_organisation_does_not_see_the_request(client, asker, other_coordinator, orgs):
    request = f.submitted(orgs, asker, title="Alleen voor Stichting Ervaring")
    client.force_login(other_coordinator)
    assert "Alleen voor Stichting Ervaring" not in client.get(reverse("engagements:inbox")).content.decode()
    assert client.get(reverse("engagements:detail", args=[request.pk])).status_code == 404
    assert client.get(reverse("engagements:intake", args=[request.pk])).status_code == 404


def test_the_intake_records_three_answers_with_reasons_and_accepts(
    client, asker, coordinator, orgs, django_capture_on_commit_callbacks
):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagements:intake", args=[request.pk]), INTAKE_POST)
    assert response.url == reverse("engagements:detail", args=[request.pk])
    review = IntakeReview.objects.get(request=request)
    assert review.fits_mission is True and review.conditions_ok_reason == "Eerlijke vergoeding, met twee mensen"
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING
    assert [m.to for m in mail.outbox] == [[asker.email]]


def test_the_intake_explains_what_is_missing_and_keeps_the_answers(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    response = client.post(
        reverse("engagements:intake", args=[request.pk]),
        {**INTAKE_POST, "has_expertise_reason": "", "decision": "decline", "message": ""},
    )
    body = response.content.decode()
    assert "Schrijf kort waarom." in body and "Schrijf de vrager kort waarom." in body
    assert "Past bij ons werk rond armoede" in body
    assert not IntakeReview.objects.exists()


def test_declining_sends_the_message_to_the_asker(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    client.post(
        reverse("engagements:intake", args=[request.pk]),
        {**INTAKE_POST, "conditions_ok": "no", "decision": "decline", "message": "Er is geen vergoeding."},
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
    client.force_login(asker)
    assert "Er is geen vergoeding." in client.get(reverse("engagements:detail", args=[request.pk])).content.decode()


def test_a_trainer_reads_but_cannot_decide(client, asker, trainer, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(trainer)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert request.title in body and "Intake doen" not in body
    assert client.post(reverse("engagements:intake", args=[request.pk]), INTAKE_POST).status_code == 403


def test_taking_a_request_into_intake_is_audited(client, asker, coordinator, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(coordinator)
    client.post(reverse("engagements:intake_start", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == RequestStatus.INTAKE
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Verstuurd → In behandeling" in body and coordinator.full_name in body


# --- inviting ------------------------------------------------------------------------------------


@pytest.fixture
def own_profile(coordinator, orgs):
    """The coordinator is also an expert of the same organisation (docs/domain/request-loop.md#independence)."""
    Membership.objects.create(user=coordinator, organisation=orgs.deploying, role=Role.EXPERT)
    return ExpertProfile.objects.create(user=coordinator, organisation=orgs.deploying)


def test_the_picker_lists_active_experts_with_only_what_they_share(
    client, asker, coordinator, orgs, expert_profile, own_profile, pool
):
    expert_profile.vis_name = Audience.ONLY_ME
    expert_profile.save()
    pool[0].paused = True
    pool[0].save()
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    body = client.get(reverse("engagements:invite", args=[request.pk])).content.decode()
    # Hidden name, hidden story: not shown. Shared with coordinators: shown.
    assert "Eef Expert" not in body and f"nr. {expert_profile.pk} (naam niet gedeeld)" in body
    assert "Schulden" in body or "Armoede" in body  # poverty_debt is shared with coordinators
    assert "Verslaving" not in body  # addiction is only for the expert
    assert "Pool 1" in body and "Pool 0" not in body  # a paused expert is not offered
    # The coordinator is never offered to themselves.
    assert f'name="expert" value="{own_profile.pk}"' not in body
    # Reading lived experience is logged.
    assert AccessLog.objects.filter(profile=expert_profile, viewer=coordinator, item="experience").exists()


def test_the_picker_filters_on_visible_experience_and_name(client, asker, coordinator, orgs, expert_profile, pool):
    request = f.matching(orgs, asker, coordinator)
    request.experience_areas.set([term("experience_area", "addiction")])  # sealed: "Alleen ik"
    client.force_login(coordinator)
    url = reverse("engagements:invite", args=[request.pk])
    # The addiction story is private: filtering on it must not reveal the expert.
    assert "Eef Expert" not in client.get(url, {"passend": "on"}).content.decode()
    body = client.get(url, {"q": "pool 2"}).content.decode()
    assert "Pool 2" in body and "Pool 1" not in body


def test_the_picker_uses_a_bounded_number_of_queries(client, asker, coordinator, orgs, django_assert_max_num_queries):
    area = Term.objects.of("experience_area").first()
    for i in range(45):
        user = make_person(f"extra{i}@test.nl", f"Extra {i}", [(orgs.deploying, Role.EXPERT)])
        profile = ExpertProfile.objects.create(user=user, organisation=orgs.deploying)
        ExpertExperience.objects.create(profile=profile, area=area, visibility=Audience.COORDINATORS)
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    # 20 rows a page; each shown row logs its lived-experience read (one insert), the rest is constant.
    with django_assert_max_num_queries(20 + PICKER_PAGE_SIZE):
        response = client.get(reverse("engagements:invite", args=[request.pk]))
    assert response.context["page_obj"].paginator.count == 45
    assert AccessLog.objects.filter(viewer=coordinator, item="experience").count() == PICKER_PAGE_SIZE


def test_a_coordinator_invites_an_expert_who_gets_an_email(
    client, asker, coordinator, orgs, expert_profile, django_capture_on_commit_callbacks
):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("engagements:invite", args=[request.pk]), {"expert": expert_profile.pk, "message": "Iets voor jou?"}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(request=request, expert=expert_profile)
    assert invitation.message == "Iets voor jou?" and invitation.state == Invitation.State.PENDING
    assert mail.outbox[0].to == [expert_profile.user.email]
    assert f"/vragen/uitnodigingen/{invitation.pk}/" in mail.outbox[0].body


def test_the_invite_action_returns_to_a_safe_next_page(client, asker, coordinator, orgs, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    url = reverse("engagements:invite", args=[request.pk])
    matching = reverse("matching:request", args=[request.pk])
    response = client.post(url, {"expert": expert_profile.pk, "next": matching})
    assert response.url == matching
    response = client.post(url, {"expert": expert_profile.pk, "next": "https://kwaad.example/"})
    assert response.url == url


def test_a_coordinator_can_never_invite_themselves_through_the_page(client, asker, coordinator, orgs, own_profile):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("engagements:invite", args=[request.pk]), {"expert": own_profile.pk})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_experts_of_another_organisation_cannot_be_invited_through_the_page(client, asker, coordinator, orgs, pool):
    pool[0].organisation = orgs.other_deploying
    pool[0].save()
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    assert client.post(reverse("engagements:invite", args=[request.pk]), {"expert": pool[0].pk}).status_code == 404
    assert not Invitation.objects.exists()


def test_the_request_page_shows_invitations_with_their_state_and_private_reasons(
    client, asker, coordinator, orgs, pool
):
    request = f.matching(orgs, asker, coordinator)
    yes = f.accept(f.invite(request, pool[0], coordinator))
    no = f.invite(request, pool[1], coordinator)
    services.invitation_respond(invitation=no, actor=pool[1].user, accept=False, reason="Te dicht bij huis")
    f.invite(request, pool[2], coordinator)
    client.force_login(coordinator)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Pool 0" in body and "Pool 1" in body and "Pool 2" in body
    assert "Te dicht bij huis" in body and "Wacht op antwoord" in body
    assert yes.state == Invitation.State.ACCEPTED
    # The asker sees neither the declined expert nor the reason.
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Te dicht bij huis" not in body and "Pool 1" not in body


def test_the_request_page_uses_a_bounded_number_of_queries(
    client, asker, coordinator, orgs, django_assert_max_num_queries
):
    people = []
    for i in range(6):
        user = make_person(f"team{i}@test.nl", f"Team {i}", [(orgs.deploying, Role.EXPERT)])
        people.append(ExpertProfile.objects.create(user=user, organisation=orgs.deploying))
    request = f.matching(orgs, asker, coordinator, experts_needed=6)
    f.fill_seats(request, coordinator, people)
    f.with_agreement(request, coordinator)
    for day in range(5):
        start = timezone.now() + timedelta(days=day + 1)
        services.session_add(
            engagement=request,
            actor=coordinator,
            data={"title": f"Sessie {day}", "starts_at": start, "ends_at": start + timedelta(hours=2)},
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(25):
        body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Team 5" in body and "Sessie 4" in body


# --- agreement, sessions, start, complete --------------------------------------------------------


def test_the_agreement_form_suggests_the_vws_guideline_rate(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator, hours_estimate="6")
    client.force_login(coordinator)
    body = client.get(reverse("engagements:agreement", args=[request.pk])).content.decode()
    assert 'name="hourly_rate" value="50.00"' in body
    assert 'name="hours" value="12.0"' in body  # 6 hours × 2 experts


def test_saving_the_agreement_tells_the_asker(client, asker, coordinator, orgs, django_capture_on_commit_callbacks):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    data = {k: v for k, v in f.AGREEMENT_DATA.items() if k != "first_assignment_discount"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagements:agreement", args=[request.pk]), data)
    assert response.status_code == 302
    agreement = Agreement.objects.get(request=request)
    assert agreement.safety_net_contact == "Mia Mentor, 06-12345678" and agreement.drafted_by == coordinator
    assert mail.outbox[-1].to == [asker.email] and "akkoord" in mail.outbox[-1].body


def test_the_agreement_form_explains_missing_fields(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("engagements:agreement", args=[request.pk]), {"communication": "Elke week mailen", "hourly_rate": "-5"}
    )
    body = response.content.decode()
    assert "Vul dit in." in body and "Elke week mailen" in body
    assert "Vul een getal in dat niet kleiner is dan 0." in body
    assert not Agreement.objects.exists()


def test_the_asker_accepts_once_every_seat_is_filled(client, asker, coordinator, orgs, pool):
    request = f.matching(orgs, asker, coordinator)
    f.with_agreement(request, coordinator)
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "U kunt akkoord geven zodra alle ervaringsdeskundigen ja hebben gezegd." in body
    f.fill_seats(request, coordinator, pool[:2])
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Akkoord geven op afspraken en offerte" in body
    client.post(reverse("engagements:agreement_accept", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == RequestStatus.AGREED
    assert request.agreement.accepted_by == asker


def test_the_coordinator_cannot_accept_for_the_asker(client, asker, coordinator, orgs, pool):
    request = f.matching(orgs, asker, coordinator)
    f.fill_seats(request, coordinator, pool[:2])
    f.with_agreement(request, coordinator)
    client.force_login(coordinator)
    assert client.post(reverse("engagements:agreement_accept", args=[request.pk])).status_code == 403


def test_a_session_is_planned_and_checked(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    url = reverse("engagements:session_add", args=[request.pk])
    response = client.post(url, {"title": "Werkgroep", "day": "2026-04-07", "start": "14:00", "end": "13:00"})
    assert "De eindtijd ligt na de begintijd." in response.content.decode()
    client.post(
        url, {"title": "Werkgroep", "day": "2026-04-07", "start": "13:00", "end": "16:00", "location": "Stadhuis"}
    )
    session = Session.objects.get(request=request)
    local = timezone.localtime(session.starts_at)
    assert (local.hour, local.minute) == (13, 0) and session.location == "Stadhuis"


def test_the_coordinator_starts_and_completes(client, asker, coordinator, orgs, expert_profile):
    request = f.agreed(orgs, asker, coordinator, [expert_profile])
    client.force_login(coordinator)
    client.post(reverse("engagements:start", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == RequestStatus.RUNNING
    client.post(reverse("engagements:complete", args=[request.pk]), {"note": "Mooie gesprekken"})
    request.refresh_from_db()
    assert request.status == RequestStatus.COMPLETED
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Bezig → Afgerond – Mooie gesprekken" in body


def test_a_step_out_of_order_is_refused_with_a_message(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("engagements:start", args=[request.pk]), follow=True)
    assert "Deze stap kan nu niet." in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHING


def test_the_coordinator_can_run_the_invitation_housekeeping_now(
    client, asker, coordinator, orgs, pool, django_capture_on_commit_callbacks
):
    request = f.matching(orgs, asker, coordinator)
    soon = services.invitation_create(engagement=request, expert=pool[0], actor=coordinator, days=1)
    gone = services.invitation_create(engagement=request, expert=pool[1], actor=coordinator)
    Invitation.objects.filter(pk=gone.pk).update(expires_at=timezone.now() - timedelta(hours=1))
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagements:housekeeping"))
    assert response.url == reverse("engagements:inbox")
    soon.refresh_from_db()
    gone.refresh_from_db()
    assert soon.reminded_at is not None and gone.state == Invitation.State.EXPIRED
    assert [m.to for m in mail.outbox] == [[pool[0].user.email]]
