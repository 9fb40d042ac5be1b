"""The coordinator's matching page: ranking with reasons, team proposal, inviting, and who may see it."""

import pytest
from django.urls import reverse

from inzet.engagements.models import Invitation, RequestStatus
from inzet.experts.models import AccessLog, Audience
from inzet.matching.tests.conftest import make_expert, make_request


def page(client, user, request):
    client.force_login(user)
    return client.get(reverse("matching:request", args=[request.pk]))


def test_it_ranks_the_best_fit_first_with_reasons_per_criterion(client, coordinator, orgs, matching_request):
    make_expert(
        orgs.deploying, name="Goede Match", areas={"poverty_debt": Audience.COORDINATORS, "addiction": Audience.ASKERS}
    )
    make_expert(orgs.deploying, name="Halve Match", areas={"autism": Audience.COORDINATORS}, roles=())
    response = page(client, coordinator, matching_request)
    assert response.status_code == 200
    ranking = response.context["page"].ranking
    assert [row.name for row in ranking] == ["Goede Match", "Halve Match"]
    assert ranking[0].score > ranking[1].score
    html = response.content.decode()
    assert "Alle gevraagde ervaringsgebieden: Armoede en schulden en Verslaving." in html
    assert "Ervaringsgebied" in html and "Beschikbaar in de periode" in html


def test_a_hidden_experience_area_neither_counts_nor_shows(client, coordinator, orgs, matching_request):
    hidden = make_expert(orgs.deploying, name="Verborgen", areas={"addiction": Audience.ONLY_ME})
    without = make_expert(orgs.deploying, name="Zonder", areas={})
    response = page(client, coordinator, matching_request)
    rows = {row.name: row for row in response.context["page"].ranking}
    assert rows["Verborgen"].score == rows["Zonder"].score
    area = rows["Verborgen"].criteria[0]
    assert area.code == "experience_areas" and area.points == 0
    assert "Verslaving" not in area.explanation_nl
    html = response.content.decode()
    ranking_table = html.split("Wie past het best?")[1].split("Voorstel voor het team")[0]
    assert "Verslaving" not in ranking_table
    assert hidden.pk != without.pk


def test_hidden_items_say_they_do_not_count(client, coordinator, orgs, matching_request):
    make_expert(orgs.deploying, name="Rollen Verborgen", vis_roles=Audience.ONLY_ME)
    response = page(client, coordinator, matching_request)
    row = response.context["page"].ranking[0]
    role = next(c for c in row.criteria if c.code == "roles")
    assert (role.shown, role.points) == (False, 0.0)
    assert "Niet met u gedeeld. Telt niet mee." in response.content.decode()


def test_paused_unwilling_inactive_and_unavailable_people_are_never_listed(client, coordinator, orgs, matching_request):
    from inzet.experts.models import ExpertStatus, UnavailablePeriod

    make_expert(orgs.deploying, name="Beschikbaar")
    make_expert(orgs.deploying, name="Met Pauze", paused=True)
    make_expert(orgs.deploying, name="Wil Niet", consent_matching=False)
    make_expert(orgs.deploying, name="Gestopt", status=ExpertStatus.INACTIVE)
    away = make_expert(orgs.deploying, name="Op Vakantie")
    UnavailablePeriod.objects.create(
        profile=away, start=matching_request.start_date, end=matching_request.end_date, note="vakantie"
    )
    make_expert(orgs.deploying, name="Niet Dit Werk", unwanted=(("role", "policy_influencer"),))
    make_expert(orgs.other_deploying, name="Andere Organisatie")
    response = page(client, coordinator, matching_request)
    html = response.content.decode()
    assert [row.name for row in response.context["page"].ranking] == ["Beschikbaar"]
    for name in ("Met Pauze", "Wil Niet", "Gestopt", "Op Vakantie", "Niet Dit Werk", "Andere Organisatie"):
        assert name not in html


def test_names_follow_the_experts_choice(client, coordinator, orgs, matching_request):
    shy = make_expert(orgs.deploying, name="Verlegen Persoon", vis_name=Audience.ONLY_ME)
    html = page(client, coordinator, matching_request).content.decode()
    assert "Verlegen Persoon" not in html
    assert f"Ervaringsdeskundige nr. {shy.pk} (naam niet gedeeld)" in html


def test_the_page_uses_a_bounded_number_of_queries(
    client, coordinator, orgs, matching_request, django_assert_max_num_queries
):
    for i in range(60):
        make_expert(
            orgs.deploying,
            areas={"poverty_debt": Audience.COORDINATORS, "addiction": Audience.ONLY_ME if i % 2 else Audience.PUBLIC},
            competences={"change_advice": bool(i % 3)},
        )
    client.force_login(coordinator)
    # The first view builds the pool (pool_cache); the next reads no experts but the shown ones.
    with django_assert_max_num_queries(18):
        response = client.get(reverse("matching:request", args=[matching_request.pk]))
    assert len(response.context["page"].ranking) == 20
    assert response.context["page"].team is not None
    with django_assert_max_num_queries(15):
        again = client.get(reverse("matching:request", args=[matching_request.pk]))
    assert [r.expert_id for r in again.context["page"].ranking] == [
        r.expert_id for r in response.context["page"].ranking
    ]


