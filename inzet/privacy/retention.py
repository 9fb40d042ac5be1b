"""The daily retention jobs: one handler per RetentionRule code.

Every handler claims a row before acting on it with a conditional DELETE or UPDATE (the row must
still match the rule), so two runs at the same time never act twice: the second one finds the
row gone or changed and counts nothing. Files are removed only after the change commits.
Handlers report counts, never content.
"""

import datetime
import logging
from collections.abc import Callable

from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from inzet.compensation.models import ExpenseClaim, HourEntry, PayoutBatch
from inzet.engagements.models import Agreement, AgreementVersion, AuditEvent, Invitation
from inzet.experts.models import AccessLog, ExpertProfile, ExpertStatus
from inzet.knowledge.retention import delete_old_questions
from inzet.neighbourhood.retention import anonymise_closed
from inzet.privacy import erasure
from inzet.privacy.models import DataRightsEvent, ErasureRequest, RetentionRule, RetentionRun
from inzet.recruitment.models import Application, ApplicationStatus

logger = logging.getLogger("inzet.privacy.retention")

BATCH = 500


def _delete_files_on_commit(storage_and_names: list[tuple]) -> None:
    def remove():
        for storage, name in storage_and_names:
            if name:
                storage.delete(name)

    if storage_and_names:
        transaction.on_commit(remove)


def _delete_rows(queryset, *, file_field: str | None = None) -> int:
    """Delete what `queryset` matches, row by row, each claimed by a conditional DELETE."""
    count = 0
    fields = ["pk", file_field] if file_field else ["pk"]
    while True:
        batch = list(queryset.order_by("pk").values_list(*fields)[:BATCH])
        if not batch:
            return count
        for values in batch:
            with transaction.atomic():
                deleted, _per_model = queryset.filter(pk=values[0]).delete()
                if deleted:
                    count += 1
                    if file_field:
                        storage = queryset.model._meta.get_field(file_field).storage
                        _delete_files_on_commit([(storage, values[1])])
        if len(batch) < BATCH:
            return count


def _clear_files(queryset, file_field: str) -> int:
    """Remove the files of matching rows and blank the column; the rows (bookkeeping) stay."""
    count = 0
    storage = queryset.model._meta.get_field(file_field).storage
    for pk, name in queryset.exclude(**{file_field: ""}).order_by("pk").values_list("pk", file_field).iterator():
        with transaction.atomic():
            claimed = queryset.filter(pk=pk, **{file_field: name}).update(**{file_field: ""})
            if claimed:
                count += 1
                _delete_files_on_commit([(storage, name)])
    return count


def closed_applications(cutoff: datetime.datetime) -> int:
    # The same promise as `manage.py recruitment_erase` (inzet.recruitment.services), with claiming.
    expired = Application.objects.filter(
        Q(status=ApplicationStatus.DECLINED) | Q(status=ApplicationStatus.WITHDRAWN), updated_at__lt=cutoff
    )
    return _delete_rows(expired, file_field="motivation_file")


def access_log(cutoff: datetime.datetime) -> int:
    return _delete_rows(AccessLog.objects.filter(created_at__lt=cutoff))


def stopped_experts(cutoff: datetime.datetime) -> int:
    count = 0
    stale = ExpertProfile.objects.filter(status=ExpertStatus.INACTIVE, updated_at__lt=cutoff)
    for pk in stale.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            # Claim: lock the row and check it still matches (SQLite serialises writers anyway).
            profile = stale.select_for_update(skip_locked=True).filter(pk=pk).first()
            if profile is not None and erasure.profile_strip(profile=profile):
                count += 1
    return count


def invitation_reasons(cutoff: datetime.datetime) -> int:
    closed = Invitation.objects.filter(
        state__in=[Invitation.State.DECLINED, Invitation.State.EXPIRED, Invitation.State.WITHDRAWN],
        created_at__lt=cutoff,
    ).exclude(reason="")
    count = 0
    for pk in closed.values_list("pk", flat=True).iterator():
        count += closed.filter(pk=pk).update(reason="")
    return count


def bookkeeping_files(cutoff: datetime.datetime) -> int:
    # Receipts and bank files are part of the records (AWR art. 52); after the period they go.
    return _clear_files(ExpenseClaim.objects.filter(date__lt=cutoff.date()), "receipt") + _clear_files(
        PayoutBatch.objects.filter(created_at__lt=cutoff), "file"
    )


