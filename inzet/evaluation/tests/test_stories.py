"""Stories with consent: recorded for a purpose, anonymous by default, checked, withdrawable; reflections."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inzet.evaluation import selectors, services
from inzet.evaluation.models import Reflection, Story
from inzet.evaluation.rules import Period

YEAR = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def _story(orgs, expert, **fields) -> Story:
    values = {
        "organisation": orgs.deploying,
        "by": expert,
        "request_key": uuid.uuid4(),
        "teller": Story.Teller.RESIDENT,
        "title": "De post weer open",
        "text": "Samen aan de keukentafel.",
        "anonymous": True,
        "name_shown": "",
        "for_report": True,
        "for_website": False,
    }
    values.update(fields)
    return services.story_submit(**values)


def test_a_story_form_without_consent_or_purpose_gets_dutch_messages_and_keeps_the_text(client, orgs, expert):
    client.force_login(expert)
    url = reverse("evaluation:story_new", kwargs={"org_pk": orgs.deploying.pk})
    response = client.post(
        url,
        {"teller": "expert", "title": "Titel", "text": "Mijn verhaal", "anonymous": "on", "request_key": uuid.uuid4()},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zonder toestemming van de verteller kunnen we het verhaal niet gebruiken." in html
    assert "Kies waarvoor het verhaal gebruikt mag worden." in html
    assert "Mijn verhaal" in html
    assert not Story.objects.exists()


def test_a_story_is_anonymous_by_default_and_stored_encrypted(client, orgs, expert):
    from django.db import connection

    client.force_login(expert)
    url = reverse("evaluation:story_new", kwargs={"org_pk": orgs.deploying.pk})
    assert client.get(url).context["form"]["anonymous"].value() is True
    key = uuid.uuid4()
    data = {
        "teller": "expert",
        "title": "Titel",
        "text": "Mijn geheime verhaal",
        "anonymous": "on",
        "for_report": "on",
        "consent": "on",
        "request_key": key,
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a retry records it once
    story = Story.objects.get()
    assert (story.anonymous, story.for_report, story.for_website, story.approved_at) == (True, True, False, None)
    with connection.cursor() as cursor:
        cursor.execute("select text from evaluation_story")
        assert "geheime" not in cursor.fetchone()[0]


def test_only_an_approved_story_with_consent_for_the_report_appears_and_withdrawing_removes_it(
    orgs, expert, coordinator, in_2025
):
    shown = _story(orgs, expert)
    _story(orgs, expert, for_report=False, for_website=True, title="Alleen website")
    unchecked = _story(orgs, expert, title="Nog niet nagekeken")
    services.story_approve(story=shown, by=coordinator)
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    titles = [s.title for s in report.stories]
    assert "De post weer open" in titles and "Alleen website" not in titles and unchecked.title not in titles
    assert report.stories[0].name == ""
    services.story_withdraw(story=shown)
    report = selectors.evaluation_report(organisation=orgs.deploying, team=None, period=YEAR)
    assert "De post weer open" not in [s.title for s in report.stories]
    shown.refresh_from_db()
    assert (shown.text, shown.title) == ("", "") and shown.withdrawn_at is not None


def test_the_writer_cannot_approve_their_own_story(orgs, coordinator):
    story = _story(orgs, coordinator)
    with pytest.raises(ValidationError):
        services.story_approve(story=story, by=coordinator)
    assert Story.objects.get().approved_at is None


def test_the_coordinator_approves_and_the_expert_withdraws_through_the_pages(client, orgs, expert, coordinator):
    story = _story(orgs, expert)
    client.force_login(coordinator)
    assert client.post(reverse("evaluation:story_approve", kwargs={"pk": story.pk})).status_code == 302
    client.force_login(expert)
    response = client.post(reverse("evaluation:story_withdraw", kwargs={"pk": story.pk}), follow=True)
    assert "Het verhaal is gewist" in response.content.decode()
    assert Story.objects.get().withdrawn_at is not None


def test_a_reflection_after_an_intervisie(client, orgs, expert, coordinator):
    from django.utils import timezone

    from inzet.support.models import Meeting

    meeting = Meeting.objects.create(
        organisation=orgs.deploying,
        kind="intervision",
        title="Intervisie maart",
        starts_at=timezone.now() - dt.timedelta(days=2),
        ends_at=timezone.now() - dt.timedelta(days=2, hours=-2),
        planned_by=coordinator,
        facilitator=coordinator,
        uid=uuid.uuid4(),
        nonce="m1",
    )
    client.force_login(expert)
    url = reverse("evaluation:reflection_new", kwargs={"org_pk": orgs.deploying.pk})
    data = {
        "occasion": "intervision",
        "meeting": meeting.pk,
        "held_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        "went_well": "Open sfeer",
        "was_hard": "Tijd",
        "we_learn": "Vaker",
        "request_key": uuid.uuid4(),
    }
    response = client.post(url, data)
    assert "Een terugblik gaat over iets dat al gebeurd is." in response.content.decode()
    assert not Reflection.objects.exists()
    response = client.post(url, {**data, "held_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    reflection = Reflection.objects.get()
    assert (reflection.meeting, reflection.author, reflection.we_learn) == (meeting, expert, "Vaker")
    report = selectors.evaluation_report(
        organisation=orgs.deploying, team=None, period=Period(timezone.localdate(), timezone.localdate())
    )
    table = next(t for t in report.figures if t.key == "reflections")
    assert next(r for r in table.rows if r.label == "Intervisie").count == Reflection.objects.count()
