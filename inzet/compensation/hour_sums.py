"""Approved hours per organisation and day (models.ApprovedHoursDay), counted from the hour rows.

The evaluation report sums these few rows (one per day with approved hours) instead of every hour
row of the period. `refresh_entries()` runs inside the transaction of each service that can change
what counts (approving or rejecting a row or a correction, undoing an approval). Logging, correcting
and withdrawing only make or end rows that wait for a decision: those never count, so the totals
stay as they were.

The day is counted again from the hour rows rather than changed by a difference, so a total is exact
whatever the write did (a correction on another day than the row it replaces included). The total's
row is locked first: a concurrent writer of the same day waits and counts after this transaction
commits (PostgreSQL, READ COMMITTED: each statement sees what committed before it; SQLite: a writer
holds the database lock from BEGIN IMMEDIATE), so no update is lost. Rows are locked in sorted order,
so two writers never wait on each other in a circle.
"""

import datetime as dt
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum

APPROVED = "approved"  # EntryState.APPROVED; a plain string so the data migration can share this module


def counted(entries, hour_model):
    """The rows the report counts: approved, and not replaced by an approved correction."""
    replaced = Exists(hour_model.objects.filter(corrects=OuterRef("pk"), state=APPROVED))
    return entries.filter(~replaced, state=APPROVED)


def totals_by_day(
    hour_model, *, organisation_ids: Iterable[int] | None = None, days: Iterable[dt.date] | None = None
) -> dict[tuple[int, dt.date], dict]:
    """{(organisation id, day): {"entries", "hours", "half_days"}} in one grouped query."""
    entries = hour_model.objects.all()
    if organisation_ids is not None:
        entries = entries.filter(invitation__request__deploying_organisation_id__in=list(organisation_ids))
    if days is not None:
        entries = entries.filter(date__in=list(days))
    rows = (
        counted(entries, hour_model)
        .values("date", organisation=F("invitation__request__deploying_organisation_id"))
        .annotate(entries=Count("pk"), hours=Sum("hours"), half_days=Sum("half_days"))
        .order_by()
    )
    return {(row["organisation"], row["date"]): row for row in rows}


def refresh_days(keys: Iterable[tuple[int, dt.date]]) -> None:
    """Count these (organisation id, day) totals again from the hour rows, under a row lock."""
    from inzet.compensation.models import ApprovedHoursDay, HourEntry

    keys = sorted(set(keys))
    if not keys:
        return
    # Make sure each row exists (ON CONFLICT DO NOTHING: a concurrent insert of the same day is no error).
    ApprovedHoursDay.objects.bulk_create(
        [ApprovedHoursDay(organisation_id=org, date=day) for org, day in keys], ignore_conflicts=True
    )
    which = Q()
    for org, day in keys:
        which |= Q(organisation_id=org, date=day)
    rows = list(ApprovedHoursDay.objects.select_for_update().filter(which).order_by("organisation_id", "date"))
    totals = totals_by_day(HourEntry, organisation_ids={org for org, _ in keys}, days={day for _, day in keys})
    for row in rows:
        total = totals.get((row.organisation_id, row.date), {})
        row.entries = total.get("entries", 0)
        row.hours = total.get("hours") or 0
        row.half_days = total.get("half_days") or 0
    ApprovedHoursDay.objects.bulk_update(rows, ["entries", "hours", "half_days"])


def refresh_entries(*entries) -> None:
    """After a write of these hour rows: count again their days and the days of the rows they correct."""
    from inzet.compensation.models import HourEntry
    from inzet.engagements.models import Invitation

    rows = [(e.invitation_id, e.date) for e in entries]
    corrected = [e.corrects_id for e in entries if e.corrects_id]
    if corrected:
        rows += list(HourEntry.objects.filter(pk__in=corrected).values_list("invitation_id", "date"))
    organisations = dict(
        Invitation.objects.filter(pk__in={invitation for invitation, _ in rows}).values_list(
            "pk", "request__deploying_organisation_id"
        )
    )
    refresh_days((organisations[invitation], day) for invitation, day in rows)


def fill(hour_model, sum_model, *, organisation_ids: Iterable[int] | None = None) -> int:
    """Replace the totals (of these organisations, or all) by a fresh count of the hour rows.

    Shared by the data migration (historical models), `manage.py inzet_hour_sums` and `inzet seed`.
    On PostgreSQL the table is locked against writers (readers go on) until the new totals commit: a
    service that writes hours meanwhile waits and then counts its day again, so nothing is lost.
    """
    organisation_ids = None if organisation_ids is None else list(organisation_ids)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'LOCK TABLE "{sum_model._meta.db_table}" IN EXCLUSIVE MODE')
        old = sum_model.objects.all()
        if organisation_ids is not None:
            old = old.filter(organisation_id__in=organisation_ids)
        old.delete()
        totals = totals_by_day(hour_model, organisation_ids=organisation_ids)
        sum_model.objects.bulk_create(
            [
                sum_model(
                    organisation_id=org,
                    date=day,
                    entries=row["entries"],
                    hours=row["hours"] or 0,
                    half_days=row["half_days"] or 0,
                )
                for (org, day), row in sorted(totals.items())
            ],
            batch_size=500,
        )
    return len(totals)


def rebuild(*, organisation_ids: Iterable[int] | None = None) -> int:
    """The operator's repair (`manage.py inzet_hour_sums`): the totals counted again from every hour row."""
    from inzet.compensation.models import ApprovedHoursDay, HourEntry

    return fill(HourEntry, ApprovedHoursDay, organisation_ids=organisation_ids)
