"""The profile wizard, end to end with the test client: five steps, each saved on its own."""

import json

from django.urls import reverse

from conftest import term
from inzet.experts.models import Audience, ExpertProfile, resolve_areas


def _step(n: int) -> str:
    return reverse("experts:wizard", args=[n])


STEP_1 = {
    "full_name": "Eef Expert",
    "phone": "06 12345678",
    "postcode": "3511ab",
    "travel_radius_km": "30",
    "age_band": "27_plus",
}
STEP_3 = {"work_form": "volunteer", "reward_form": "bank_transfer"}
STEP_4 = {
    "hours_per_week": "8",
    "available_days": ["1", "4"],
    "needs": ["transport", "paper"],
    "benefit_situation": "wajong",
}


def _fill_step_1(client):
    data = {**STEP_1, "languages": [term("language", "nl").pk, term("language", "pap").pk]}
    return client.post(_step(1), data)


def test_an_expert_without_a_profile_is_sent_into_the_wizard_from_home(client, expert):
    client.force_login(expert)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert _step(1) in home and "Profiel invullen" in home
    response = client.get(reverse("experts:my_profile"))
    assert response.status_code == 302 and response.url == _step(1)
    assert client.get(_step(3)).url == _step(1)


def test_an_expert_with_a_profile_gets_a_link_to_it_from_home(client, expert, expert_profile):
    client.force_login(expert)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("experts:my_profile") in home and "Naar mijn profiel" in home


def test_the_wizard_shows_the_step_and_the_buttons(client, expert):
    client.force_login(expert)
    body = client.get(_step(1)).content.decode()
    assert "Stap 1 van 5: Over u" in body
    assert 'aria-current="step"' in body
    assert "Opslaan en verder" in body and "Opslaan en later verder" in body
    assert "Opslaan en terug" not in body  # no way back from the first step


def test_the_whole_wizard_saves_each_step_and_ends_on_the_summary(client, expert, orgs):
    client.force_login(expert)

    response = _fill_step_1(client)
    assert response.status_code == 302 and response.url == _step(2)
    profile = ExpertProfile.objects.get(user=expert)
    assert profile.organisation == orgs.deploying
    assert profile.postcode == "3511 AB" and profile.area.municipality == "Utrecht"
    assert profile.travel_radius_km == 30
    assert set(profile.languages.values_list("code", flat=True)) == {"nl", "pap"}
    assert profile.consent_matching is False  # waits for the person's own yes in step 5

    addiction, carers = term("experience_area", "addiction"), term("experience_area", "carers")
    assert "Stap 2 van 5" in client.get(_step(2)).content.decode()
    response = client.post(
        _step(2),
        {
            "level": term("level", "expertise").pk,
            f"area_{addiction.pk}": "on",
            f"story_{addiction.pk}": "Mijn eigen verhaal",
            f"area_{carers.pk}": "on",
        },
    )
    assert response.url == _step(3)
    experiences = {e.area_term.code: e for e in resolve_areas(profile.experiences.select_related("area"))}
    assert experiences["addiction"].description == "Mijn eigen verhaal"
    # Privacy by default: a new story is the expert's own until they choose in step 5.
    assert {e.visibility for e in experiences.values()} == {Audience.ONLY_ME}

    response = client.post(
        _step(3),
        {
            **STEP_3,
            "wanted_roles": [term("role", "researcher").pk],
            "unwanted": [term("practice_setting", "peer_groups").pk],
            "does_not_want_note": "Geen groepen",
        },
    )
    assert response.url == _step(4)

    response = client.post(_step(4), STEP_4)
    assert response.url == _step(5)
    profile.refresh_from_db()
    assert profile.hours_per_week == 8 and profile.day_list == [1, 4]
    assert json.loads(profile.needs) == ["transport", "paper"]
    assert profile.benefit_situation == "wajong"

    step_5 = client.get(_step(5)).content.decode()
    assert "Ervaring: Verslaving" in step_5 and "Alleen ik" in step_5
    visibility = {f"vis_{item}": "1" for item in ("name", "contact", "level", "roles", "competences", "training")}
    visibility.update({f"vis_{item}": "0" for item in ("languages", "region", "availability", "work_form")})
    visibility.update({"vis_benefit": "0", "vis_needs": "1", "vis_does_not_want": "1"})
    visibility.update({f"vis_{item}": "1" for item in ("represents", "background", "qualities", "skills")})
    response = client.post(
        _step(5),
        {**visibility, f"exp_{addiction.pk}": "2", f"exp_{carers.pk}": "0", "consent_matching": "on"},
    )
    assert response.url == reverse("experts:summary")
    profile.refresh_from_db()
    assert profile.consent_matching is True and profile.consent_recorded_at is not None
    assert profile.vis_needs == Audience.COORDINATORS and profile.vis_region == Audience.ONLY_ME
    assert profile.experiences.get(area=addiction).visibility == Audience.ASKERS

    summary = client.get(response.url).content.decode()
    assert "Mijn eigen verhaal" in summary and "Geen groepen" in summary
    assert "Ook vragers van opdrachten die ik heb aangenomen" in summary


