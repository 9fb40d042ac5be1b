"""The coordinator and trainer pages: list, detail, file, decisions with e-mails, acceptance."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from inzet.accounts.models import User
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.organisations.models import Membership, Role
from inzet.recruitment import services
from inzet.recruitment.models import Application, ApplicationStatus, Decision, StageDecision
from inzet.recruitment.tests.samples import upload


def url(name: str, application: Application) -> str:
    return reverse(f"recruitment:{name}", args=[application.organisation.slug, application.pk])


def list_url(orgs) -> str:
    return reverse("recruitment:application_list", args=[orgs.deploying.slug])


def decide(client, application, decision: str, **extra):
    data = {"decision": decision, "date": "2026-03-15", "notes": "Notitie", "message": "", **extra}
    return client.post(url("application_decide", application), data)


# --- list and detail -------------------------------------------------------------------------------


def test_the_list_shows_applications_by_stage_with_counts(client, coordinator, orgs, submit):
    submit("Anna Aanmelder")
    bram = submit("Bram Bakker")
    services.stage_decide(application=bram, decision=Decision.PASSED, decided_by=coordinator)
    client.force_login(coordinator)
    response = client.get(list_url(orgs))
    body = response.content.decode()
    assert "Anna Aanmelder" in body and "Bram Bakker" in body
    groups = {group.stage.code: group.count for group in response.context["overview"].groups}
    assert groups["application"] == 1 and groups["intro_talk"] == 1 and groups["active"] == 0
    assert "Nieuw" in body


def test_the_list_uses_a_bounded_number_of_queries(client, coordinator, orgs, submit, django_assert_max_num_queries):
    client.force_login(coordinator)
    submit("Anna Aanmelder")
    with django_assert_max_num_queries(16) as few:
        client.get(list_url(orgs))
    for i in range(30):
        application = submit(f"Persoon{i} Test")
        if i % 3 == 0:
            services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
        if i % 5 == 0:
            services.application_withdraw(application=application)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(list_url(orgs))
    assert response.context["overview"].open_count == 25


def test_the_detail_shows_the_motivation_and_the_history(client, coordinator, orgs, submit):
    application = submit(motivation_text="Ik wil helpen in de inloop.")
    services.stage_decide(
        application=application, decision=Decision.PASSED, decided_by=coordinator, notes="Open gesprek"
    )
    client.force_login(coordinator)
    body = client.get(url("application_detail", application)).content.decode()
    assert "Ik wil helpen in de inloop." in body
    assert "Open gesprek" in body
    assert "Gehaald: door naar de volgende stap" in body


def test_the_detail_uses_a_bounded_number_of_queries(client, coordinator, orgs, submit, django_assert_max_num_queries):
    application = submit()
    services.stage_decide(application=application, decision=Decision.REPEAT, decided_by=coordinator)
    client.force_login(coordinator)
    with django_assert_max_num_queries(17) as few:  # 17: one insert logs the reads
        client.get(url("application_detail", application))
    for _ in range(10):
        services.stage_decide(application=application, decision=Decision.REPEAT, decided_by=coordinator)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("application_detail", application))
    assert len(response.context["history"]) == 11


def test_the_motivation_file_comes_through_a_checked_view(client, coordinator, trainer, other_coordinator, submit):
    application = submit(motivation_file=upload("Mijn verhaal.pdf"))
    client.force_login(coordinator)
    response = client.get(url("application_file", application))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "Mijn verhaal.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    detail = client.get(url("application_detail", application)).content.decode()
    assert f'href="{url("application_file", application)}" download' in detail  # crawlers and browsers: a download
    client.force_login(trainer)
    assert client.get(url("application_file", application)).status_code == 200
    client.force_login(other_coordinator)
    assert client.get(url("application_file", application)).status_code == 404


def test_there_is_no_file_to_download_without_a_file(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    assert client.get(url("application_file", application)).status_code == 404


# --- who may do what -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["other_coordinator", "asker", "other_asker", "outsider", "operator"])
def test_people_outside_the_organisation_get_404(client, personas, orgs, submit, persona):
    application = submit()
    client.force_login(personas[persona])
    assert client.get(list_url(orgs)).status_code == 404
    assert client.get(url("application_detail", application)).status_code == 404
    assert decide(client, application, Decision.PASSED).status_code == 404
    assert not StageDecision.objects.exists()


def test_an_expert_of_the_organisation_may_not_see_applications(client, expert, orgs, submit):
    application = submit()
    client.force_login(expert)
    assert client.get(list_url(orgs)).status_code == 403
    assert client.get(url("application_detail", application)).status_code == 404


def test_anonymous_visitors_only_reach_the_public_pages(client, orgs, submit):
    application = submit()
    assert client.get(reverse("recruitment:apply", args=[orgs.deploying.slug])).status_code == 200
    for response in [client.get(list_url(orgs)), client.get(url("application_detail", application))]:
        assert response.status_code == 302 and "/account/inloggen/" in response.url


def test_an_application_is_not_found_under_another_organisations_address(client, coordinator, orgs, submit):
    application = submit()
    client.force_login(coordinator)
    wrong = reverse("recruitment:application_detail", args=[orgs.other_deploying.slug, application.pk])
    assert client.get(wrong).status_code == 404


def test_a_trainer_records_decisions_but_does_not_manage(client, trainer, orgs, submit):
    application = submit()
    client.force_login(trainer)
    assert decide(client, application, Decision.PASSED).status_code == 302
    assert client.post(url("application_withdraw", application)).status_code == 403
    assert client.get(reverse("recruitment:page_edit", args=[orgs.deploying.slug])).status_code == 403
    assert client.get(reverse("recruitment:pipeline", args=[orgs.deploying.slug])).status_code == 403
    assert client.get(reverse("recruitment:application_enter", args=[orgs.deploying.slug])).status_code == 403


# --- decisions and e-mails -------------------------------------------------------------------------


def test_passing_moves_on_and_mails_the_applicant(client, coordinator, submit, django_capture_on_commit_callbacks):
    application = submit()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, application, Decision.PASSED, message="Tot snel!")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.current_stage.code == "intro_talk"
    decision = StageDecision.objects.get()
    assert decision.decided_by == coordinator
    assert str(decision.date) == "2026-03-15"
    assert decision.email_sent_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert "Kennismakingsgesprek" in message.body and "Tot snel!" in message.body
    assert "Notitie" not in message.body  # notes stay inside


def test_repeating_keeps_the_stage_and_mails(client, coordinator, submit, django_capture_on_commit_callbacks):
    application = submit()
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, application, Decision.REPEAT)
    application.refresh_from_db()
    assert application.current_stage.code == "shadowing"
    assert application.decisions.count() == 3
    assert len(mail.outbox) == 1 and "nog een keer" in mail.outbox[0].body


def test_skipping_goes_to_the_next_stage_where_allowed(client, coordinator, submit, django_capture_on_commit_callbacks):
    application = submit()
    for _ in range(2):
        services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, application, Decision.SKIPPED)
    application.refresh_from_db()
    assert application.current_stage.code == "evaluation"
    assert len(mail.outbox) == 1 and "slaan we samen over" in mail.outbox[0].body


def test_a_stage_that_may_not_be_skipped_offers_no_skip(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    body = client.get(url("application_decide", application)).content.decode()
    assert 'value="skipped"' not in body
    response = decide(client, application, Decision.SKIPPED)
    assert response.status_code == 200
    assert not StageDecision.objects.exists()


def test_the_service_refuses_to_skip_a_stage_that_may_not_be_skipped(coordinator, submit):
    application = submit()
    with pytest.raises(ValidationError, match="niet overgeslagen"):
        services.stage_decide(application=application, decision=Decision.SKIPPED, decided_by=coordinator)


def test_not_passing_declines_and_offers_a_talk(client, coordinator, submit, django_capture_on_commit_callbacks):
    application = submit()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, application, Decision.NOT_PASSED)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert len(mail.outbox) == 1 and "gesprek" in mail.outbox[0].body
    assert client.get(url("application_decide", application)).status_code == 302  # nothing left to decide


def test_a_missing_date_or_decision_is_explained(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    body = client.post(url("application_decide", application), {"date": ""}).content.decode()
    assert "Kies een besluit." in body and "Vul een datum in." in body


def test_each_decision_sends_its_own_mail(coordinator, submit, django_capture_on_commit_callbacks):
    application = submit()
    with django_capture_on_commit_callbacks(execute=True):
        for decision in [Decision.PASSED, Decision.PASSED, Decision.REPEAT, Decision.SKIPPED, Decision.NOT_PASSED]:
            services.stage_decide(application=application, decision=decision, decided_by=coordinator)
    assert len(mail.outbox) == 5
    assert StageDecision.objects.filter(email_sent_at__isnull=True).count() == 0


def walk_to_last_stage(application, coordinator):
    for decision in [Decision.PASSED] * 5:
        services.stage_decide(application=application, decision=decision, decided_by=coordinator)


def test_passing_the_last_stage_makes_an_expert(client, coordinator, orgs, submit, django_capture_on_commit_callbacks):
    application = submit("Anna Aanmelder", phone="0612345678")
    walk_to_last_stage(application, coordinator)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, application, Decision.PASSED, message="Welkom!")
    application.refresh_from_db()
    user = User.objects.get(email="anna@example.org")
    assert not user.has_usable_password()
    assert user.created_on_behalf_by == coordinator
    assert Membership.objects.get(user=user).role == Role.EXPERT
    profile = ExpertProfile.objects.get(user=user)
    assert (profile.organisation, profile.status, profile.phone) == (orgs.deploying, ExpertStatus.ACTIVE, "0612345678")
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.expert_profile == profile
    # Searchable at once: the directory's search words are built when the profile is made.
    assert "anna" in profile.search_document.coordinators_text
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Welkom!" in body and "/account/wachtwoord-herstellen/" in body
    uid, token = body.split("/account/wachtwoord-herstellen/")[1].split()[0].strip("/").split("/")
    assert int(force_str(urlsafe_base64_decode(uid))) == user.pk
    assert default_token_generator.check_token(user, token)
    assert StageDecision.objects.latest("pk").email_sent_at is not None


def test_someone_who_already_has_an_account_keeps_it(coordinator, trainer, submit, django_capture_on_commit_callbacks):
    application = submit("Tine Trainer", email="trainer@test.nl")
    walk_to_last_stage(application, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    assert User.objects.filter(email="trainer@test.nl").count() == 1
    assert set(Membership.objects.filter(user=trainer).values_list("role", flat=True)) == {Role.TRAINER, Role.EXPERT}
    assert "/account/inloggen/" in mail.outbox[0].body


def test_an_expert_of_another_organisation_cannot_be_accepted_twice(coordinator, expert_profile, orgs, submit):
    expert_profile.organisation = orgs.other_deploying
    expert_profile.save()
    application = submit("Eef Expert", email="expert@test.nl")
    walk_to_last_stage(application, coordinator)
    with pytest.raises(ValidationError, match="andere organisatie"):
        services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.OPEN
    assert application.decisions.count() == 5


def test_the_last_stage_asks_for_an_e_mail_address_when_there_is_none(client, coordinator, orgs, page):
    application = services.application_enter_on_behalf(
        organisation=orgs.deploying,
        entered_by=coordinator,
        full_name="Kees Zonder Mail",
        email="",
        motivation_in_talk=True,
        consent=True,
    )
    walk_to_last_stage(application, coordinator)
    client.force_login(coordinator)
    response = decide(client, application, Decision.PASSED)
    assert "Dat is nodig om een account te maken." in response.content.decode()
    assert not User.objects.filter(full_name="Kees Zonder Mail").exists()
    decide(client, application, Decision.PASSED, email="Kees@Example.org")
    assert User.objects.get(email="kees@example.org").expert_profile.organisation == orgs.deploying


def test_an_organisation_that_takes_everyone_needs_only_training(coordinator, orgs, page, submit):
    stages = services.pipeline_ensure(organisation=orgs.deploying)
    services.pipeline_configure(
        organisation=orgs.deploying,
        stages=[
            services.StageSpec(s.name, s.can_skip, s.pk)
            for s in stages
            if s.code in ("application", "training", "active")
        ],
    )
    application = submit()
    for _ in range(3):
        services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert [d.stage.code for d in application.decisions.all()] == ["application", "training", "active"]


# --- managing ---------------------------------------------------------------------------------------


def test_a_coordinator_withdraws_an_application(client, coordinator, submit):
    application = submit()
    client.force_login(coordinator)
    assert client.post(url("application_withdraw", application)).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_a_coordinator_enters_an_application_on_someones_behalf(
    client, coordinator, orgs, page, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("recruitment:application_enter", args=[orgs.deploying.slug]),
            {
                "full_name": "Kees Bakker",
                "email": "",
                "phone": "0612345678",
                "preferred_contact": "phone",
                "channel": "coordinator",
                "motivation_text": "Vertelde op het spreekuur over zijn herstel.",
                "motivation_file": upload("opname.m4a"),
                "motivation_transcript": "Ik wil iets terugdoen.",
                "consent": "on",
            },
        )
    application = Application.objects.get()
    assert response.url == url("application_detail", application)
    assert application.entered_by == coordinator
    assert application.motivation_file_kind == "audio"
    assert application.motivation_transcript == "Ik wil iets terugdoen."
    assert mail.outbox == []  # no address, no mail
    body = client.get(url("application_detail", application)).content.decode()
    assert "namens de persoon" in body


def test_entering_on_behalf_needs_the_persons_consent(client, coordinator, orgs, page):
    client.force_login(coordinator)
    response = client.post(
        reverse("recruitment:application_enter", args=[orgs.deploying.slug]),
        {
            "full_name": "Kees Bakker",
            "preferred_contact": "phone",
            "channel": "coordinator",
            "motivation_in_talk": "on",
        },
    )
    assert "Vraag eerst toestemming aan de persoon." in response.content.decode()
    assert not Application.objects.exists()


def test_a_coordinator_writes_a_transcript_for_a_recording(client, coordinator, trainer, submit):
    application = submit(motivation_file=upload("verhaal.mp3"))
    client.force_login(trainer)
    response = client.post(url("application_transcript", application), {"transcript": "Ik heb lang gezocht."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.motivation_transcript == "Ik heb lang gezocht."


def test_the_first_save_of_the_page_makes_the_default_stages(client, coordinator, orgs):
    client.force_login(coordinator)
    response = client.post(
        reverse("recruitment:page_edit", args=[orgs.deploying.slug]),
        {"is_open": "on", "duration": "Een jaar", "time_investment": "4 uur per week"},
    )
    assert response.status_code == 302
    page = orgs.deploying.recruitment_page
    assert page.is_open and page.duration == "Een jaar" and page.updated_by == coordinator
    codes = list(orgs.deploying.pipeline_stages.values_list("code", flat=True))
    assert codes == ["application", "intro_talk", "shadowing", "evaluation", "training", "active"]
    assert client.get(reverse("recruitment:apply", args=[orgs.deploying.slug])).status_code == 200


def stage_post(stages, extra=None, **changes) -> dict:
    data = {
        "stappen-TOTAL_FORMS": str(len(stages) + 1),
        "stappen-INITIAL_FORMS": str(len(stages)),
        "stappen-MIN_NUM_FORMS": "0",
        "stappen-MAX_NUM_FORMS": "1000",
    }
    for i, stage in enumerate(stages):
        data[f"stappen-{i}-id"] = str(stage.pk)
        data[f"stappen-{i}-name"] = stage.name
        data[f"stappen-{i}-ORDER"] = str(i + 1)
        if stage.can_skip:
            data[f"stappen-{i}-can_skip"] = "on"
    n = len(stages)
    data.update({f"stappen-{n}-name": "", f"stappen-{n}-ORDER": ""})
    if extra:
        data.update({f"stappen-{n}-{key}": value for key, value in extra.items()})
    data.update(changes)
    return data


def test_a_coordinator_configures_the_stages(client, coordinator, orgs, page):
    stages = list(orgs.deploying.pipeline_stages.all())
    client.force_login(coordinator)
    data = stage_post(
        stages,
        extra={"name": "Tweede gesprek", "ORDER": "3", "can_skip": "on"},
        **{
            "stappen-1-name": "Eerste gesprek",  # rename
            "stappen-4-can_skip": "on",  # training may be skipped
            "stappen-2-DELETE": "on",  # shadowing is not used yet: remove
        },
    )
    response = client.post(reverse("recruitment:pipeline", args=[orgs.deploying.slug]), data)
    assert response.status_code == 302
    result = [(s.name, s.can_skip) for s in orgs.deploying.pipeline_stages.all()]
    assert result == [
        ("Aanmelding bekijken", False),
        ("Eerste gesprek", False),
        ("Tweede gesprek", True),
        ("Samen terugkijken", True),
        ("Training", True),
        ("Actief worden", False),
    ]


def test_a_new_stage_without_a_place_goes_before_the_last_one(client, coordinator, orgs, page):
    stages = list(orgs.deploying.pipeline_stages.all())
    client.force_login(coordinator)
    data = stage_post(stages, extra={"name": "Nazorggesprek"})
    assert client.post(reverse("recruitment:pipeline", args=[orgs.deploying.slug]), data).status_code == 302
    names = list(orgs.deploying.pipeline_stages.values_list("name", flat=True))
    assert names[-2:] == ["Nazorggesprek", "Actief worden"]


def test_a_stage_in_use_cannot_be_removed(client, coordinator, orgs, page, submit):
    submit()  # at the first stage
    stages = list(orgs.deploying.pipeline_stages.all())
    client.force_login(coordinator)
    body = client.get(reverse("recruitment:pipeline", args=[orgs.deploying.slug])).content.decode()
    assert "In gebruik: deze stap kan niet weg." in body
    data = stage_post(stages, **{"stappen-0-DELETE": "on"})
    client.post(reverse("recruitment:pipeline", args=[orgs.deploying.slug]), data)
    assert orgs.deploying.pipeline_stages.filter(code="application").exists()
    with pytest.raises(ValidationError, match="in gebruik"):
        services.pipeline_configure(
            organisation=orgs.deploying, stages=[services.StageSpec("Alleen", False, stages[1].pk)]
        )


def test_stages_of_another_organisation_cannot_be_smuggled_in(client, coordinator, orgs, page, other_page):
    stages = list(orgs.deploying.pipeline_stages.all())
    foreign = orgs.other_deploying.pipeline_stages.first()
    client.force_login(coordinator)
    data = stage_post(stages, **{"stappen-0-id": str(foreign.pk)})
    response = client.post(reverse("recruitment:pipeline", args=[orgs.deploying.slug]), data)
    assert response.status_code == 200
    assert "Deze stap hoort niet bij deze organisatie." in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.organisation == orgs.other_deploying


def test_making_an_expert_renews_the_organisations_matching_version(coordinator, orgs, submit):
    # Matching's cached candidate pools (inzet/matching/pool_cache.py) must see the new expert.
    from inzet.experts.models import MatchingVersion

    def version():
        return MatchingVersion.objects.filter(organisation=orgs.deploying).values_list("version", flat=True).first()

    application = submit("Anna Aanmelder")
    walk_to_last_stage(application, coordinator)
    before = version()
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    assert version() not in (None, before)
