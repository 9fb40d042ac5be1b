"""Rule tables, organisation settings and allowances declared from organisations outside Inzet."""

import datetime as dt
from decimal import Decimal
from typing import TypedDict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.compensation.models import AllowanceCapRow, ExternalAllowance, OrganisationPaymentSettings
from inzet.compensation.services.common import _now
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation


@transaction.atomic
def cap_row_save(*, year: int, data: dict, actor: User) -> AllowanceCapRow:
    row, _created = AllowanceCapRow.objects.update_or_create(year=year, defaults={**data, "updated_by": actor})
    return row


@transaction.atomic
def payment_settings_update(
    *, organisation: Organisation, changes: dict, numbers: dict | None = None
) -> OrganisationPaymentSettings:
    """The payment settings, and the organisation's KvK and VAT numbers printed on quotes and invoices."""
    if numbers:
        Organisation.objects.filter(pk=organisation.pk).update(
            **{k: v for k, v in numbers.items() if k in ("kvk_number", "vat_number")}
        )
        for name, value in numbers.items():
            setattr(organisation, name, value)
    row, _created = OrganisationPaymentSettings.objects.select_for_update().get_or_create(organisation=organisation)
    for name, value in changes.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row


# --- allowances from organisations outside Inzet ---------------------------------------------------


class _ExternalValues(TypedDict):
    organisation_name: str
    amount: str  # an encrypted text column
    from_month: dt.date
    to_month: dt.date | None


def _external_values(
    *, organisation_name: str, amount: Decimal, from_month: dt.date, to_month: dt.date | None
) -> _ExternalValues:
    name = organisation_name.strip()
    if not name:
        raise ValidationError({"organisation_name": _("Vul de naam van de organisatie in.")})
    if amount <= 0:
        raise ValidationError({"amount": _("Vul een bedrag in dat groter is dan nul.")})
    start = from_month.replace(day=1)
    end = to_month.replace(day=1) if to_month else None
    if end is not None and end < start:
        raise ValidationError(
            {"to_month": _("De laatste maand ligt voor de eerste maand. Kies een latere laatste maand.")}
        )
    return {
        "organisation_name": name,
        "amount": f"{amount.quantize(Decimal('0.01'))}",
        "from_month": start,
        "to_month": end,
    }


@transaction.atomic
def external_allowance_save(
    *,
    expert: ExpertProfile,
    actor: User,
    organisation_name: str,
    amount: Decimal,
    from_month: dt.date,
    to_month: dt.date | None = None,
    allowance: ExternalAllowance | None = None,
) -> ExternalAllowance:
    """Declare (or change) an allowance from outside Inzet; it counts toward the caps from now on.

    A double click or a retry returns the row that is already there (same expert, period and values).
    """
    values = _external_values(
        organisation_name=organisation_name, amount=amount, from_month=from_month, to_month=to_month
    )
    if allowance is not None:
        if allowance.expert_id != expert.pk:
            raise PermissionDenied
        locked = ExternalAllowance.objects.select_for_update().get(pk=allowance.pk)
        if locked.removed_at is not None:
            raise ValidationError(_("Deze vergoeding is al verwijderd."))
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save()
        return locked
    # Encrypted columns cannot be compared in SQL: narrow down by the plain columns, compare the rest here.
    for existing in ExternalAllowance.objects.select_for_update().filter(
        expert=expert, from_month=values["from_month"], to_month=values["to_month"], removed_at__isnull=True
    ):
        if existing.organisation_name == values["organisation_name"] and existing.amount == values["amount"]:
            return existing
    return ExternalAllowance.objects.create(expert=expert, created_by=actor, **values)


@transaction.atomic
def external_allowance_delete(*, allowance: ExternalAllowance, actor: User) -> None:
    """Remove a declared allowance: amount and name are wiped at once. Removing twice is harmless."""
    ExternalAllowance.objects.filter(pk=allowance.pk, removed_at__isnull=True).update(
        removed_at=_now(), amount="", organisation_name=""
    )
