"""What the write flows share: the clock, the accepted-invitation check and the date bounds."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.compensation import selectors
from inzet.engagements.models import Invitation
from inzet.lib.dates import within

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
BATCH_NAMES = {
    "bank_transfer": "sepa",
    "voucher": "cadeaubonnen",
    "donation": "giften",
    "time_credit": "tijdtegoed",
    "in_kind": "in-natura",
    "training": "opleidingen",
}


def _now() -> dt.datetime:
    return timezone.now()


def _require_accepted(invitation: Invitation) -> None:
    if invitation.state != Invitation.State.ACCEPTED:
        raise ValidationError(_("Dit kan alleen bij een opdracht waar de ervaringsdeskundige ja op zei."))


def _check_date(day: dt.date) -> None:
    if day > selectors.today():
        raise ValidationError({"date": _("Deze datum ligt in de toekomst. Vul een datum in die al geweest is.")})
    if not within(day, today=selectors.today(), years_back=2, years_ahead=0):
        raise ValidationError(
            {"date": _("Deze datum is meer dan twee jaar geleden. Kijk of het jaartal klopt, bijvoorbeeld 2026.")}
        )
