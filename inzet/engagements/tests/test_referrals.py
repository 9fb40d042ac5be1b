"""The brokerage switch works: off, askers refer instead of creating brokered requests; on, nothing changes."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from inzet.engagements import services
from inzet.engagements.models import EngagementRequest, Referral
from inzet.engagements.tests import factories as f
from inzet.organisations.models import PolicySettings


@pytest.fixture
def referring(db):
    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})


def test_with_brokerage_on_the_wizard_works_and_there_is_no_referral_page(client, asker, orgs):
    client.force_login(asker)
    assert client.get(reverse("engagements:create")).status_code == 200
    assert "Nieuwe vraag" in client.get(reverse("engagements:mine")).content.decode()
    assert client.get(reverse("engagements:referral_find")).status_code == 404
    assert client.get(reverse("engagements:referrals")).status_code == 404
    from inzet.engagements.referrals import referral_send

    with pytest.raises(ValidationError, match="zoeken wij zelf ervaringsdeskundigen"):
        referral_send(
            asker_organisation=orgs.asker, organisation=orgs.deploying, actor=asker, question="Vraag", contact="06"
        )


def test_with_brokerage_off_an_asker_cannot_create_or_submit_a_brokered_request(client, asker, orgs):
    draft = f.draft(orgs, asker)  # made while the switch was still on
    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})
    client.force_login(asker)
    response = client.get(reverse("engagements:create"))
    assert response.url == reverse("engagements:referral_find")
    assert client.post(reverse("engagements:create"), {"title": "x", "goal": "y"}).status_code == 302
    assert EngagementRequest.objects.count() == 1
    with pytest.raises(ValidationError, match="zoeken wij niet zelf ervaringsdeskundigen"):
        services.request_create(asker_organisation=orgs.asker, actor=asker, data={"title": "x", "goal": "y"})
    client.post(reverse("engagements:submit", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == "draft"
    mine = client.get(reverse("engagements:mine")).content.decode()
    assert "Een organisatie zoeken en een vraag sturen" in mine and reverse("engagements:create") not in mine


def test_an_asker_finds_an_organisation_with_its_contact_person_and_sends_a_question(
    client, asker, coordinator, orgs, referring, django_capture_on_commit_callbacks
):
    client.force_login(asker)
    body = client.get(reverse("engagements:referral_find")).content.decode()
    assert orgs.deploying.name in body and coordinator.full_name in body
    url = reverse("engagements:referral_create", args=[orgs.deploying.pk])
    response = client.post(url, {"question": "", "contact": "030-1234567"})
    body = response.content.decode()
    assert "Schrijf uw vraag in een paar zinnen." in body and 'value="030-1234567"' in body
    assert not Referral.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"question": "Wie denkt mee over armoedebeleid?", "contact": "030-1234567"})
    assert response.url == reverse("engagements:referrals")
    referral = Referral.objects.get()
    assert referral.state == Referral.State.SENT
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "armoedebeleid" not in mail.outbox[0].body  # the question stays in the app


def test_the_organisation_takes_it_on_or_says_why_not(client, asker, coordinator, trainer, orgs, referring):
    from inzet.engagements.referrals import referral_send

    referral = referral_send(
        asker_organisation=orgs.asker, organisation=orgs.deploying, actor=asker, question="Meedenken?", contact="06-1"
    )
    answer_url = reverse("engagements:referral_answer", args=[referral.pk])
    client.force_login(trainer)
    assert "Meedenken?" in client.get(reverse("engagements:referrals")).content.decode()
    assert client.post(answer_url, {"decision": "take_on"}).status_code == 403

    client.force_login(coordinator)
    client.post(answer_url, {"decision": "not_taken", "answer": ""})
    referral.refresh_from_db()
    assert referral.state == Referral.State.SENT  # "no" needs a word to the asker
    client.post(answer_url, {"decision": "take_on", "answer": "Wij bellen u deze week."})
    referral.refresh_from_db()
    assert referral.state == Referral.State.TAKEN_ON and referral.answered_by == coordinator
    client.post(answer_url, {"decision": "not_taken", "answer": "toch niet"})  # a second click changes nothing
    referral.refresh_from_db()
    assert referral.state == Referral.State.TAKEN_ON

    client.force_login(asker)
    body = client.get(reverse("engagements:referrals")).content.decode()
    assert "De organisatie pakt het op" in body and "Wij bellen u deze week." in body
    # Taking it on does not start a brokered request.
    assert not EngagementRequest.objects.exists()


def test_the_home_page_points_askers_to_referring_when_brokerage_is_off(client, asker, orgs):
    client.force_login(asker)
    assert reverse("engagements:create") in client.get("/").content.decode()
    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})
    body = client.get("/").content.decode()
    assert reverse("engagements:referral_find") in body and reverse("engagements:create") not in body