def test_bad_input_on_step_one_is_explained_in_dutch_and_kept(client, expert):
    client.force_login(expert)
    response = client.post(
        _step(1),
        {**STEP_1, "full_name": "Eef Nieuw", "postcode": "12 AB", "travel_radius_km": "900", "phone": "bel mij"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vul een postcode in zoals 3511 AB, of alleen de 4 cijfers." in body
    assert "Kies een afstand van 0 tot en met 500 kilometer." in body
    assert "Vul een telefoonnummer in met alleen cijfers" in body
    assert 'value="Eef Nieuw"' in body and 'value="12 AB"' in body and 'value="900"' in body
    assert not ExpertProfile.objects.filter(user=expert).exists()


def test_step_three_needs_a_kvk_number_for_zzp_and_a_charity_for_a_donation(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(_step(3), {"work_form": "zzp", "kvk_number": "", "reward_form": "donation"})
    body = response.content.decode()
    assert "U kiest voor zzp. Vul dan uw KvK-nummer in." in body
    assert "U kiest voor een gift. Vul dan de naam van het goede doel in." in body

    response = client.post(_step(3), {"work_form": "zzp", "kvk_number": "1234", "reward_form": "voucher"})
    body = response.content.decode()
    assert "Een KvK-nummer heeft 8 cijfers." in body and 'value="1234"' in body

    response = client.post(
        _step(3), {"work_form": "zzp", "kvk_number": "1234 5678", "reward_form": "donation", "donation_charity": "KWF"}
    )
    assert response.status_code == 302
    expert_profile.refresh_from_db()
    assert (expert_profile.kvk_number, expert_profile.donation_charity) == ("12345678", "KWF")


def test_a_story_without_its_area_ticked_is_not_lost(client, expert, expert_profile):
    client.force_login(expert)
    autism = term("experience_area", "autism")
    response = client.post(_step(2), {f"story_{autism.pk}": "Dit wil ik kwijt"})
    body = response.content.decode()
    assert "Vink het aan, of maak het tekstvak leeg." in body and "Dit wil ik kwijt" in body
    assert not expert_profile.experiences.filter(area=autism).exists()


def test_step_four_refuses_too_many_hours(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(_step(4), {**STEP_4, "hours_per_week": "70"})
    assert "Kies een aantal uren van 0 tot en met 60." in response.content.decode()


def test_unticking_an_area_removes_that_story(client, expert, expert_profile):
    client.force_login(expert)
    client.post(_step(2), {})
    assert not expert_profile.experiences.exists()


def test_back_saves_and_goes_to_the_previous_step_and_stop_goes_to_the_profile(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(_step(4), {**STEP_4, "hours_per_week": "3", "richting": "terug"})
    assert response.url == _step(3)
    expert_profile.refresh_from_db()
    assert expert_profile.hours_per_week == 3
    response = client.post(_step(3), {**STEP_3, "richting": "stoppen"})
    assert response.url == reverse("experts:my_profile")


def test_a_section_edited_from_the_profile_returns_to_the_profile(client, expert, expert_profile):
    client.force_login(expert)
    body = client.get(_step(4) + "?vanaf=profiel").content.decode()
    assert 'name="vanaf" value="profiel"' in body and "Annuleren" in body
    response = client.post(_step(4), {**STEP_4, "vanaf": "profiel"})
    assert response.url == reverse("experts:my_profile")


def test_name_and_contact_cannot_be_hidden_from_the_own_coordinator(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(_step(5), {"vis_name": "0"})
    assert response.status_code == 200
    assert "Kies wie dit mag zien." in response.content.decode()


def test_a_step_that_does_not_exist_is_not_found(client, expert, expert_profile):
    client.force_login(expert)
    assert client.get(_step(6)).status_code == 404
