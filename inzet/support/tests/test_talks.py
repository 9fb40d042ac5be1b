"""Mentor talks: recording, who reads the words, overdue markers and the reminder e-mail."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.experts.models import AccessLog, ExpertProfile
from inzet.support import selectors, services
from inzet.support.models import MentorTalk, PartnerKind, TalkReminder

TODAY = timezone.localdate()


def _talk(profile, partner, *, actor=None, days_ago=0, nonce="n1", **extra):
    return services.talk_record(
        actor=actor or partner,
        expert=profile,
        partner=partner,
        held_on=TODAY - dt.timedelta(days=days_ago),
        goal="Grenzen aangeven",
        discussed=extra.pop("discussed", "Het ging over mijn terugval"),
        nonce=nonce,
        **extra,
    )


def _age(profile, days):
    ExpertProfile.objects.filter(pk=profile.pk).update(created_at=timezone.now() - dt.timedelta(days=days))


def test_a_mentor_records_a_talk_and_the_words_are_encrypted_at_rest(profile, trainer):
    talk = _talk(profile, trainer)
    assert talk.partner_kind == PartnerKind.MENTOR
    with connection.cursor() as cursor:
        cursor.execute("SELECT discussed FROM support_mentortalk WHERE id = %s", [talk.pk])
        raw = cursor.fetchone()[0]
    assert "terugval" not in raw
    assert MentorTalk.objects.get(pk=talk.pk).discussed == "Het ging over mijn terugval"


def test_the_same_form_twice_saves_one_talk(profile, trainer):
    first = _talk(profile, trainer)
    second = _talk(profile, trainer)
    assert first.pk == second.pk and MentorTalk.objects.count() == 1


def test_an_expert_records_a_talk_with_a_fellow_expert(profile, fellow):
    talk = _talk(profile, fellow.user, actor=profile.user, shared_with_coordinators=True)
    assert talk.partner_kind == PartnerKind.FELLOW and talk.shared_with_coordinators


def test_only_the_expert_decides_about_sharing(profile, trainer):
    talk = _talk(profile, trainer, shared_with_coordinators=True)
    assert talk.shared_with_coordinators is False
    with pytest.raises(PermissionDenied):
        services.talk_share_set(talk=talk, actor=trainer, shared=True)


def test_nobody_records_a_talk_for_two_other_people(profile, fellow, coordinator):
    with pytest.raises(PermissionDenied):
        _talk(profile, fellow.user, actor=coordinator)


def test_a_partner_from_another_organisation_is_refused_in_dutch(profile, other_coordinator):
    with pytest.raises(ValidationError) as exc:
        _talk(profile, other_coordinator)
    assert "eigen organisatie" in str(exc.value)


def test_a_talk_in_the_future_is_refused(profile, trainer):
    with pytest.raises(ValidationError) as exc:
        _talk(profile, trainer, days_ago=-3)
    assert "al is geweest" in str(exc.value)


def test_the_words_are_for_the_expert_and_the_partner_until_shared(client, profile, trainer, coordinator):
    talk = _talk(profile, trainer)
    url = reverse("support:talk_detail", args=[talk.pk])
    for person, sees in ((profile.user, True), (trainer, True), (coordinator, False)):
        client.force_login(person)
        assert ("terugval" in client.get(url).content.decode()) is sees
    client.force_login(profile.user)
    assert client.post(reverse("support:talk_share", args=[talk.pk]), {"shared": "1"}).status_code == 302
    client.force_login(coordinator)
    assert "terugval" in client.get(url).content.decode()
    # Reads by others are logged by item, never by content.
    items = list(AccessLog.objects.filter(profile=profile).values_list("viewer__email", "item"))
    assert sorted(items) == [("coordinator@test.nl", "mentor_talk"), ("trainer@test.nl", "mentor_talk")]


def test_a_mentor_records_a_talk_through_the_page_and_bad_input_keeps_the_text(client, profile, trainer):
    client.force_login(trainer)
    url = reverse("support:talk_new")
    page = client.get(url, {"expert": profile.pk}).content.decode()
    nonce = page.split('name="nonce" value="')[1].split('"')[0]
    bad = client.post(url, {"expert": profile.pk, "held_on": "", "goal": "Rust vinden", "nonce": nonce})
    assert bad.status_code == 200 and "Rust vinden" in bad.content.decode()
    response = client.post(
        url, {"expert": profile.pk, "held_on": TODAY.isoformat(), "goal": "Rust vinden", "nonce": nonce}
    )
    talk = MentorTalk.objects.get()
    assert response.status_code == 302 and response.url == reverse("support:talk_detail", args=[talk.pk])
    assert talk.partner == trainer and talk.recorded_by == trainer


def test_overdue_after_31_days_and_the_marker_clears_with_a_new_talk(client, profile, trainer, coordinator):
    _talk(profile, trainer, days_ago=32)
    assert [r.overdue for r in selectors.team_experts(coordinator)] == [True]
    client.force_login(coordinator)
    assert "langer dan een maand" in client.get(reverse("dashboard:home")).content.decode()
    client.force_login(trainer)
    assert "langer dan een maand" in client.get(reverse("dashboard:home")).content.decode()
    _talk(profile, trainer, nonce="n2")
    assert [r.overdue for r in selectors.team_experts(coordinator)] == [False]
    assert "langer dan een maand" not in client.get(reverse("dashboard:home")).content.decode()


def test_a_paused_expert_is_never_overdue(profile, trainer, coordinator):
    _talk(profile, trainer, days_ago=60)
    ExpertProfile.objects.filter(pk=profile.pk).update(paused=True)
    assert [r.overdue for r in selectors.team_experts(coordinator)] == [False]
    assert services.talk_reminders_send() == 0


def test_the_reminder_goes_once_to_the_last_partner_and_the_coordinators(
    profile, trainer, coordinator, stranger, django_capture_on_commit_callbacks
):
    _talk(profile, trainer, days_ago=40)
    _age(stranger, 10)  # not overdue yet
    with django_capture_on_commit_callbacks(execute=True):
        assert services.talk_reminders_send() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["coordinator@test.nl", "trainer@test.nl"]
    assert "Eef Expert" in message.subject and "terugval" not in message.body
    # A second run (or a second worker) finds the row claimed and sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.talk_reminders_send() == 0
    assert len(mail.outbox) == 1
    # A new talk that is again overdue later is a new period: one new reminder.
    _talk(profile, trainer, days_ago=35, nonce="n2")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.talk_reminders_send() == 1
    assert len(mail.outbox) == 2
    assert TalkReminder.objects.count() == 2


def test_a_claimed_reminder_is_not_sent_again(profile, trainer, django_capture_on_commit_callbacks):
    _talk(profile, trainer, days_ago=40)
    TalkReminder.objects.create(expert=profile, since=TODAY - dt.timedelta(days=40), sent_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.talk_reminders_send() == 0
    assert mail.outbox == []


def test_the_daily_command_sends_the_reminders(profile, trainer, capsys):
    from django.core.management import call_command

    _talk(profile, trainer, days_ago=40)
    call_command("inzet_support")
    assert "reminded=1" in capsys.readouterr().out


def test_the_team_page_uses_a_bounded_number_of_queries(
    client, orgs, coordinator, trainer, django_assert_max_num_queries
):
    from conftest import make_person
    from inzet.organisations.models import Role

    for i in range(12):
        user = make_person(f"e{i}@test.nl", f"Expert {i}", [(orgs.deploying, Role.EXPERT)])
        p = ExpertProfile.objects.create(user=user, organisation=orgs.deploying)
        _talk(p, trainer, days_ago=i * 5, nonce=f"q{i}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("support:team"))
    assert response.content.decode().count('class="inzet-overdue"') == 5  # 35, 40, 45, 50 and 55 days