def test_the_page_shows_a_team_proposal_with_alternatives(client, coordinator, orgs, matching_request):
    # Two age bands make the team more diverse, but only where the expert shares their age.
    shared = {"vis_benefit": Audience.COORDINATORS}
    make_expert(
        orgs.deploying,
        name="Armoede Kenner",
        areas={"poverty_debt": Audience.COORDINATORS},
        age_band="27_plus",
        **shared,
    )
    make_expert(
        orgs.deploying, name="Verslaving Kenner", areas={"addiction": Audience.COORDINATORS}, age_band="23_26", **shared
    )
    make_expert(orgs.deploying, name="Derde Persoon", areas={"poverty_debt": Audience.COORDINATORS}, age_band="21_22")
    response = page(client, coordinator, matching_request)
    team = response.context["page"].team
    assert sorted(m.name for m in team.members) == ["Armoede Kenner", "Verslaving Kenner"]
    assert team.uncovered_areas == []
    assert len(response.context["page"].alternatives) == 2
    html = response.content.decode()
    assert "Dit duo heeft samen alle gevraagde ervaringsgebieden" in html
    assert "Heel het team uitnodigen" in html and "Ander voorstel 2" in html
    assert "Leeftijdsgroep: 2 verschillend (23 tot en met 26 en 27 of ouder)." in html
    assert "21 of 22" not in html


def test_it_logs_that_lived_experience_was_shown(client, coordinator, orgs, matching_request):
    expert = make_expert(orgs.deploying)
    page(client, coordinator, matching_request)
    assert AccessLog.objects.filter(profile=expert, viewer=coordinator, item="experience", context="page").exists()


