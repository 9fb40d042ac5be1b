"""Hours and expenses: log or submit, decide, withdraw, correct (one shared state machine)."""

import datetime as dt
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.compensation import hour_sums, selectors
from inzet.compensation.files import validate_receipt
from inzet.compensation.models import EntryState, ExpenseClaim, HourEntry
from inzet.compensation.services.common import ZERO, _check_date, _now, _require_accepted
from inzet.engagements import introductions, plausibility
from inzet.engagements.models import Invitation

# An hour row or an expense claim: they are decided and withdrawn alike.
_Entry = TypeVar("_Entry", HourEntry, ExpenseClaim)


@transaction.atomic
def hours_log(
    *,
    invitation: Invitation,
    actor: User,
    date: dt.date,
    hours: Decimal | None,
    description: str = "",
    half_days: Decimal | None = None,
    confirm: bool | None = None,
) -> HourEntry:
    """One row of hours. Unusual rows (engagements.plausibility) are flagged for the coordinator.

    `confirm` False: the writer is asked first (the page): an unusual row is refused with the
    reason until they confirm. None: the caller does not ask (demo, imports); the row is flagged."""
    _require_accepted(invitation)
    introductions.require_cleared(invitation.request)  # no work before the kennismaking said go
    _check_date(date)
    hours = hours or ZERO
    half_days = half_days or Decimal(0)
    if hours < 0 or half_days < 0 or (hours == 0 and half_days == 0):
        raise ValidationError({"hours": _("Vul een aantal uren in dat groter is dan 0.")})
    flags = _hour_flags(invitation, date=date, hours=hours)
    if flags and confirm is False:
        raise ValidationError({"confirm": _unusual_hours_message(flags)})
    if half_days:
        agreement = selectors.agreement_of(invitation.request)
        if agreement is None or agreement.half_day_rate is None:
            raise ValidationError(
                {"half_days": _("Voor deze opdracht is geen bedrag per dagdeel afgesproken. Schrijf uren.")}
            )
    entry = HourEntry(
        invitation=invitation,
        date=date,
        hours=hours,
        half_days=half_days,
        description=description.strip(),
        flags=",".join(flags),
        created_by=actor,
        on_behalf=invitation.expert.user_id != actor.pk,
    )
    entry.full_clean()
    entry.save()
    return entry


def _hour_flags(invitation: Invitation, *, date: dt.date, hours: Decimal) -> list[str]:
    request = invitation.request
    # Rows that still count: not rejected or withdrawn, and not replaced by a correction.
    before = (
        HourEntry.objects.filter(invitation=invitation)
        .exclude(state__in=[EntryState.REJECTED, EntryState.WITHDRAWN])
        .exclude(corrections__state__in=[EntryState.APPROVED, EntryState.SUBMITTED])
        .aggregate(total=Sum("hours"))["total"]
        or ZERO
    )
    return [
        str(flag)
        for flag in plausibility.hour_flags(
            date=date,
            start=request.start_date,
            end=request.end_date,
            hours=hours,
            hours_before=before,
            estimate=request.hours_estimate,
        )
    ]


def _unusual_hours_message(flags: list[str]) -> str:
    texts = {
        "before_period": _("De datum ligt vóór de periode van de opdracht."),
        "after_period": _("De datum ligt na de periode van de opdracht."),
        "over_estimate": _("Met deze uren komt u op meer dan twee keer de geschatte uren."),
    }
    reasons = " ".join(texts[f] for f in flags)
    return reasons + " " + _("Klopt het toch? Vink dan aan dat het klopt. De coördinator kijkt ernaar.")


def _decide(entry: _Entry, *, actor: User, approve: bool, note: str) -> _Entry:
    if entry.state != EntryState.SUBMITTED:
        raise ValidationError(_("Hierover is al besloten."))
    if entry.invitation.expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uw eigen uren en kosten niet goedkeuren."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Schrijf kort waarom u dit afwijst.")})
    if approve and entry.corrects_id is not None:
        original = type(entry).objects.select_for_update().get(pk=entry.corrects_id)
        if original.corrections.filter(state=EntryState.APPROVED).exclude(pk=entry.pk).exists():
            raise ValidationError(_("Deze regel is al door een andere correctie vervangen."))
    entry.state = EntryState.APPROVED if approve else EntryState.REJECTED
    entry.decided_by = actor
    entry.decided_at = _now()
    entry.decision_note = note.strip()
    entry.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    return entry


@transaction.atomic
def hours_decide(*, entry: HourEntry, actor: User, approve: bool, note: str = "") -> HourEntry:
    entry = HourEntry.objects.select_for_update().select_related("invitation__expert").get(pk=entry.pk)
    entry = _decide(entry, actor=actor, approve=approve, note=note)
    hour_sums.refresh_entries(entry)  # the report's approved hours per day, in this transaction
    return entry


