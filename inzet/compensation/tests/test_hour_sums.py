"""The per-day totals of approved hours (ApprovedHoursDay) equal a fresh count of the hour rows after every write."""

import datetime as dt
import threading
from collections import defaultdict
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.compensation import services
from inzet.compensation.models import ApprovedHoursDay, EntryState, HourEntry
from inzet.compensation.tests import factories as f
from inzet.compensation.undo import approval_undo

MONDAY = dt.date(2025, 6, 2)
TUESDAY = dt.date(2025, 6, 3)


def fresh() -> dict:
    """Counted here in Python from every hour row, the way the report counts: approved and not replaced."""
    replaced = set(
        HourEntry.objects.filter(state=EntryState.APPROVED, corrects__isnull=False).values_list(
            "corrects_id", flat=True
        )
    )
    totals: dict = defaultdict(lambda: [0, D(0), D(0)])
    for entry in HourEntry.objects.select_related("invitation__request"):
        if entry.state == EntryState.APPROVED and entry.pk not in replaced:
            total = totals[(entry.invitation.request.deploying_organisation_id, entry.date)]
            total[0] += 1
            total[1] += entry.hours
            total[2] += entry.half_days
    return {key: tuple(value) for key, value in totals.items()}


def stored() -> dict:
    return {
        (row.organisation_id, row.date): (row.entries, row.hours, row.half_days)
        for row in ApprovedHoursDay.objects.filter(entries__gt=0)
    }


@pytest.fixture
def job(orgs, expert, asker, in_2025):
    return f.assignment(orgs, expert=expert, asker=asker)


def _log(job, hours: str, day=MONDAY) -> HourEntry:
    return services.hours_log(invitation=job, actor=job.expert.user, date=day, hours=D(hours), description="Werk")


def test_the_day_totals_equal_the_hour_rows_after_each_kind_of_write(job, coordinator, orgs):
    first = _log(job, "3")  # create: waits for a decision, counts nowhere yet
    assert stored() == fresh() == {}
    services.hours_decide(entry=first, actor=coordinator, approve=True)  # approve
    assert stored() == fresh() == {(orgs.deploying.pk, MONDAY): (1, D("3.00"), D("0.0"))}
    rejected = _log(job, "5")
    services.hours_decide(entry=rejected, actor=coordinator, approve=False, note="Dubbel")  # reject
    assert stored() == fresh()
    services.hours_withdraw(entry=_log(job, "2"), actor=job.expert.user)  # withdraw
    assert stored() == fresh()
    # change: a correction moves the hours to another day once approved; the old day loses them
    correction = services.hours_correct(
        entry=first, actor=job.expert.user, date=TUESDAY, hours=D("4.5"), description="Werk", reason="Andere dag"
    )
    assert stored() == fresh() == {(orgs.deploying.pk, MONDAY): (1, D("3.00"), D("0.0"))}
    services.hours_decide(entry=correction, actor=coordinator, approve=True)
    assert stored() == fresh() == {(orgs.deploying.pk, TUESDAY): (1, D("4.50"), D("0.0"))}
    # delete (the nearest thing: an approval taken back) brings the replaced row back
    approval_undo(entry=correction, actor=coordinator, reason="Te vroeg goedgekeurd")
    assert stored() == fresh() == {(orgs.deploying.pk, MONDAY): (1, D("3.00"), D("0.0"))}


def test_the_rebuild_command_finds_and_repairs_a_wrong_total(job, coordinator, orgs):
    services.hours_decide(entry=_log(job, "2"), actor=coordinator, approve=True)
    ApprovedHoursDay.objects.update(hours=D("99"))
    ApprovedHoursDay.objects.create(organisation=orgs.other_deploying, date=TUESDAY, entries=1, hours=D(1))
    with pytest.raises(CommandError, match="2 day totals differ"):
        call_command("inzet_hour_sums", "--check")
    call_command("inzet_hour_sums")
    assert stored() == fresh() == {(orgs.deploying.pk, MONDAY): (1, D("2.00"), D("0.0"))}
    call_command("inzet_hour_sums", "--check")  # no error


# Writes a coordinator and an expert can make, in any order; each step may be refused (ValidationError).
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["log", "approve", "reject", "withdraw", "correct", "undo"]),
        st.integers(0, 5),  # which row
        st.sampled_from([MONDAY, TUESDAY]),
        st.sampled_from(["0.5", "1.25", "8"]),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_sequence_of_writes_keeps_the_totals_exact(job, coordinator, steps):
    from django.core.exceptions import ValidationError

    with transaction.atomic():
        rows: list[HourEntry] = [_log(job, "1")]
        for action, which, day, hours in steps:
            entry = HourEntry.objects.get(pk=rows[which % len(rows)].pk)
            try:
                with transaction.atomic():
                    if action == "log":
                        rows.append(_log(job, hours, day=day))
                    elif action in ("approve", "reject"):
                        services.hours_decide(entry=entry, actor=coordinator, approve=action == "approve", note="Nee")
                    elif action == "withdraw":
                        services.hours_withdraw(entry=entry, actor=job.expert.user)
                    elif action == "correct":
                        rows.append(
                            services.hours_correct(
                                entry=entry, actor=coordinator, date=day, hours=D(hours), description="", reason="Fout"
                            )
                        )
                    else:
                        approval_undo(entry=entry, actor=coordinator, reason="Terug")
            except ValidationError:
                pass
            assert stored() == fresh()
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_of_one_day_lose_no_hours(orgs, expert, asker, coordinator, in_2025):
    job = f.assignment(orgs, expert=expert, asker=asker)
    # The day's total row exists already, so the writers do not queue on inserting it.
    services.hours_decide(entry=_log(job, "0.5"), actor=coordinator, approve=True)
    entries = [_log(job, str(n)) for n in (1, 2, 3, 4)]
    barrier = threading.Barrier(len(entries))
    errors = []

    def approve(entry):
        try:
            barrier.wait()
            services.hours_decide(entry=entry, actor=coordinator, approve=True)
        except Exception as exc:  # a lock timeout or a deadlock would show up here and fail the test
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(entry,)) for entry in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert stored() == fresh() == {(orgs.deploying.pk, MONDAY): (5, D("10.50"), D("0.0"))}
