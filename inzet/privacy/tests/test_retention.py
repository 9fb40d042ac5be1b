"""The daily retention job: each rule acts on what is past its period, claims rows first (a second
run acts on nothing), keeps the bookkeeping, and logs counts."""

import datetime as dt
import os

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from inzet.compensation.models import ExpenseClaim, HourEntry
from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog, ExpertExperience, ExpertProfile, ExpertStatus
from inzet.privacy import retention
from inzet.privacy.models import RetentionRun
from inzet.recruitment.models import Application, ApplicationStatus, PipelineStage

pytestmark = pytest.mark.django_db


def _application(orgs, status, file_storage_name=""):
    stage = PipelineStage.objects.get_or_create(
        organisation=orgs.deploying, code="gesprek", defaults={"name": "Gesprek"}
    )[0]
    return Application.objects.create(
        organisation=orgs.deploying,
        full_name="Anna",
        email="anna@example.org",
        channel="website",
        motivation_text="Verhaal",
        current_stage=stage,
        status=status,
        consent_at=timezone.now(),
    )


def test_each_rule_acts_once_and_only_after_its_period(orgs, expert, expert_profile, asker, coordinator, capsys):
    active = f.profile_for(asker, orgs.deploying)
    with time_machine.travel(timezone.now() - dt.timedelta(days=800), tick=False):
        _application(orgs, ApplicationStatus.DECLINED)
        _application(orgs, ApplicationStatus.OPEN)
        AccessLog.objects.create(profile=active, viewer=coordinator, item="experience", context="page")
        ExpertProfile.objects.filter(pk=expert_profile.pk).update(
            status=ExpertStatus.INACTIVE, updated_at=timezone.now()
        )
    _application(orgs, ApplicationStatus.WITHDRAWN)  # recent: stays
    AccessLog.objects.create(profile=active, viewer=coordinator, item="needs", context="page")

    call_command("inzet_retention")
    out = capsys.readouterr().out
    assert "closed_applications=1" in out and "access_log=1" in out and "stopped_experts=1" in out
    assert Application.objects.count() == 2
    assert AccessLog.objects.count() == 1
    assert not ExpertExperience.objects.filter(profile=expert_profile).exists()
    assert ExpertProfile.objects.get(pk=expert_profile.pk).benefit_situation == ""
    assert RetentionRun.objects.filter(rule__code="closed_applications", count=1).exists()

    call_command("inzet_retention")
    again = capsys.readouterr().out
    assert "closed_applications=0" in again and "access_log=0" in again and "stopped_experts=0" in again


def test_bookkeeping_rows_stay_and_their_files_go_after_seven_years(
    orgs, expert, asker, coordinator, django_capture_on_commit_callbacks
):
    invitation = f.assignment(orgs, expert=expert, asker=asker)
    old = timezone.localdate() - dt.timedelta(days=8 * 365)
    # Logged back then: hours and costs may only be entered up to two years back from "today".
    with time_machine.travel(dt.datetime.combine(old, dt.time(12)), tick=False):
        f.approved_hours(invitation, coordinator, "3", day=old)
        claim = f.approved_expense(invitation, coordinator, "9.99", day=old)
    recent = f.approved_expense(invitation, coordinator, "5.00")
    path = claim.receipt.path
    with django_capture_on_commit_callbacks(execute=True):
        counts = retention.retention_run()
    assert counts["bookkeeping_files"] == 1
    claim.refresh_from_db()
    recent.refresh_from_db()
    assert claim.receipt.name == "" and recent.receipt.name != ""
    assert not os.path.exists(path)
    assert HourEntry.objects.count() == 1 and ExpenseClaim.objects.count() == 2  # the amounts stay
    assert counts["bookkeeping_text"] == 2  # the old hour row and the old expense
    assert HourEntry.objects.get().description == "" and claim.description == ""
    assert recent.description == "Trein Utrecht – Den Haag"
    assert retention.retention_run()["bookkeeping_text"] == 0  # nothing twice


def test_a_row_another_run_already_took_is_not_counted(orgs):
    # Simulate the race: the second run's list still holds the row, but the claim finds it gone.
    with time_machine.travel(timezone.now() - dt.timedelta(days=800), tick=False):
        application = _application(orgs, ApplicationStatus.DECLINED)
    queryset = Application.objects.filter(pk=application.pk)
    assert retention._delete_rows(queryset) == 1
    assert retention._delete_rows(Application.objects.filter(pk__in=[application.pk])) == 0