def _withdraw(entry: _Entry, *, actor: User) -> _Entry:
    if entry.state != EntryState.SUBMITTED:
        raise ValidationError(_("Alleen een regel die nog wacht op goedkeuring kunt u intrekken."))
    entry.state = EntryState.WITHDRAWN
    entry.decided_by = actor
    entry.decided_at = _now()
    entry.save(update_fields=["state", "decided_by", "decided_at"])
    return entry


@transaction.atomic
def hours_withdraw(*, entry: HourEntry, actor: User) -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry.pk)
    return _withdraw(entry, actor=actor)


def _check_correctable(entry: HourEntry | ExpenseClaim) -> None:
    if entry.state != EntryState.APPROVED:
        raise ValidationError(_("Alleen een goedgekeurde regel corrigeert u. Een andere regel kunt u intrekken."))
    if entry.corrections.filter(state__in=[EntryState.APPROVED, EntryState.SUBMITTED]).exists():
        raise ValidationError(_("Voor deze regel is al een correctie gemaakt."))


@transaction.atomic
def hours_correct(
    *, entry: HourEntry, actor: User, date: dt.date, hours: Decimal, description: str, reason: str
) -> HourEntry:
    """A new row that supersedes an approved one once it is approved; the old row stays as it was."""
    entry = HourEntry.objects.select_for_update().select_related("invitation").get(pk=entry.pk)
    _check_correctable(entry)
    _check_date(date)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom u dit corrigeert.")})
    if hours < 0:
        raise ValidationError({"hours": _("Het aantal uren kan niet lager zijn dan 0.")})
    correction = HourEntry(
        invitation=entry.invitation,
        date=date,
        hours=hours,
        half_days=entry.half_days,
        description=description.strip(),
        created_by=actor,
        on_behalf=entry.invitation.expert.user_id != actor.pk,
        corrects=entry,
        root_id=entry.root_id or entry.pk,
        reason=reason.strip(),
    )
    correction.full_clean()
    correction.save()
    return correction


# --- expenses --------------------------------------------------------------------------------------


def _store_receipt(claim: ExpenseClaim, upload: UploadedFile) -> None:
    validate_receipt(upload)
    claim.receipt_name = (upload.name or "bon")[-200:]
    assert upload.name is not None  # an uploaded file always has a name
    claim.receipt.save(upload.name, upload, save=False)


@transaction.atomic
def expense_submit(
    *, invitation: Invitation, actor: User, date: dt.date, amount: Decimal, description: str, receipt: UploadedFile
) -> ExpenseClaim:
    _require_accepted(invitation)
    _check_date(date)
    if amount <= 0:
        raise ValidationError({"amount": _("Vul een bedrag in dat groter is dan 0.")})
    if not description.strip():
        raise ValidationError({"description": _("Schrijf op waarvoor u dit betaalde.")})
    try:
        validate_receipt(receipt)
    except ValidationError as exc:
        raise ValidationError({"receipt": exc.messages}) from exc
    claim = ExpenseClaim(
        invitation=invitation,
        date=date,
        amount=amount,
        description=description.strip(),
        created_by=actor,
        on_behalf=invitation.expert.user_id != actor.pk,
    )
    _store_receipt(claim, receipt)
    claim.save()
    return claim


@transaction.atomic
def expense_decide(*, claim: ExpenseClaim, actor: User, approve: bool, note: str = "") -> ExpenseClaim:
    claim = ExpenseClaim.objects.select_for_update().select_related("invitation__expert").get(pk=claim.pk)
    return _decide(claim, actor=actor, approve=approve, note=note)


@transaction.atomic
def expense_withdraw(*, claim: ExpenseClaim, actor: User) -> ExpenseClaim:
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    return _withdraw(claim, actor=actor)


@transaction.atomic
def expense_correct(
    *,
    claim: ExpenseClaim,
    actor: User,
    date: dt.date,
    amount: Decimal,
    description: str,
    reason: str,
    receipt: UploadedFile | None = None,
) -> ExpenseClaim:
    """A new claim that supersedes an approved one; without a new receipt it keeps the old one."""
    claim = ExpenseClaim.objects.select_for_update().select_related("invitation").get(pk=claim.pk)
    _check_correctable(claim)
    _check_date(date)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom u dit corrigeert.")})
    if amount < 0:
        raise ValidationError({"amount": _("Het bedrag kan niet lager zijn dan 0.")})
    correction = ExpenseClaim(
        invitation=claim.invitation,
        date=date,
        amount=amount,
        description=description.strip() or claim.description,
        created_by=actor,
        on_behalf=claim.invitation.expert.user_id != actor.pk,
        corrects=claim,
        root_id=claim.root_id or claim.pk,
        reason=reason.strip(),
        receipt=claim.receipt.name,
        receipt_name=claim.receipt_name,
    )
    if receipt is not None:
        try:
            _store_receipt(correction, receipt)
        except ValidationError as exc:
            raise ValidationError({"receipt": exc.messages}) from exc
    correction.save()
    return correction
