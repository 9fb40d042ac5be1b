"""/api/experts: the background, qualities and generic skills of the profile page, writable by the
same people and under the same checks and consent as the page (issue 11)."""

import pytest

from conftest import make_person, term
from inzet.accounts.models import ApiToken
from inzet.experts.models import AccessLog, Audience
from inzet.organisations.models import Role


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _patch(client, url, payload, user):
    return client.patch(url, payload, content_type="application/json", **_auth(user))


PAYLOAD = {
    "represents": "Ik spreek namens de cliëntenraad",
    "professional_background": "Verpleegkundige",
    "qualities": {"personality": "Rustig", "skills": "Goed luisteren"},
    "generic_skills": ["listening", "report_writing"],
}


def test_the_expert_writes_background_qualities_and_skills(client, expert, expert_profile):
    response = _patch(client, "/api/experts/me", PAYLOAD, expert)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["represents"] == "Ik spreek namens de cliëntenraad"
    assert body["professional_background"] == "Verpleegkundige"
    assert body["qualities"] == {"personality": "Rustig", "knowledge": "", "attitude": "", "skills": "Goed luisteren"}
    assert {s["code"] for s in body["generic_skills"]} == {"listening", "report_writing"}
    expert_profile.refresh_from_db()
    assert expert_profile.quality_personality == "Rustig"
    assert set(expert_profile.generic_skills.values_list("code", flat=True)) == {"listening", "report_writing"}


def test_a_skill_list_replaces_the_old_one_and_an_empty_list_clears_it(client, expert, expert_profile):
    expert_profile.generic_skills.set([term("generic_skill", "presenting")])
    assert _patch(client, "/api/experts/me", {"generic_skills": ["chairing"]}, expert).status_code == 200
    assert list(expert_profile.generic_skills.values_list("code", flat=True)) == ["chairing"]
    assert _patch(client, "/api/experts/me", {"generic_skills": []}, expert).status_code == 200
    assert not expert_profile.generic_skills.exists()


@pytest.mark.parametrize(
    "payload,message",
    [
        ({"generic_skills": ["listening", "juggling"]}, "generic_skills: deze vaardigheid kennen we niet: juggling."),
        ({"qualities": {"humour": "veel"}}, "qualities: kies uit personality, knowledge, attitude of skills"),
        ({"represents": "x" * 2001}, "represents: Zorg dat deze waarde niet meer dan 2000 tekens bevat"),
        ({"qualities": {"knowledge": "x" * 2001}}, "quality_knowledge: Zorg dat deze waarde niet meer"),
        ({"professional_background": "Goed\x00fout"}, "professional_background:"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_lost(client, expert, expert_profile, payload, message):
    expert_profile.represents = "Oud"
    expert_profile.save()
    expert_profile.generic_skills.set([term("generic_skill", "presenting")])
    # A good field next to the bad one is not written either: the whole change is refused.
    response = _patch(client, "/api/experts/me", {"professional_background": "Nieuw", **payload}, expert)
    assert response.status_code == 422, response.content
    assert message in response.json()["detail"]
    expert_profile.refresh_from_db()
    assert expert_profile.represents == "Oud" and expert_profile.professional_background == ""
    assert list(expert_profile.generic_skills.values_list("code", flat=True)) == ["presenting"]


def test_the_page_refuses_the_same_too_long_quality(expert_profile):
    from inzet.experts.forms import validated_changes

    with pytest.raises(Exception, match="2000"):
        validated_changes(expert_profile, {"quality_attitude": "x" * 2001})


def test_the_new_items_follow_the_experts_consent(client, expert, coordinator, asker, expert_profile):
    assert _patch(client, "/api/experts/me", PAYLOAD, expert).status_code == 200
    visibility = {"represents": Audience.ONLY_ME, "background": Audience.COORDINATORS, "skills": Audience.PUBLIC}
    assert _patch(client, "/api/experts/me", {"visibility": visibility}, expert).status_code == 200
    body = client.get(f"/api/experts/{expert_profile.pk}", **_auth(coordinator)).json()
    assert body["represents"] is None and "represents" in body["hidden"]
    assert body["professional_background"] == "Verpleegkundige"
    assert {s["code"] for s in body["generic_skills"]} == {"listening", "report_writing"}


def test_the_keeper_changes_a_profile_kept_on_the_persons_behalf(client, coordinator, expert_profile):
    expert_profile.managed_by = coordinator
    expert_profile.save()
    response = _patch(client, f"/api/experts/{expert_profile.pk}", PAYLOAD, coordinator)
    assert response.status_code == 200, response.content
    expert_profile.refresh_from_db()
    assert expert_profile.represents == "Ik spreek namens de cliëntenraad"


def test_the_expert_may_use_their_own_id(client, expert, expert_profile):
    response = _patch(client, f"/api/experts/{expert_profile.pk}", {"represents": "Mijzelf"}, expert)
    assert response.status_code == 200
    expert_profile.refresh_from_db()
    assert expert_profile.represents == "Mijzelf"


def test_a_coordinator_who_does_not_keep_the_profile_gets_403(client, coordinator, trainer, expert_profile):
    for user in (coordinator, trainer):
        response = _patch(client, f"/api/experts/{expert_profile.pk}", {"represents": "Niet van mij"}, user)
        assert response.status_code == 403 and response.json() == {"detail": "Forbidden"}
    expert_profile.refresh_from_db()
    assert expert_profile.represents == ""


@pytest.mark.parametrize("persona", ["other_coordinator", "asker", "outsider"])
def test_people_without_a_relation_get_404(client, personas, persona, expert_profile):
    expert_profile.managed_by = personas["coordinator"]
    expert_profile.save()
    response = _patch(client, f"/api/experts/{expert_profile.pk}", {"represents": "Fout"}, personas[persona])
    assert response.status_code == 404
    response = _patch(client, "/api/experts/me", {"represents": "Fout"}, personas[persona])
    assert response.status_code == 404
    expert_profile.refresh_from_db()
    assert expert_profile.represents == ""


def test_an_asker_who_is_also_an_expert_elsewhere_cannot_change_this_profile(client, orgs, expert_profile):
    other = make_person("dubbel@test.nl", "Dubbel Rol", [(orgs.asker, Role.ASKER), (orgs.other_deploying, Role.EXPERT)])
    response = _patch(client, f"/api/experts/{expert_profile.pk}", {"represents": "Fout"}, other)
    assert response.status_code == 404


# Two-step login: tests/…/test_two_factor_api.py walks every operation in the schema, this PATCH too.


def test_writing_is_not_a_special_data_read(client, expert, expert_profile):
    _patch(client, "/api/experts/me", PAYLOAD, expert)
    assert not AccessLog.objects.exists()
