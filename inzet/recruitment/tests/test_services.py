import datetime
import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from inzet.accounts.permissions import get_roles
from inzet.recruitment import services
from inzet.recruitment.models import (
    Application,
    Decision,
    PipelineStage,
    RecruitmentPage,
    StageDecision,
)
from inzet.recruitment.selectors import coordinator_next_steps, trainer_next_steps
from inzet.recruitment.tests.samples import upload


def test_the_default_pipeline_is_made_once(orgs):
    first = services.pipeline_ensure(organisation=orgs.deploying)
    second = services.pipeline_ensure(organisation=orgs.deploying)
    assert [s.code for s in first] == ["application", "intro_talk", "shadowing", "evaluation", "training", "active"]
    assert [s.pk for s in second] == [s.pk for s in first]
    assert [s.code for s in first if s.can_skip] == ["shadowing", "evaluation"]


def test_only_deploying_organisations_recruit(orgs):
    with pytest.raises(ValidationError):
        services.recruitment_page_update(organisation=orgs.asker, changes={"is_open": True}, updated_by=None)
    assert not RecruitmentPage.objects.exists() and not PipelineStage.objects.exists()


def test_the_page_update_refuses_unknown_fields(orgs):
    with pytest.raises(ValueError):
        services.recruitment_page_update(organisation=orgs.deploying, changes={"organisation": 1}, updated_by=None)


def test_new_stages_get_unique_codes(orgs):
    stages = services.pipeline_configure(
        organisation=orgs.deploying,
        stages=[services.StageSpec("Gesprek"), services.StageSpec("Gesprek"), services.StageSpec("Actief")],
    )
    assert [s.code for s in stages] == ["gesprek", "gesprek-2", "actief"]


def test_the_pipeline_cannot_be_emptied_or_given_nameless_or_double_stages(orgs):
    stages = services.pipeline_ensure(organisation=orgs.deploying)
    with pytest.raises(ValidationError):
        services.pipeline_configure(organisation=orgs.deploying, stages=[])
    with pytest.raises(ValidationError):
        services.pipeline_configure(organisation=orgs.deploying, stages=[services.StageSpec("  ", pk=stages[0].pk)])
    with pytest.raises(ValidationError):
        services.pipeline_configure(
            organisation=orgs.deploying,
            stages=[services.StageSpec("A", pk=stages[0].pk), services.StageSpec("B", pk=stages[0].pk)],
        )
    assert PipelineStage.objects.filter(organisation=orgs.deploying).count() == 6


def test_a_stage_with_past_decisions_cannot_be_removed(orgs, coordinator, submit):
    application = submit()
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    services.application_withdraw(application=application)
    stages = list(PipelineStage.objects.filter(organisation=orgs.deploying))
    keep = [services.StageSpec(s.name, s.can_skip, s.pk) for s in stages if s.code != "application"]
    with pytest.raises(ValidationError, match="in gebruik"):
        services.pipeline_configure(organisation=orgs.deploying, stages=keep)


def test_a_closed_page_takes_no_applications_but_a_coordinator_can_still_enter_one(orgs, page, coordinator, submit):
    page.is_open = False
    page.save()
    with pytest.raises(ValidationError):
        submit()
    application = services.application_enter_on_behalf(
        organisation=orgs.deploying, entered_by=coordinator, full_name="Kees", motivation_in_talk=True, consent=True
    )
    assert application.entered_on_behalf


def test_the_service_checks_the_file_too(orgs, submit):
    with pytest.raises(ValidationError, match="niet wat de naam zegt"):
        submit(motivation_file=upload("motivatie.pdf", b"not a pdf"))
    assert not Application.objects.exists()


def test_nothing_is_decided_twice_on_a_closed_application(coordinator, submit):
    application = submit()
    services.stage_decide(application=application, decision=Decision.NOT_PASSED, decided_by=coordinator)
    with pytest.raises(ValidationError, match="al besloten"):
        services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    with pytest.raises(ValidationError):
        services.application_withdraw(application=application)


def test_declined_and_withdrawn_applications_are_erased_after_a_year(coordinator, submit, settings):
    old_declined = submit("Oud Afgewezen", motivation_file=upload("motivatie.pdf"))
    services.stage_decide(application=old_declined, decision=Decision.NOT_PASSED, decided_by=coordinator)
    old_withdrawn = submit("Oud Gestopt")
    services.application_withdraw(application=old_withdrawn)
    recent = submit("Net Gestopt")
    services.application_withdraw(application=recent)
    still_open = submit("Loopt Nog")
    year_ago = timezone.now() - datetime.timedelta(days=366)
    Application.objects.filter(pk__in=[old_declined.pk, old_withdrawn.pk, still_open.pk]).update(updated_at=year_ago)
    path = old_declined.motivation_file.path

    assert services.applications_erase_expired() == 2
    assert set(Application.objects.values_list("full_name", flat=True)) == {"Net Gestopt", "Loopt Nog"}
    assert not StageDecision.objects.exists()
    assert not os.path.exists(path)


def test_the_erase_command_reports_what_it_did(coordinator, submit):
    application = submit()
    services.application_withdraw(application=application)
    Application.objects.update(updated_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("recruitment_erase", stdout=out)
    assert "Erased 1 application(s)." in out.getvalue()
    assert not Application.objects.exists()


def test_the_next_step_counts_new_applications(coordinator, trainer, other_coordinator, orgs, submit):
    submit("Anna Aanmelder")
    submit("Bram Bakker")
    decided = submit("Cees Claes")
    services.stage_decide(application=decided, decision=Decision.PASSED, decided_by=coordinator)
    steps = coordinator_next_steps(coordinator, get_roles(coordinator))
    assert [s.text for s in steps] == ["2 nieuwe aanmeldingen."]
    assert steps[0].url == f"/werving/{orgs.deploying.slug}/aanmeldingen/"
    assert [s.text for s in trainer_next_steps(trainer, get_roles(trainer))] == ["2 nieuwe aanmeldingen."]
    assert [s.text for s in coordinator_next_steps(other_coordinator, get_roles(other_coordinator))] == [
        "Geen nieuwe aanmeldingen."
    ]


def test_the_next_step_uses_two_queries(coordinator, submit, django_assert_num_queries):
    submit()
    roles = get_roles(coordinator)
    with django_assert_num_queries(2):
        coordinator_next_steps(coordinator, roles)


def test_a_used_stage_cannot_be_deleted_but_its_organisation_can(orgs, coordinator, submit):
    from django.db.models import RestrictedError

    application = submit()
    services.stage_decide(application=application, decision=Decision.PASSED, decided_by=coordinator)
    with pytest.raises(RestrictedError):
        PipelineStage.objects.filter(code="application").delete()
    orgs.deploying.delete()
    assert (
        not Application.objects.exists()
        and not PipelineStage.objects.filter(organisation_id=orgs.deploying.pk).exists()
    )
