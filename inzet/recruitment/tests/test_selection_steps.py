"""The organisation's own questions, the vacancy and flyer, the intro talk, shadowing and the group counts."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from inzet.accounts.models import User
from inzet.experts.models import AgeBand, ExpertProfile, ExpertStatus
from inzet.lib.tests.samples import PDF_BYTES
from inzet.recruitment import rules, selection
from inzet.recruitment.models import (
    ApplicationAnswer,
    ApplicationReadLog,
    Channel,
    IntroTalk,
    ShadowDay,
    ShadowEvaluation,
    ShadowKind,
    ShadowOutcome,
)

pytestmark = pytest.mark.django_db


def app_url(name, application):
    return reverse(f"recruitment:{name}", args=[application.organisation.slug, application.pk])


@pytest.fixture
def questions(orgs):
    return selection.questions_configure(
        organisation=orgs.deploying,
        questions=[
            selection.QuestionSpec(text="Welke ervaring wilt u inzetten?", required=True),
            selection.QuestionSpec(text="Wat wilt u leren?"),
            selection.QuestionSpec(text="Oude vraag", is_active=False),
        ],
    )


# --- the organisation's own questions ---------------------------------------------------------------


def test_the_coordinator_adds_a_question_and_it_is_asked_on_the_public_form(client, coordinator, orgs, page):
    client.force_login(coordinator)
    data = {
        "vragen-TOTAL_FORMS": "2",
        "vragen-INITIAL_FORMS": "0",
        "vragen-0-text": "Wat kunt u goed?",
        "vragen-0-help_text": "",
        "vragen-0-required": "on",
        "vragen-0-is_active": "on",
        "vragen-0-ORDER": "1",
        "vragen-1-text": "",
        "vragen-1-ORDER": "",
    }
    response = client.post(reverse("recruitment:questions", args=[orgs.deploying.slug]), data)
    assert response.status_code == 302
    client.logout()
    body = client.get(reverse("recruitment:apply", args=[orgs.deploying.slug])).content.decode()
    assert "Wat kunt u goed?" in body


def test_an_answer_to_a_required_question_is_needed_and_what_was_typed_stays(client, orgs, page, questions):
    required, optional, old = questions
    data = {
        "full_name": "Anna Aanmelder",
        "email": "anna@example.org",
        "preferred_contact": "email",
        "channel": Channel.FLYER,
        "motivation_text": "Ik wil helpen.",
        f"question_{optional.pk}": "Groepen leiden",
        "consent": "on",
    }
    response = client.post(reverse("recruitment:apply", args=[orgs.deploying.slug]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Geef antwoord op deze vraag." in body
    assert "Groepen leiden" in body and "Ik wil helpen." in body
    assert f'name="question_{old.pk}"' not in body  # switched off: not asked

    data[f"question_{required.pk}"] = "Mijn herstel na een psychose"
    response = client.post(reverse("recruitment:apply", args=[orgs.deploying.slug]), data)
    assert response.status_code == 302
    answers = {a.question_id: a.answer for a in ApplicationAnswer.objects.all()}
    assert answers == {required.pk: "Mijn herstel na een psychose", optional.pk: "Groepen leiden"}


def test_the_answers_are_shown_to_the_coordinator(client, coordinator, submit, questions):
    required, _optional, _old = questions
    application = submit(answers={required.pk: "Verslaving en herstel"})
    client.force_login(coordinator)
    body = client.get(app_url("application_detail", application)).content.decode()
    assert "Welke ervaring wilt u inzetten?" in body and "Verslaving en herstel" in body


def test_the_service_refuses_a_missing_required_answer(submit, questions):
    with pytest.raises(ValidationError) as error:
        submit()
    assert f"question_{questions[0].pk}" in error.value.message_dict


def test_a_question_of_another_organisation_cannot_be_changed(orgs, other_page, questions):
    with pytest.raises(ValidationError):
        selection.questions_configure(
            organisation=orgs.other_deploying, questions=[selection.QuestionSpec(text="X", pk=questions[0].pk)]
        )


# --- vacancy and flyer ------------------------------------------------------------------------------


def test_the_vacancy_prints_the_offer_and_the_contact_person(client, orgs, page):
    page.offer, page.contact_name, page.contact_phone = "Een training van 8 lessen", "Marrig de Vries", "0182-519060"
    page.save()
    body = client.get(reverse("recruitment:vacancy", args=[orgs.deploying.slug])).content.decode()
    assert "Een training van 8 lessen" in body and "Marrig de Vries" in body and "0182-519060" in body


def test_the_flyer_is_a_real_pdf(client, orgs, page):
    response = client.get(reverse("recruitment:vacancy_flyer", args=[orgs.deploying.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


# --- the intro talk ----------------------------------------------------------------------------------


def test_the_intro_talk_is_recorded_encrypted_and_shown(client, trainer, submit):
    application = submit()
    client.force_login(trainer)
    data = {
        "date": "2026-03-02",
        "recovery": "Twee jaar stabiel",
        "distance": "Kan erover vertellen",
        "self_insight": "Weet wanneer te stoppen",
        "learning_goals": "Groepen leiden",
    }
    assert client.post(app_url("intro_talk", application), data).status_code == 302
    talk = IntroTalk.objects.get(application=application)
    assert talk.recovery == "Twee jaar stabiel"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT recovery FROM recruitment_introtalk WHERE id = %s", [talk.pk])
        assert "stabiel" not in cursor.fetchone()[0]
    body = client.get(app_url("application_detail", application)).content.decode()
    assert "Twee jaar stabiel" in body and "Groepen leiden" in body


def test_a_bad_date_in_the_intro_talk_keeps_what_was_typed(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    response = client.post(app_url("intro_talk", application), {"date": "gisteren", "recovery": "Goed bezig"})
    body = response.content.decode()
    assert response.status_code == 200 and "Vul een datum in, zoals 15-03-2026." in body and "Goed bezig" in body
    assert not IntroTalk.objects.exists()


# --- shadowing ----------------------------------------------------------------------------------------


def _days(application, user, n, kind=ShadowKind.DAY, start=1):
    for i in range(n):
        selection.shadow_day_record(
            application=application, date=dt.date(2026, 3, start + i), kind=kind, recorded_by=user
        )


def test_five_days_then_evaluation_then_five_half_days(coordinator, submit):
    application = submit()
    with pytest.raises(ValidationError):
        _days(application, coordinator, 1, ShadowKind.HALF_DAY)
    _days(application, coordinator, 5)
    progress = selection.shadow_progress(application)
    assert (progress.days, progress.evaluation_due) == (5, True)
    with pytest.raises(ValidationError):
        _days(application, coordinator, 1, start=20)
    selection.shadow_evaluation_record(
        application=application, date=dt.date(2026, 3, 9), outcome=ShadowOutcome.MORE_HALF_DAYS, recorded_by=coordinator
    )
    _days(application, coordinator, 5, ShadowKind.HALF_DAY, start=10)
    progress = selection.shadow_progress(application)
    assert (progress.half_days, progress.half_days_left, progress.done) == (5, 0, True)


def test_the_same_day_twice_counts_once(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    for _ in range(2):
        client.post(app_url("shadowing", application), {"date": "2026-03-02", "kind": "day"})
    assert ShadowDay.objects.filter(application=application).count() == 1
    assert "1 van de 5 meeloopdagen" in client.get(app_url("shadowing", application)).content.decode()


def test_evaluation_before_five_days_is_refused_with_a_message(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    data = {"date": "2026-03-02", "outcome": "continue", "applicant_view": "Leerzaam"}
    response = client.post(app_url("shadow_evaluation", application), data)
    body = response.content.decode()
    assert "Samen terugkijken kan na vijf meeloopdagen." in body and "Leerzaam" in body
    assert not ShadowEvaluation.objects.exists()


# --- the group: counts only -------------------------------------------------------------------------


def _experts(orgs, n, age_band):
    for i in range(n):
        user = User.objects.create_user(email=f"e{age_band}{i}@test.nl", password=None, full_name=f"Expert {i}")
        ExpertProfile.objects.create(
            user=user, organisation=orgs.deploying, status=ExpertStatus.ACTIVE, age_band=age_band
        )


def test_the_group_shows_counts_and_hides_small_ones(client, coordinator, orgs, page, django_assert_max_num_queries):
    _experts(orgs, 6, AgeBand.AGE_27_PLUS)
    _experts(orgs, 2, AgeBand.UNDER_21)
    client.force_login(coordinator)
    url = reverse("recruitment:group", args=[orgs.deploying.slug])
    with django_assert_max_num_queries(14):
        response = client.get(url)
    overview = response.context["overview"]
    ages = {row.label: row.count for row in overview.tables[0].rows}
    assert ages["27 of ouder"] == 6 and ages["Jonger dan 21"] is None
    assert overview.experts == 8
    body = response.content.decode()
    assert "minder dan 5" in body and "Expert 1" not in body


@given(st.integers(min_value=0, max_value=10_000))
def test_a_shown_count_is_never_below_five(n):
    shown = rules.shown_count(n)
    assert shown is None if n < 5 else shown == n


# --- forms as a person meets them ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["intro_talk", "shadow_evaluation"])
def test_a_new_talk_or_evaluation_has_todays_date_filled_in(client, coordinator, submit, name):
    """A person who only writes the texts and saves must not be refused for a date the page left empty."""
    application = submit()
    client.force_login(coordinator)
    form = client.get(app_url(name, application)).context["form"]
    assert form["date"].value() == timezone.localdate()
    assert f'value="{timezone.localdate().isoformat()}"' in str(form["date"])


# --- reads of special-category parts are logged: which item, never the content ------------------------


def _reads(application):
    return list(ApplicationReadLog.objects.filter(application=application).values_list("user", "item", "context"))


def test_reading_the_intro_talk_on_a_page_is_logged_without_its_content(client, coordinator, trainer, submit):
    application = submit()
    client.force_login(trainer)
    client.get(app_url("application_detail", application))
    client.get(app_url("intro_talk", application))
    ApplicationReadLog.objects.filter(item="motivation").delete()  # the detail's motivation has its own test
    assert _reads(application) == []  # no talk yet: nothing was read
    selection.intro_talk_record(
        application=application, recorded_by=coordinator, date=dt.date(2026, 3, 2), recovery="Twee jaar stabiel"
    )
    assert "Twee jaar stabiel" in client.get(app_url("application_detail", application)).content.decode()
    assert "Twee jaar stabiel" in client.get(app_url("intro_talk", application)).content.decode()
    assert [row for row in _reads(application) if row[1] == "intro_talk"] == [(trainer.pk, "intro_talk", "page")] * 2
    assert all("stabiel" not in f"{row.item} {row.path}" for row in ApplicationReadLog.objects.all())


def test_reading_shadow_notes_and_the_evaluation_on_a_page_is_logged(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    _days(application, coordinator, 4)
    client.get(app_url("shadowing", application))
    assert _reads(application) == []  # counted days without notes hold nothing personal
    selection.shadow_day_record(
        application=application, date=dt.date(2026, 3, 20), kind=ShadowKind.DAY, notes="Moe", recorded_by=coordinator
    )
    assert "Moe" in client.get(app_url("shadowing", application)).content.decode()
    selection.shadow_evaluation_record(
        application=application,
        date=dt.date(2026, 3, 21),
        outcome=ShadowOutcome.CONTINUE,
        organisation_view="Goede vragen",
        recorded_by=coordinator,
    )
    assert "Goede vragen" in client.get(app_url("shadow_evaluation", application)).content.decode()
    assert _reads(application) == [
        (coordinator.pk, "shadow_evaluation", "page"),
        (coordinator.pk, "shadow_days", "page"),
    ]


def test_someone_outside_the_organisation_reads_nothing_and_leaves_no_log(client, other_coordinator, submit):
    application = submit()
    selection.intro_talk_record(application=application, recorded_by=None, date=dt.date(2026, 3, 2), recovery="x")
    client.force_login(other_coordinator)
    assert client.get(app_url("intro_talk", application)).status_code == 404
    assert not ApplicationReadLog.objects.exists()


def test_reading_the_motivation_and_the_answers_on_the_detail_page_is_logged(client, trainer, submit, questions):
    application = submit(answers={questions[0].pk: "Verslaving en herstel"})
    client.force_login(trainer)
    content = client.get(app_url("application_detail", application)).content.decode()
    assert "Ik wil mijn ervaring gebruiken." in content and "Verslaving en herstel" in content
    assert sorted(_reads(application)) == [(trainer.pk, "answers", "page"), (trainer.pk, "motivation", "page")]
    rows = ApplicationReadLog.objects.all()
    assert all("gebruiken" not in f"{r.item} {r.path}" and "Verslaving" not in f"{r.item} {r.path}" for r in rows)


def test_a_detail_without_motivation_text_or_answers_logs_no_such_read(client, coordinator, submit):
    application = submit(motivation_text="", motivation_in_talk=True)
    client.force_login(coordinator)
    assert client.get(app_url("application_detail", application)).status_code == 200
    assert _reads(application) == []


def test_downloading_the_motivation_file_is_logged(client, coordinator, submit):
    application = submit(motivation_text="", motivation_file=SimpleUploadedFile("motivatie.pdf", PDF_BYTES))
    client.force_login(coordinator)
    assert client.get(app_url("application_file", application)).status_code == 200
    assert _reads(application) == [(coordinator.pk, "motivation", "page")]


def test_opening_the_transcript_form_is_logged(client, coordinator, submit):
    application = submit(motivation_text="", motivation_file=SimpleUploadedFile("motivatie.pdf", PDF_BYTES))
    client.force_login(coordinator)
    assert client.get(app_url("application_transcript", application)).status_code == 200
    assert _reads(application) == []  # no transcript yet: nothing of the motivation is shown
    application.motivation_transcript = "Wat ik meemaakte, in mijn eigen woorden."
    application.save()
    assert client.get(app_url("application_transcript", application)).status_code == 200
    assert _reads(application) == [(coordinator.pk, "motivation", "page")]


@pytest.mark.parametrize("who", ["other_coordinator", "asker"])
def test_an_outsider_gets_404_on_the_detail_and_leaves_no_log(client, request, submit, questions, who):
    application = submit(answers={questions[0].pk: "Verslaving en herstel"})
    client.force_login(request.getfixturevalue(who))
    assert client.get(app_url("application_detail", application)).status_code == 404
    assert not ApplicationReadLog.objects.exists()


def test_the_lists_that_show_only_names_log_nothing(client, coordinator, orgs, submit, questions):
    submit(answers={questions[0].pk: "Verslaving en herstel"})
    client.force_login(coordinator)
    for name in ("application_list", "pipeline"):
        assert client.get(reverse(f"recruitment:{name}", args=[orgs.deploying.slug])).status_code == 200
    assert not ApplicationReadLog.objects.exists()
