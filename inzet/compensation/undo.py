"""Undoing an approval of hours or expenses, before they are paid out (one service, on the record).

A coordinator who approved by mistake can take the approval back while the row is in no
settlement yet: the row waits for a decision again. Once a settlement (and so an invoice and a
payout) includes it, undoing is refused: then the way is a correction (services.hours_correct).
Written to the request's audit trail (staff only) and the expert gets an in-app notice.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.compensation import hour_sums
from inzet.compensation.models import EntryState, ExpenseClaim, HourEntry
from inzet.engagements import events
from inzet.engagements.models import AuditEvent


@transaction.atomic
def approval_undo(*, entry: HourEntry | ExpenseClaim, actor: User, reason: str) -> HourEntry | ExpenseClaim:
    model = type(entry)
    entry = model.objects.select_for_update().select_related("invitation__expert__user").get(pk=entry.pk)
    if entry.invitation.expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uw eigen uren en kosten niet goedkeuren."))
    if entry.state == EntryState.SUBMITTED:
        return entry  # already undone (a double click) or never approved: nothing to take back
    if entry.state != EntryState.APPROVED:
        raise ValidationError(_("Alleen een goedgekeurde regel kunt u terugdraaien."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Schrijf kort waarom u de goedkeuring terugdraait.")})
    if entry.settled_items.exists():
        raise ValidationError(
            _(
                "Deze regel zit al in een afrekening en wordt uitbetaald. Terugdraaien kan niet meer; maak een correctie."
            )
        )
    if entry.corrections.filter(state__in=[EntryState.APPROVED, EntryState.SUBMITTED]).exists():
        raise ValidationError(_("Voor deze regel is al een correctie gemaakt."))
    entry.state = EntryState.SUBMITTED
    entry.decided_by = None
    entry.decided_at = None
    entry.decision_note = ""
    entry.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    if model is HourEntry:
        hour_sums.refresh_entries(entry)  # the report's approved hours per day, in this transaction
    day = date_format(entry.date, "j F Y")
    what = _("uren van %(day)s") % {"day": day} if model is HourEntry else _("kosten van %(day)s") % {"day": day}
    AuditEvent.objects.create(
        request_id=entry.invitation.request_id, actor=actor, verb="approval_undone", note=f"{what} – {reason[:500]}"
    )
    events.emit(
        users=[entry.invitation.expert.user],
        text=_("De goedkeuring van uw %(what)s is teruggedraaid. De coördinator kijkt er opnieuw naar.")
        % {"what": what},
        path=reverse("compensation:assignment", args=[entry.invitation_id]),
    )
    return entry