def test_a_coordinator_invites_from_the_ranking(
    client, coordinator, orgs, matching_request, mailoutbox, django_capture_on_commit_callbacks
):
    expert = make_expert(orgs.deploying, name="Uit Te Nodigen")
    client.force_login(coordinator)
    url = reverse("matching:invite", args=[matching_request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"expert": expert.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("matching:request", args=[matching_request.pk])
    assert Invitation.objects.get(request=matching_request, expert=expert).state == Invitation.State.PENDING
    assert "De uitnodiging is verstuurd." in response.content.decode()
    assert len(mailoutbox) == 1
    row = response.context["page"].ranking[0]
    assert row.invitation_state == Invitation.State.PENDING and not row.can_invite


def test_a_coordinator_cannot_invite_themselves(client, coordinator, coordinator_expert, matching_request):
    client.force_login(coordinator)
    url = reverse("matching:invite", args=[matching_request.pk])
    response = client.post(url, {"expert": coordinator_expert.pk}, follow=True)
    assert "U kunt uzelf niet voorstellen of inzetten." in response.content.decode()
    assert not Invitation.objects.filter(expert=coordinator_expert).exists()


def test_it_refuses_experts_of_another_organisation(client, coordinator, orgs, matching_request):
    stranger = make_expert(orgs.other_deploying)
    client.force_login(coordinator)
    response = client.post(reverse("matching:invite", args=[matching_request.pk]), {"expert": stranger.pk})
    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_it_explains_an_invitation_the_request_does_not_allow_now(client, coordinator, orgs, matching_request):
    expert = make_expert(orgs.deploying)
    matching_request.status = RequestStatus.AGREED
    matching_request.save()
    client.force_login(coordinator)
    response = client.post(reverse("matching:invite", args=[matching_request.pk]), {"expert": expert.pk}, follow=True)
    assert "U kunt alleen uitnodigen terwijl er gezocht wordt." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_coordinator_invites_the_whole_team_at_once(
    client, coordinator, orgs, matching_request, django_capture_on_commit_callbacks
):
    first = make_expert(orgs.deploying, areas={"poverty_debt": Audience.COORDINATORS})
    second = make_expert(orgs.deploying, areas={"addiction": Audience.COORDINATORS})
    Invitation.objects.create(
        request=matching_request, expert=second, invited_by=coordinator, expires_at=matching_request.created_at
    )
    client.force_login(coordinator)
    team = page(client, coordinator, matching_request).context["page"].team
    # The pending invitation holds its seat: the proposal fills only the other one.
    assert [m.expert_id for m in team.members] == [first.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matching:invite_team", args=[matching_request.pk]),
            {"experts": f"{team.expert_ids},{second.pk}", "message": "Doen jullie mee?"},
            follow=True,
        )
    html = response.content.decode()
    assert "1 uitnodiging is verstuurd." in html and "1 persoon was al uitgenodigd." in html
    invitation = Invitation.objects.get(request=matching_request, expert=first)
    assert invitation.message == "Doen jullie mee?"


def test_inviting_a_team_with_the_coordinator_in_it_invites_nobody(
    client, coordinator, coordinator_expert, orgs, matching_request
):
    other = make_expert(orgs.deploying)
    client.force_login(coordinator)
    response = client.post(
        reverse("matching:invite_team", args=[matching_request.pk]),
        {"experts": f"{other.pk},{coordinator_expert.pk}"},
        follow=True,
    )
    assert "U kunt uzelf niet voorstellen of inzetten. Er is niemand uitgenodigd." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_broken_team_form_keeps_the_page_and_says_why(client, coordinator, matching_request):
    client.force_login(coordinator)
    response = client.post(reverse("matching:invite_team", args=[matching_request.pk]), {"experts": "1,x"}, follow=True)
    assert "Dit team kan niet worden uitgenodigd. Laad de pagina opnieuw." in response.content.decode()


def test_a_trainer_may_look_but_not_invite(client, trainer, orgs, matching_request):
    expert = make_expert(orgs.deploying, name="Bekeken")
    response = page(client, trainer, matching_request)
    html = response.content.decode()
    assert response.status_code == 200 and "Bekeken" in html
    assert 'name="expert"' not in html and "Heel het team uitnodigen" not in html
    response = client.post(reverse("matching:invite", args=[matching_request.pk]), {"expert": expert.pk})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["asker", "other_coordinator", "expert", "operator", "outsider"])
def test_other_people_do_not_find_the_page(client, personas, orgs, matching_request, persona):
    make_expert(orgs.deploying)
    client.force_login(personas[persona])
    assert client.get(reverse("matching:request", args=[matching_request.pk])).status_code == 404


def test_a_draft_is_not_there_for_coordinators(client, coordinator, orgs, asker):
    from inzet.engagements.tests import factories as f

    draft = f.draft(orgs, asker)
    client.force_login(coordinator)
    assert client.get(reverse("matching:request", args=[draft.pk])).status_code == 404


def test_it_says_when_nobody_fits(client, coordinator, orgs, asker):
    request = make_request(orgs, asker, coordinator)
    html = page(client, coordinator, request).content.decode()
    assert "Er is nu niemand die bij deze vraag past en beschikbaar is." in html
    assert "Er is nu geen team voor te stellen." in html


def test_the_proposal_fills_the_seats_around_who_already_said_yes(
    client, coordinator, orgs, matching_request, django_assert_max_num_queries
):
    from inzet.engagements import services
    from inzet.engagements.tests import factories as f

    first = make_expert(orgs.deploying, name="Al Ja", areas={"poverty_debt": Audience.COORDINATORS})
    waiting = make_expert(orgs.deploying, name="Nog Geen Antwoord", areas={"addiction": Audience.COORDINATORS})
    for n in range(3):
        make_expert(orgs.deploying, name=f"Vrij {n}", areas={"addiction": Audience.COORDINATORS})
    matching_request.experts_needed = 3
    matching_request.save(update_fields=["experts_needed"])
    accepted = f.accept(f.invite(matching_request, first, coordinator))
    f.invite(matching_request, waiting, coordinator)
    services.invitation_needs_state(
        invitation=accepted, actor=first.user, kinds=["interpreter"], share_with_asker=False
    )
    response = page(client, coordinator, matching_request)
    team = response.context["page"].team
    names = [m.name for m in team.members]
    assert len(names) == 1 and names[0].startswith("Vrij")
    html = response.content.decode()
    assert "Al Ja</strong>: heeft ja gezegd" in html and "Nog Geen Antwoord</strong>: wacht op antwoord" in html
    assert "Een tolk (bijvoorbeeld gebarentaal)" in html
    assert "Aangevuld tot 3: 2 al gevraagd of al ja gezegd, 1 voorgesteld." in html
    # Every proposed person, in every proposal, has their own invite button.
    for proposal in [team, *response.context["page"].alternatives]:
        for member in proposal.members:
            assert f'name="expert" value="{member.expert_id}"' in html
    assert "Ander voorstel 1 helemaal uitnodigen" in html
    assert AccessLog.objects.filter(profile=first, viewer=coordinator, item="needs").exists()


def test_a_member_of_an_alternative_is_invited_in_one_click(client, coordinator, orgs, matching_request):
    for n in range(4):
        make_expert(orgs.deploying, name=f"Kandidaat {n}")
    response = page(client, coordinator, matching_request)
    alternative = response.context["page"].alternatives[0]
    member = alternative.members[-1]
    response = client.post(reverse("matching:invite", args=[matching_request.pk]), {"expert": member.expert_id})
    assert response.status_code == 302
    assert Invitation.objects.filter(request=matching_request, expert_id=member.expert_id).exists()
    # Once invited, that person is shown as asked and left out of every new proposal.
    response = page(client, coordinator, matching_request)
    proposals = [response.context["page"].team, *response.context["page"].alternatives]
    assert all(member.expert_id not in [m.expert_id for m in p.members] for p in proposals)
