"""Budget against actual per cost item (004 l.2100–2168): a coordinator enters the budget per year and
what was spent; the report sets them side by side for the years its period touches.

What experts were paid is read from the payments in Inzet (compensation.Payout), not typed in.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from inzet.accounts.permissions import get_roles
from inzet.compensation.models import Payout
from inzet.evaluation.models import BudgetLine, CostItem
from inzet.organisations.models import Role

MAX_AMOUNT = Decimal("9999999999.99")


@transaction.atomic
def budget_save(*, organisation, year: int, lines: dict[str, tuple[Decimal | None, Decimal | None]], by) -> int:
    """Store (budget, spent) per cost item for one year; saving the same again changes nothing."""
    if organisation.pk not in get_roles(by).organisation_ids(Role.COORDINATOR):
        raise PermissionDenied
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Kies een jaar tussen 2000 en 2100."))
    for code, (budget, spent) in lines.items():
        if code not in CostItem.values:
            raise ValidationError(_("Deze soort kosten kent Inzet niet. Kies er een uit de lijst."))
        for value in (budget, spent):
            if value is not None and not (0 <= value <= MAX_AMOUNT):
                raise ValidationError(_("Vul een bedrag van 0 of meer in."))
    for code, (budget, spent) in lines.items():
        BudgetLine.objects.update_or_create(
            organisation=organisation,
            year=year,
            cost_item=code,
            defaults={"budget": budget or Decimal("0"), "spent": spent, "updated_by": by},
        )
    return len(lines)


def budget_for(organisation, year: int) -> dict[str, BudgetLine]:
    return {line.cost_item: line for line in BudgetLine.objects.filter(organisation=organisation, year=year)}


def budget_against_actual(organisation, period) -> list[tuple[str, Decimal, Decimal | None]]:
    """(cost item label, budget, actual) for the years the period touches. Two queries."""
    years = range(period.start.year, period.end.year + 1)
    sums = {
        row["cost_item"]: row
        for row in BudgetLine.objects.filter(organisation=organisation, year__in=list(years))
        .values("cost_item")
        .annotate(budget=Sum("budget"), spent=Sum("spent"))
        .order_by()
    }
    paid = Payout.objects.filter(
        organisation=organisation,
        state__in=[Payout.State.APPROVED, Payout.State.BATCHED],
        pay_date__year__gte=years[0],
        pay_date__year__lte=years[-1],
    ).aggregate(total=Sum("amount"))["total"]
    rows = []
    for code, label in CostItem.choices:
        row = sums.get(code, {})
        actual = (paid or Decimal("0")) if code == CostItem.EXPERTS else row.get("spent")
        rows.append((str(label), row.get("budget") or Decimal("0"), actual))
    return rows
