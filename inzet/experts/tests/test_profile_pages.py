"""The expert's own profile page and other people's view of it, per role."""

import pytest
from django.urls import reverse

from conftest import term
from inzet.experts.models import (
    AccessLog,
    Audience,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    TrainingRecord,
    UnavailablePeriod,
)
from inzet.experts.tests.conftest import PDF, SECRET, upload

OTHERS = ["operator", "coordinator", "other_coordinator", "trainer", "asker", "other_asker", "outsider"]


def test_the_expert_sees_everything_and_who_sees_each_item(client, expert, expert_profile):
    client.force_login(expert)
    body = client.get(reverse("experts:my_profile")).content.decode()
    assert SECRET in body and "Schulden verhaal" in body and "Openbaar verhaal" in body
    assert "Wajong" in body and "Vervoer" in body
    assert "Alleen ik" in body and "Iedereen, in het openbare register" in body
    assert reverse("experts:access_log") in body and reverse("experts:print", args=[expert_profile.pk]) in body
    assert "Niet gedeeld" not in body


@pytest.mark.parametrize("persona", OTHERS)
def test_the_secret_story_is_never_shown_to_anyone_else(client, personas, persona, expert_profile):
    client.force_login(personas[persona])
    for name in ("experts:detail", "experts:print", "experts:summary_for"):
        response = client.get(reverse(name, args=[expert_profile.pk]))
        assert SECRET not in response.content.decode(), (persona, name)
    response = client.get(reverse("experts:wizard_for", args=[expert_profile.pk, 2]))
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("persona", ["coordinator", "trainer"])
def test_staff_of_the_organisation_see_what_is_shared_with_them(client, personas, persona, expert_profile):
    client.force_login(personas[persona])
    response = client.get(reverse("experts:detail", args=[expert_profile.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Schulden verhaal" in body and "Openbaar verhaal" in body
    assert "Vervoer" in body  # needs: shared with coordinators
    assert "Wajong" not in body and "27 of ouder" not in body  # benefit: only the expert
    assert "Niet gedeeld" in body
    assert "Wie ziet dit" not in body  # the expert's choices are their own business


@pytest.mark.parametrize("persona", ["operator", "other_coordinator", "asker", "other_asker", "outsider"])
def test_people_without_a_relation_cannot_open_the_profile(client, personas, persona, expert_profile):
    client.force_login(personas[persona])
    assert client.get(reverse("experts:detail", args=[expert_profile.pk])).status_code == 404


def test_the_expert_opening_their_own_detail_page_lands_on_my_profile(client, expert, expert_profile):
    client.force_login(expert)
    response = client.get(reverse("experts:detail", args=[expert_profile.pk]))
    assert response.url == reverse("experts:my_profile")


def test_a_coordinator_view_is_logged_for_the_expert(client, coordinator, expert_profile):
    client.force_login(coordinator)
    client.get(reverse("experts:detail", args=[expert_profile.pk]))
    logged = set(AccessLog.objects.values_list("item", "context", "viewer_id"))
    assert logged == {(item, "page", coordinator.pk) for item in ("experience", "needs", "does_not_want")}


def test_a_coordinator_does_not_change_a_profile_the_expert_keeps_themself(client, coordinator, expert_profile):
    client.force_login(coordinator)
    assert client.get(reverse("experts:wizard_for", args=[expert_profile.pk, 1])).status_code == 403
    assert client.post(reverse("experts:pause", args=[expert_profile.pk])).status_code == 403
    body = client.get(reverse("experts:detail", args=[expert_profile.pk])).content.decode()
    assert "Wijzigen" not in body


# --- competences ------------------------------------------------------------------------------


def test_a_coordinator_confirms_a_competence_and_who_and_when_are_kept(client, coordinator, competence):
    client.force_login(coordinator)
    url = reverse("experts:competence_confirm", args=[competence.profile_id, competence.pk])
    assert url in client.get(reverse("experts:detail", args=[competence.profile_id])).content.decode()
    response = client.post(url)
    assert response.url == reverse("experts:detail", args=[competence.profile_id])
    competence.refresh_from_db()
    assert competence.confirmed_by == coordinator and competence.confirmed_at is not None
    body = client.get(response.url).content.decode()
    assert "Bevestigd door Cor Coördinator" in body


def test_a_competence_the_expert_does_not_share_cannot_be_confirmed(client, coordinator, competence):
    profile = competence.profile
    profile.vis_competences = Audience.ONLY_ME
    profile.save()
    client.force_login(coordinator)
    assert client.post(reverse("experts:competence_confirm", args=[profile.pk, competence.pk])).status_code == 404
    competence.refresh_from_db()
    assert competence.confirmed_at is None


def test_the_expert_adds_and_removes_a_self_assessed_competence(client, expert, expert_profile):
    client.force_login(expert)
    methods = term("competence", "methods_tools")
    response = client.post(reverse("experts:competence_add", args=[expert_profile.pk]), {"competence": methods.pk})
    assert response.url == reverse("experts:my_profile")
    added = ExpertCompetence.objects.get(profile=expert_profile)
    assert added.self_assessed and added.confirmed_at is None
    assert "Zelf ingeschat, nog niet bevestigd" in client.get(response.url).content.decode()
    client.post(reverse("experts:competence_remove", args=[expert_profile.pk, added.pk]))
    assert not ExpertCompetence.objects.filter(profile=expert_profile).exists()


def test_choosing_no_competence_is_explained(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(reverse("experts:competence_add", args=[expert_profile.pk]), {})
    assert "Kies een competentie." in response.content.decode()


# --- pause and unavailable periods ------------------------------------------------------------


def test_pausing_never_asks_for_a_reason_and_can_have_an_end_date(client, expert, expert_profile):
    client.force_login(expert)
    url = reverse("experts:pause", args=[expert_profile.pk])
    body = client.get(url).content.decode()
    assert "U hoeft niet te zeggen waarom" in body
    assert "reden" not in body.lower() and "<textarea" not in body
    response = client.post(url, {"until": "2099-05-01"})
    assert response.url == reverse("experts:my_profile")
    expert_profile.refresh_from_db()
    assert expert_profile.paused and str(expert_profile.paused_until) == "2099-05-01"
    assert "Pauze tot 1 mei 2099" in client.get(response.url).content.decode()
    client.post(url, {"actie": "hervatten"})
    expert_profile.refresh_from_db()
    assert not expert_profile.paused and expert_profile.paused_until is None


def test_a_pause_without_an_end_date_is_fine_but_a_past_date_is_not(client, expert, expert_profile):
    client.force_login(expert)
    url = reverse("experts:pause", args=[expert_profile.pk])
    response = client.post(url, {"until": "2001-01-01"})
    assert "Kies een datum vanaf vandaag." in response.content.decode()
    client.post(url, {"until": ""})
    expert_profile.refresh_from_db()
    assert expert_profile.paused and expert_profile.paused_until is None


def test_the_expert_adds_and_removes_a_period_with_a_private_note(client, expert, coordinator, expert_profile):
    client.force_login(expert)
    url = reverse("experts:unavailable_add", args=[expert_profile.pk])
    response = client.post(url, {"start": "2030-03-10", "end": "2030-03-01", "note": "Vakantie"})
    body = response.content.decode()
    assert "De einddatum ligt vóór de begindatum." in body and 'value="Vakantie"' in body
    client.post(url, {"start": "2030-03-01", "end": "2030-03-10", "note": "Operatie"})
    period = UnavailablePeriod.objects.get(profile=expert_profile)
    assert "Operatie" in client.get(reverse("experts:my_profile")).content.decode()

    client.force_login(coordinator)
    body = client.get(reverse("experts:detail", args=[expert_profile.pk])).content.decode()
    assert "10 maart 2030" in body and "Operatie" not in body  # the note is the expert's own

    client.force_login(expert)
    client.post(reverse("experts:unavailable_remove", args=[expert_profile.pk, period.pk]))
    assert not UnavailablePeriod.objects.exists()


# --- training and evidence --------------------------------------------------------------------


def test_the_expert_adds_training_with_evidence_stored_under_a_random_name(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(
        reverse("experts:training_add", args=[expert_profile.pk]),
        {
            "kind": "register",
            "name": "Register ervaringsdeskundigen",
            "status": "completed",
            "completed_on": "2024-06-01",
            "valid_until": "2027-06-01",
            "evidence": upload("Mijn diploma.PDF", PDF),
        },
    )
    assert response.url == reverse("experts:my_profile")
    record = TrainingRecord.objects.get(profile=expert_profile)
    assert record.evidence_name == "Mijn diploma.PDF"
    assert "diploma" not in record.evidence.name and record.evidence.name.endswith(".pdf")
    download = client.get(reverse("experts:evidence", args=[expert_profile.pk, record.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("virus.exe", b"MZ\x90\x00", "Dit soort bestand kan niet. Kies een pdf, jpg of png."),
        ("nep.pdf", b"<html><script>", "Dit bestand is geen echte pdf, jpg of png."),
        ("foto.png", b"\xff\xd8\xff\xe0 jpeg", "Dit bestand is geen echte pdf, jpg of png."),
        ("groot.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "Dit bestand is te groot. Het mag hoogstens 5 MB zijn."),
    ],
)
def test_a_bad_upload_is_refused_in_dutch_and_the_rest_is_kept(client, expert, expert_profile, name, content, message):
    client.force_login(expert)
    response = client.post(
        reverse("experts:training_add", args=[expert_profile.pk]),
        {"kind": "course", "name": "Cursus Eigen Kracht", "status": "completed", "evidence": upload(name, content)},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body and 'value="Cursus Eigen Kracht"' in body
    assert not TrainingRecord.objects.exists()


def test_evidence_is_for_the_expert_and_their_coordinators_only(client, personas, training):
    url = reverse("experts:evidence", args=[training.profile_id, training.pk])
    expected = {"expert": 200, "coordinator": 200, "trainer": 403, "other_coordinator": 404, "operator": 404}
    expected.update({"asker": 404, "other_asker": 404, "outsider": 404})
    for persona, status in expected.items():
        client.force_login(personas[persona])
        assert client.get(url).status_code == status, persona


def test_evidence_of_training_not_shared_with_coordinators_stays_hidden(client, coordinator, training):
    profile = training.profile
    profile.vis_training = Audience.ONLY_ME
    profile.save()
    client.force_login(coordinator)
    assert client.get(reverse("experts:evidence", args=[profile.pk, training.pk])).status_code == 404
    body = client.get(reverse("experts:detail", args=[profile.pk])).content.decode()
    assert "EVC-traject" not in body


def test_removing_training_removes_its_file(client, expert, training, django_capture_on_commit_callbacks):
    storage, name = training.evidence.storage, training.evidence.name
    assert storage.exists(name)
    client.force_login(expert)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("experts:training_remove", args=[training.profile_id, training.pk]))
    assert response.status_code == 302
    assert not TrainingRecord.objects.exists()
    assert not storage.exists(name)


# --- keeping a profile on someone's behalf ----------------------------------------------------


def test_the_keeping_coordinator_changes_the_profile_and_removes_items(client, coordinator, managed_profile):
    period = UnavailablePeriod.objects.create(profile=managed_profile, start="2030-01-01", end="2030-01-02")
    client.force_login(coordinator)
    body = client.get(reverse("experts:detail", args=[managed_profile.pk])).content.decode()
    assert "Dit profiel wordt bijgehouden door Cor Coördinator namens Eef Expert." in body
    assert reverse("experts:wizard_for", args=[managed_profile.pk, 1]) in body
    response = client.post(reverse("experts:unavailable_remove", args=[managed_profile.pk, period.pk]))
    assert response.url == reverse("experts:detail", args=[managed_profile.pk])
    assert not UnavailablePeriod.objects.exists()


def test_the_person_sees_who_keeps_their_profile_and_can_take_it_over(client, expert, managed_profile):
    client.force_login(expert)
    body = client.get(reverse("experts:my_profile")).content.decode()
    assert "Dit profiel wordt bijgehouden door Cor Coördinator namens Eef Expert." in body
    assert "Ook wat op “Alleen ik” staat." in body
    client.post(reverse("experts:take_over", args=[managed_profile.pk]))
    managed_profile.refresh_from_db()
    assert managed_profile.managed_by is None


# --- bounded queries --------------------------------------------------------------------------


def _grow(profile, n: int):
    areas = list(term("experience_area", code) for code in ("autism", "carers", "homelessness", "youth_care"))
    ExpertExperience.objects.bulk_create(
        [ExpertExperience(profile=profile, area=a, description=f"Verhaal {a.code}", visibility=1) for a in areas]
    )
    for code in ("reciprocal_contact", "methods_tools", "change_advice"):
        ExpertCompetence.objects.create(profile=profile, competence=term("competence", code))
    TrainingRecord.objects.bulk_create(
        [TrainingRecord(profile=profile, kind="course", name=f"Cursus {i}") for i in range(n)]
    )
    UnavailablePeriod.objects.bulk_create(
        [
            UnavailablePeriod(profile=profile, start=f"2030-{i % 12 + 1:02d}-01", end=f"2030-{i % 12 + 1:02d}-02")
            for i in range(n)
        ]
    )
    profile.wanted_settings.set(list(term("practice_setting", c) for c in ("peer_groups", "institutions")))


def test_the_own_profile_page_uses_a_bounded_number_of_queries(
    client, expert, expert_profile, django_assert_max_num_queries
):
    _grow(expert_profile, 40)
    client.force_login(expert)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("experts:my_profile"))
    assert "Cursus 39" in response.content.decode()


def test_the_coordinator_view_uses_a_bounded_number_of_queries(
    client, coordinator, expert_profile, django_assert_max_num_queries
):
    _grow(expert_profile, 40)
    client.force_login(coordinator)
    with django_assert_max_num_queries(23):
        response = client.get(reverse("experts:detail", args=[expert_profile.pk]))
    assert "Cursus 39" in response.content.decode()


def test_a_coordinator_filling_in_for_an_expert_is_told_who_u_and_mijn_mean(client, coordinator, orgs, expert_profile):
    """The wizard's questions speak to the expert ("Uw naam", "mijn vangnet"); on someone's behalf, say so (issue 16)."""
    client.force_login(coordinator)
    client.post(reverse("experts:assisted_signup"), {"full_name": "Nina Nieuw", "organisation": orgs.deploying.pk})
    profile = ExpertProfile.objects.get(user__full_name="Nina Nieuw")
    page = client.get(reverse("experts:wizard_for", args=[profile.pk, 1])).content.decode()
    assert "U vult dit in voor Nina Nieuw. Waar de vragen “u”, “ik” of “mijn” zeggen, gaat het over Nina Nieuw." in page
    client.force_login(expert_profile.user)
    own = client.get(reverse("experts:wizard", args=[1])).content.decode()
    assert "Stap 1 van 5" in own and "U vult dit in voor" not in own
