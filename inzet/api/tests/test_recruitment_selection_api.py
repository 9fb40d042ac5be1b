"""/api/recruitment/…: the selection steps (own questions, intro talk, shadowing, group counts) with
the same permission helpers, service functions and form checks as the pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from inzet.accounts.models import ApiToken
from inzet.experts.models import AgeBand, ExpertProfile, ExpertStatus
from inzet.recruitment import selection, services
from inzet.recruitment.models import (
    ApplicationQuestion,
    ApplicationReadLog,
    Channel,
    IntroTalk,
    ShadowDay,
    ShadowEvaluation,
    ShadowKind,
    ShadowOutcome,
)

pytestmark = pytest.mark.django_db

BASE = "/api/recruitment"


def _auth(user) -> dict:
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _write(client, method, url, auth, data, key=None):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return getattr(client, method)(url, data, content_type="application/json", **auth, **headers)


@pytest.fixture
def application(orgs):
    services.recruitment_page_update(organisation=orgs.deploying, changes={"is_open": True}, updated_by=None)
    return services.application_submit(
        organisation=orgs.deploying,
        full_name="Anna Aanmelder",
        email="anna@example.org",
        channel=Channel.WEBSITE,
        motivation_text="Ik wil mijn ervaring gebruiken.",
        consent=True,
    )


def _days(application, coordinator, count, start=dt.date(2026, 3, 2)):
    for offset in range(count):
        selection.shadow_day_record(
            application=application,
            date=start + dt.timedelta(days=offset),
            kind=ShadowKind.DAY,
            recorded_by=coordinator,
        )


# --- the organisation's own questions ---------------------------------------------------------------


def test_the_coordinator_sets_the_questions_and_reads_what_the_page_shows(client, coordinator, orgs, application):
    url = f"{BASE}/organisations/{orgs.deploying.slug}/questions"
    auth = _auth(coordinator)
    body = {
        "questions": [
            {"text": " Wat kunt u goed? ", "required": True},
            {"text": "Wat wilt u leren?", "help_text": "Mag kort"},
        ]
    }
    response = _write(client, "put", url, auth, body)
    assert response.status_code == 200
    saved = selection.questions_of(orgs.deploying)
    assert [(q["id"], q["text"], q["required"]) for q in response.json()["questions"]] == [
        (saved[0].pk, "Wat kunt u goed?", True),
        (saved[1].pk, "Wat wilt u leren?", False),
    ]
    # Reorder and switch one off, by id; the public form then asks only the active one.
    body = {
        "questions": [
            {"id": saved[1].pk, "text": "Wat wilt u leren?"},
            {"id": saved[0].pk, "text": "Wat kunt u goed?", "is_active": False},
        ]
    }
    assert _write(client, "put", url, auth, body).status_code == 200
    got = client.get(url, **auth).json()["questions"]
    assert [(q["id"], q["is_active"]) for q in got] == [(saved[1].pk, True), (saved[0].pk, False)]
    client.force_login(coordinator)
    page = client.get(reverse("recruitment:questions", args=[orgs.deploying.slug]))
    assert [f["id"] for f in page.context["formset"].initial] == [q["id"] for q in got]
    public = client.get(reverse("recruitment:apply", args=[orgs.deploying.slug]))
    assert "Wat wilt u leren?" in public.content.decode() and "Wat kunt u goed?" not in public.content.decode()


@pytest.mark.parametrize(
    "question,message",
    [
        ({"text": "   "}, "Schrijf de vraag op."),
        ({"text": "x" * 301}, "niet meer dan 300 tekens"),
    ],
)
def test_a_bad_question_gets_422_in_dutch_and_nothing_changes(client, coordinator, orgs, question, message):
    selection.questions_configure(organisation=orgs.deploying, questions=[selection.QuestionSpec(text="Blijft")])
    url = f"{BASE}/organisations/{orgs.deploying.slug}/questions"
    response = _write(client, "put", url, _auth(coordinator), {"questions": [{"text": "Nieuw"}, question]})
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert list(ApplicationQuestion.objects.values_list("text", flat=True)) == ["Blijft"]


def test_a_question_of_another_organisation_is_refused(client, coordinator, orgs):
    other = selection.questions_configure(
        organisation=orgs.other_deploying, questions=[selection.QuestionSpec(text="Van de ander")]
    )[0]
    url = f"{BASE}/organisations/{orgs.deploying.slug}/questions"
    response = _write(client, "put", url, _auth(coordinator), {"questions": [{"id": other.pk, "text": "Overgenomen"}]})
    assert response.status_code == 422
    assert response.json()["detail"] == "Deze vraag hoort niet bij deze organisatie."
    assert ApplicationQuestion.objects.get(pk=other.pk).text == "Van de ander"


def test_a_retried_questions_write_acts_once(client, coordinator, orgs):
    url = f"{BASE}/organisations/{orgs.deploying.slug}/questions"
    auth = _auth(coordinator)
    body = {"questions": [{"text": "Wat kunt u goed?"}]}
    first = _write(client, "put", url, auth, body, key="vragen-1")
    again = _write(client, "put", url, auth, body, key="vragen-1")
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    assert ApplicationQuestion.objects.count() == 1


@pytest.mark.parametrize(
    "persona,status", [("trainer", 403), ("expert", 403), ("asker", 404), ("other_coordinator", 404), ("operator", 404)]
)
def test_only_the_coordinator_of_the_organisation_reaches_questions_and_group(client, personas, orgs, persona, status):
    auth = _auth(personas[persona])
    slug = orgs.deploying.slug
    assert client.get(f"{BASE}/organisations/{slug}/questions", **auth).status_code == status
    assert client.get(f"{BASE}/organisations/{slug}/group", **auth).status_code == status
    response = _write(client, "put", f"{BASE}/organisations/{slug}/questions", auth, {"questions": [{"text": "Nee"}]})
    assert response.status_code == status
    assert not ApplicationQuestion.objects.exists()


# --- the intro talk ---------------------------------------------------------------------------------


def test_the_trainer_records_the_intro_talk_and_reads_it_back(client, trainer, application):
    url = f"{BASE}/applications/{application.pk}/intro-talk"
    auth = _auth(trainer)
    assert client.get(url, **auth).json()["recorded"] is False
    body = {"date": "2026-03-15", "recovery": "Gaat goed", "learning_goals": "Grenzen aangeven"}
    response = _write(client, "put", url, auth, body)
    assert response.status_code == 200
    talk = IntroTalk.objects.get(application=application)
    assert (talk.date, talk.recovery, talk.learning_goals) == (dt.date(2026, 3, 15), "Gaat goed", "Grenzen aangeven")
    got = client.get(url, **auth).json()
    assert got == response.json()
    assert got["recorded"] is True and got["recorded_by"] == "Tine Trainer" and got["recovery"] == "Gaat goed"
    # Saving again changes the one talk (a double click or a correction), as on the page.
    assert _write(client, "put", url, auth, {**body, "recovery": "Beter"}).json()["recovery"] == "Beter"
    assert IntroTalk.objects.count() == 1


@pytest.mark.parametrize("date,message", [(None, "Vul een datum in."), ("15 maart", "Vul een datum in, zoals")])
def test_an_intro_talk_without_a_good_date_gets_422_in_dutch(client, coordinator, application, date, message):
    url = f"{BASE}/applications/{application.pk}/intro-talk"
    response = _write(client, "put", url, _auth(coordinator), {"date": date, "recovery": "Niet bewaard"})
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not IntroTalk.objects.exists()


# --- shadowing and the joint evaluation -------------------------------------------------------------


def test_shadow_days_count_as_on_the_page(client, coordinator, application):
    auth = _auth(coordinator)
    response = _write(
        client,
        "post",
        f"{BASE}/applications/{application.pk}/shadow-days",
        auth,
        {"date": "2026-03-02", "notes": "Fijn"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["days"], body["days_left"], body["half_days_left"], body["evaluation_due"]) == (1, 4, 0, False)
    assert [(d["date"], d["kind"], d["notes"]) for d in body["shadow_days"]] == [("2026-03-02", "day", "Fijn")]
    assert client.get(f"{BASE}/applications/{application.pk}/shadowing", **auth).json() == body
    client.force_login(coordinator)
    page = client.get(reverse("recruitment:shadowing", args=[application.organisation.slug, application.pk]))
    progress = page.context["progress"]
    assert (progress.days, progress.days_left, progress.evaluated) == (body["days"], body["days_left"], False)
    assert [d.pk for d in page.context["days"]] == [d["id"] for d in body["shadow_days"]]


def test_a_retried_shadow_day_counts_once(client, coordinator, application):
    url = f"{BASE}/applications/{application.pk}/shadow-days"
    auth = _auth(coordinator)
    first = _write(client, "post", url, auth, {"date": "2026-03-02"}, key="dag-1")
    again = _write(client, "post", url, auth, {"date": "2026-03-02"}, key="dag-1")
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert ShadowDay.objects.count() == 1


@pytest.mark.parametrize(
    "body,message",
    [
        ({"date": "2026-03-02", "kind": "half_day"}, "Extra dagdelen komen pas na het samen terugkijken"),
        ({"kind": "day"}, "Vul een datum in."),
        ({"date": "2026-03-02", "kind": "week"}, "Selecteer een geldige keuze."),
    ],
)
def test_a_shadow_day_that_does_not_fit_gets_422_in_dutch(client, coordinator, application, body, message):
    response = _write(client, "post", f"{BASE}/applications/{application.pk}/shadow-days", _auth(coordinator), body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not ShadowDay.objects.exists()


def test_the_joint_evaluation_after_five_days_opens_the_extra_half_days(client, coordinator, application):
    _days(application, coordinator, 5)
    auth = _auth(coordinator)
    url = f"{BASE}/applications/{application.pk}/shadow-evaluation"
    assert client.get(url, **auth).json()["recorded"] is False
    body = {"date": "2026-03-09", "outcome": "more_half_days", "applicant_view": "Leerzaam"}
    response = _write(client, "put", url, auth, body)
    assert response.status_code == 200
    got = client.get(url, **auth).json()
    assert got == response.json()
    assert (got["outcome"], got["applicant_view"], got["recorded_by"]) == (
        "more_half_days",
        "Leerzaam",
        "Cor Coördinator",
    )
    shadowing = client.get(f"{BASE}/applications/{application.pk}/shadowing", **auth).json()
    assert (shadowing["evaluated"], shadowing["half_days_left"]) == (True, 5)
    day = _write(
        client,
        "post",
        f"{BASE}/applications/{application.pk}/shadow-days",
        auth,
        {"date": "2026-03-10", "kind": "half_day"},
    )
    assert day.status_code == 201 and day.json()["half_days"] == 1


@pytest.mark.parametrize(
    "days,body,message",
    [
        (4, {"date": "2026-03-09", "outcome": "continue"}, "Samen terugkijken kan na vijf meeloopdagen."),
        (5, {"date": "2026-03-09"}, "Kies wat u samen besluit."),
        (5, {"outcome": "continue"}, "Vul een datum in."),
    ],
)
def test_an_evaluation_that_does_not_fit_gets_422_in_dutch(client, coordinator, application, days, body, message):
    _days(application, coordinator, days)
    url = f"{BASE}/applications/{application.pk}/shadow-evaluation"
    response = _write(client, "put", url, _auth(coordinator), body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert not ShadowEvaluation.objects.exists()


def test_a_retried_evaluation_acts_once(client, coordinator, application):
    _days(application, coordinator, 5)
    url = f"{BASE}/applications/{application.pk}/shadow-evaluation"
    auth = _auth(coordinator)
    body = {"date": "2026-03-09", "outcome": ShadowOutcome.CONTINUE}
    first = _write(client, "put", url, auth, body, key="terug-1")
    again = _write(client, "put", url, auth, body, key="terug-1")
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert ShadowEvaluation.objects.count() == 1


@pytest.mark.parametrize("persona", ["asker", "expert", "other_coordinator", "outsider", "operator"])
def test_the_wrong_role_gets_404_for_the_selection_steps_of_an_application(client, personas, application, persona):
    auth = _auth(personas[persona])
    base = f"{BASE}/applications/{application.pk}"
    for path in ("intro-talk", "shadowing", "shadow-evaluation"):
        assert client.get(f"{base}/{path}", **auth).status_code == 404, path
    assert _write(client, "put", f"{base}/intro-talk", auth, {"date": "2026-03-15"}).status_code == 404
    assert _write(client, "post", f"{base}/shadow-days", auth, {"date": "2026-03-02"}).status_code == 404
    response = _write(client, "put", f"{base}/shadow-evaluation", auth, {"date": "2026-03-09", "outcome": "stop"})
    assert response.status_code == 404 and response.json() == {"detail": "Not found"}
    assert not (IntroTalk.objects.exists() or ShadowDay.objects.exists() or ShadowEvaluation.objects.exists())


def test_a_password_only_session_is_refused_like_everywhere_in_the_api(client, coordinator, orgs, application):
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    assert (
        client.post(reverse("accounts:login"), {"username": coordinator.email, "password": PASSWORD}).status_code == 302
    )
    for url in (
        f"{BASE}/organisations/{orgs.deploying.slug}/group",
        f"{BASE}/applications/{application.pk}/intro-talk",
    ):
        response = client.get(url)
        assert response.status_code == 403 and response.json() == {"detail": "Two-step login required"}
    response = client.post(
        f"{BASE}/applications/{application.pk}/shadow-days", {"date": "2026-03-02"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not ShadowDay.objects.exists()


# --- the group counts -------------------------------------------------------------------------------


def test_the_group_counts_equal_the_page_and_hide_small_numbers(
    client, coordinator, orgs, application, django_user_model
):
    for i in range(6):
        user = django_user_model.objects.create_user(email=f"e{i}@example.org", password=PASSWORD, full_name=f"E {i}")
        ExpertProfile.objects.create(
            user=user, organisation=orgs.deploying, status=ExpertStatus.ACTIVE, age_band=AgeBand.choices[1][0]
        )
    response = client.get(f"{BASE}/organisations/{orgs.deploying.slug}/group", **_auth(coordinator))
    assert response.status_code == 200
    body = response.json()
    assert (body["experts"], body["experts_shown"]) == (6, "6")
    assert (body["applicants"], body["applicants_shown"]) == (None, "minder dan 5")
    client.force_login(coordinator)
    overview = client.get(reverse("recruitment:group", args=[orgs.deploying.slug])).context["overview"]
    assert body["tables"] == [
        {
            "title": table.title,
            "rows": [
                {"label": r.label, "count": r.count, "shown": "minder dan 5" if r.count is None else str(r.count)}
                for r in table.rows
            ],
        }
        for table in overview.tables
    ]
    assert {"label": AgeBand.choices[1][1], "count": 6, "shown": "6"} in body["tables"][0]["rows"]
    assert all("@" not in str(row) and "E 1" not in str(row) for table in body["tables"] for row in table["rows"])


# --- reads of special-category parts are logged: which item, never the content ------------------------


def _reads(application, item):
    return list(ApplicationReadLog.objects.filter(application=application, item=item).values_list("user", "context"))


def test_reading_the_intro_talk_is_logged_without_its_content(client, trainer, coordinator, application):
    auth = _auth(trainer)
    url = f"{BASE}/applications/{application.pk}/intro-talk"
    client.get(url, **auth)
    assert _reads(application, "intro_talk") == []  # nothing written yet, nothing read
    selection.intro_talk_record(
        application=application, recorded_by=coordinator, date=dt.date(2026, 3, 2), recovery="Twee jaar stabiel"
    )
    assert client.get(url, **auth).json()["recovery"] == "Twee jaar stabiel"
    assert _reads(application, "intro_talk") == [(trainer.pk, "api")]
    row = ApplicationReadLog.objects.get()
    assert "stabiel" not in f"{row.item} {row.path} {row}"


def test_reading_shadow_notes_and_the_evaluation_is_logged(client, coordinator, application):
    auth = _auth(coordinator)
    _days(application, coordinator, 4)
    client.get(f"{BASE}/applications/{application.pk}/shadowing", **auth)
    assert _reads(application, "shadow_days") == []  # counts without notes reveal nothing personal
    selection.shadow_day_record(
        application=application, date=dt.date(2026, 3, 20), kind=ShadowKind.DAY, notes="Moe", recorded_by=coordinator
    )
    client.get(f"{BASE}/applications/{application.pk}/shadowing", **auth)
    assert _reads(application, "shadow_days") == [(coordinator.pk, "api")]
    selection.shadow_evaluation_record(
        application=application,
        date=dt.date(2026, 3, 21),
        outcome=ShadowOutcome.CONTINUE,
        applicant_view="Spannend",
        recorded_by=coordinator,
    )
    client.get(f"{BASE}/applications/{application.pk}/shadow-evaluation", **auth)
    assert _reads(application, "shadow_evaluation") == [(coordinator.pk, "api")]