def _blank(queryset, fields: list[str]) -> int:
    """Blank free-text fields row by row; the claim is the condition that one is still filled."""
    filled = Q()
    for name in fields:
        filled |= ~Q(**{name: ""})
    count = 0
    for pk in queryset.filter(filled).values_list("pk", flat=True).iterator():
        count += queryset.filter(filled, pk=pk).update(**dict.fromkeys(fields, ""))
    return count


def bookkeeping_text(cutoff: datetime.datetime) -> int:
    # After the bookkeeping period the amounts may stay as anonymous figures; the words about
    # people (what was done, notes, safety-net contacts) go.
    return (
        _blank(HourEntry.objects.filter(date__lt=cutoff.date()), ["description", "decision_note"])
        + _blank(ExpenseClaim.objects.filter(date__lt=cutoff.date()), ["description", "decision_note"])
        + _blank(Invitation.objects.filter(created_at__lt=cutoff), ["message", "reason"])
        + _blank(Agreement.objects.filter(drafted_at__lt=cutoff), ["safety_net_contact", "meeting_chair"])
        + _blank(AuditEvent.objects.filter(created_at__lt=cutoff), ["note"])
        + _blank(AgreementVersion.objects.filter(saved_at__lt=cutoff), ["change_reason"])
        + _version_people(cutoff)
    )


def _version_people(cutoff: datetime.datetime) -> int:
    """Old agreement versions keep their figures; the names in them (safety net, chair) go."""
    count = 0
    for version in AgreementVersion.objects.filter(saved_at__lt=cutoff).iterator():
        people = {k: "" for k in ("safety_net_contact", "meeting_chair") if version.data.get(k)}
        if people:
            AgreementVersion.objects.filter(pk=version.pk).update(data={**version.data, **people})
            count += 1
    return count


def sessions(cutoff: datetime.datetime) -> int:
    return _delete_rows(Session.objects.filter(expire_date__lt=cutoff))


def login_attempts(cutoff: datetime.datetime) -> int:
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as LoginLog

    return (
        _delete_rows(AccessAttempt.objects.filter(attempt_time__lt=cutoff))
        + _delete_rows(AccessFailureLog.objects.filter(attempt_time__lt=cutoff))
        + _delete_rows(LoginLog.objects.filter(attempt_time__lt=cutoff))
    )


def finished_tasks(cutoff: datetime.datetime) -> int:
    # Background jobs carry e-mail addresses and message data in their arguments.
    from django_tasks_db.models import DBTaskResult

    return _delete_rows(DBTaskResult.objects.filter(finished_at__lt=cutoff))


def data_rights_records(cutoff: datetime.datetime) -> int:
    return _delete_rows(
        ErasureRequest.objects.filter(state=ErasureRequest.State.COMPLETED, completed_at__lt=cutoff)
    ) + _delete_rows(DataRightsEvent.objects.filter(created_at__lt=cutoff))


HANDLERS: dict[str, Callable[[datetime.datetime], int]] = {
    "closed_applications": closed_applications,
    "access_log": access_log,
    "stopped_experts": stopped_experts,
    "invitation_reasons": invitation_reasons,
    "bookkeeping_files": bookkeeping_files,
    "bookkeeping_text": bookkeeping_text,
    "sessions": sessions,
    "login_attempts": login_attempts,
    "finished_tasks": finished_tasks,
    "data_rights_records": data_rights_records,
    "closed_trajectories": anonymise_closed,
    "helpdesk_questions": delete_old_questions,
}


def retention_run(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Apply every active rule once. Returns {rule code: rows handled}."""
    now = now or timezone.now()
    results: dict[str, int] = {}
    for rule in RetentionRule.objects.filter(is_active=True).order_by("code"):
        handler = HANDLERS.get(rule.code)
        if handler is None:
            logger.warning("retention rule %s has no job", rule.code)
            continue
        count = handler(now - datetime.timedelta(days=rule.period_days))
        RetentionRun.objects.create(rule=rule, count=count)
        logger.info("retention %s: %d", rule.code, count)
        results[rule.code] = count
    return results
