"""Reads shared by the pages, the PDFs, the API and the home page. Each uses a bounded number of queries.

The rule tables live in the database; `allowance_caps()` and `benefit_rules()` turn the rows into
the dataclasses of the pure rules module. A year without a row stays missing.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inzet.accounts.permissions import Roles, get_roles
from inzet.compensation import pricing, rules
from inzet.compensation.explain import Shown, show_all
from inzet.compensation.models import (
    AllowanceCapRow,
    AssignmentRewardChoice,
    BenefitRuleRow,
    EntryState,
    ExpenseClaim,
    ExternalAllowance,
    HourEntry,
    HourlyGuideline,
    Invoice,
    OrganisationPaymentSettings,
    Payout,
    PayoutBatch,
    Settlement,
    SettlementItem,
    Tariff,
)
from inzet.compensation.rules.check import TALK_FIRST
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.disclosure import SELF, can_see, log_access, viewer_level
from inzet.experts.models import ExpertProfile, RewardForm, WorkForm
from inzet.lib.money import cents
from inzet.lib.next_step import NextStep
from inzet.organisations.models import Organisation, Role

FIRST_RULE_YEAR = 2018
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
PAID_STATES = (Payout.State.APPROVED, Payout.State.BATCHED)


def today() -> dt.date:
    return timezone.localdate()


# --- rule tables: database rows → rules dataclasses ------------------------------------------------


def cap_from_row(row: AllowanceCapRow) -> rules.AllowanceCap:
    return rules.AllowanceCap(
        year=row.year,
        hourly_21_plus=row.hourly_21_plus,
        hourly_under_21=row.hourly_under_21,
        monthly=row.monthly,
        yearly=row.yearly,
        source=row.source,
        hourly_age=row.hourly_age,
    )


def benefit_rule_from_row(row: BenefitRuleRow) -> rules.BenefitRule:
    return rules.BenefitRule(
        code=row.code,
        method=row.method,
        benefit_kinds=frozenset(row.benefit_kinds or ()),
        age_bands=frozenset(row.age_bands or ()),
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        hourly_limit_23_plus=row.hourly_limit_23_plus,
        hourly_limit_under_23=row.hourly_limit_under_23,
        free_percentage=row.free_percentage,
        monthly_max=row.monthly_max,
        duration_months=row.duration_months,
        source=row.source,
    )


def allowance_caps() -> list[rules.AllowanceCap]:
    return [cap_from_row(row) for row in AllowanceCapRow.objects.order_by("year")]


def benefit_rules() -> list[rules.BenefitRule]:
    return [benefit_rule_from_row(row) for row in BenefitRuleRow.objects.order_by("code", "valid_from")]


@dataclass(frozen=True)
class RuleTables:
    caps: tuple[rules.AllowanceCap, ...]
    benefit_rules: tuple[rules.BenefitRule, ...]


def rule_tables() -> RuleTables:
    return RuleTables(tuple(allowance_caps()), tuple(benefit_rules()))


@dataclass(frozen=True)
class CapYear:
    year: int
    row: AllowanceCapRow | None

    @property
    def missing(self) -> bool:
        return self.row is None


def cap_years(*, first: int = FIRST_RULE_YEAR, last: int | None = None) -> list[CapYear]:
    """Every year from `first` to this year (and any later row), missing years included as None."""
    rows = {row.year: row for row in AllowanceCapRow.objects.all()}
    last = max([last or today().year, *rows])
    return [CapYear(year, rows.get(year)) for year in range(first, last + 1)]


def missing_cap_years() -> list[int]:
    return [c.year for c in cap_years() if c.missing]


def missing_cap_notices(on: dt.date | None = None) -> list[str]:
    """What the operator must enter now: this year's caps, and from 1 December next year's (one query)."""
    on = on or today()
    wanted = [on.year] + ([on.year + 1] if on.month == 12 else [])
    present = set(AllowanceCapRow.objects.filter(year__in=wanted).values_list("year", flat=True))
    notices = []
    if on.year not in present:
        notices.append(
            _(
                "De belastinggrenzen voor dit jaar (%(year)s) ontbreken. Experts krijgen wel de waarschuwingen over "
                "hun uitkering, maar niet of hun vergoeding onbelast blijft. Vul de grenzen in zodra de "
                "Belastingdienst ze publiceert, met het adres van die pagina."
            )
            % {"year": on.year}
        )
    if on.month == 12 and on.year + 1 not in present:
        notices.append(
            _(
                "Op 1 januari begint %(year)s. De belastinggrenzen voor %(year)s zijn nog niet ingevuld. Vul ze in "
                "zodra de Belastingdienst ze publiceert, met het adres van die pagina."
            )
            % {"year": on.year + 1}
        )
    return notices


def guidelines() -> QuerySet:
    return HourlyGuideline.objects.order_by("valid_from")


def tariffs(organisation_ids=None) -> QuerySet:
    queryset = Tariff.objects.select_related("organisation", "role", "level")
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=organisation_ids)
    return queryset.order_by("organisation__name", "role__sort_order", "level__sort_order", "valid_from")


def tariff_for(*, organisation_id: int, role_id: int, level_id: int | None, on: dt.date) -> Tariff | None:
    """The tariff in force on `on`: the row for this exact level first, else the row for every level."""
    valid = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    candidates = Tariff.objects.filter(valid, organisation_id=organisation_id, role_id=role_id).filter(
        Q(level_id=level_id) | Q(level__isnull=True)
    )
    return min(candidates, key=lambda t: (t.level_id is None, -t.valid_from.toordinal()), default=None)


def payment_settings(organisation: Organisation) -> OrganisationPaymentSettings:
    """The organisation's settings, or unsaved defaults when it never saved any."""
    found = OrganisationPaymentSettings.objects.filter(organisation=organisation).first()
    return found or OrganisationPaymentSettings(organisation=organisation)


# --- an expert's situation -----------------------------------------------------------------------


def expert_age_band(profile: ExpertProfile) -> tuple[rules.AgeBand, bool]:
    """The age band and whether it is known. Unknown → the strictest band (youngest)."""
    try:
        return rules.AgeBand(profile.age_band), True
    except ValueError:
        return rules.AgeBand.UNDER_21, False


def expert_benefit(profile: ExpertProfile) -> rules.BenefitSituation:
    try:
        return rules.BenefitSituation(profile.benefit_situation or "none")
    except ValueError:
        return rules.BenefitSituation.NONE


def expert_exemption(profile: ExpertProfile) -> rules.BijstandExemption:
    try:
        return rules.BijstandExemption(profile.bijstand_exemption or rules.BijstandExemption.REGULAR)
    except ValueError:
        return rules.BijstandExemption.REGULAR


def external_allowances(expert_id: int) -> list[ExternalAllowance]:
    return list(
        ExternalAllowance.objects.filter(expert_id=expert_id, removed_at__isnull=True).order_by("from_month", "pk")
    )


def external_payments(allowances, *, until: dt.date) -> list[rules.PastPayment]:
    """Each declared month as a payment on the first of that month; an open end runs to `until`'s year end."""
    payments = []
    for allowance in allowances:
        amount = allowance.amount_decimal
        last = allowance.to_month or dt.date(until.year, 12, 1)
        month = allowance.from_month.replace(day=1)
        while month <= last:
            payments.append(rules.PastPayment(date=month, amount=amount, organisation_id=f"external:{allowance.pk}"))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return payments


def payment_history(
    expert_id: int, *, exclude_pk: int | None = None, until: dt.date | None = None
) -> rules.PaymentHistory:
    """Allowances to this expert from every organisation in Inzet, plus those declared from outside (two queries)."""
    queryset = Payout.objects.filter(expert_id=expert_id, kind=Payout.Kind.ALLOWANCE, state__in=PAID_STATES)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    inside = [
        rules.PastPayment(
            date=p["pay_date"],
            amount=p["amount"],
            hours=p["hours"] or None,
            organisation_id=p["organisation_id"],
            reward_form=pricing.check_form(p["channel"]),
        )
        for p in queryset.values("pay_date", "amount", "hours", "organisation_id", "channel")
    ]
    outside = external_payments(external_allowances(expert_id), until=until or today())
    return rules.PaymentHistory(tuple(inside + outside))


@dataclass(frozen=True)
class RewardChoiceView:
    reward_form: str
    charity: str
    choice: AssignmentRewardChoice | None
    details: str = ""

    @property
    def label(self) -> str:
        return RewardForm(self.reward_form).label

    @property
    def from_profile(self) -> bool:
        return self.choice is None


def effective_reward(invitation: Invitation) -> RewardChoiceView:
    """The newest choice for this assignment, else the expert's usual choice from their profile."""
    choices = getattr(invitation, "prefetched_choices", None)
    if choices is None:
        choice = invitation.reward_choices.order_by("-chosen_at", "-pk").first()
    else:
        choice = choices[0] if choices else None
    if choice is not None:
        return RewardChoiceView(choice.reward_form, choice.charity, choice, choice.details)
    profile = invitation.expert
    return RewardChoiceView(profile.reward_form, profile.donation_charity, None)


def expert_label(profile: ExpertProfile, level: int) -> str:
    """The expert's name when this viewer may see it (disclosure), else a neutral label."""
    if can_see(level, profile, "name"):
        return profile.user.full_name
    return _("Ervaringsdeskundige nr. %(number)s") % {"number": profile.pk}


# --- what an assignment pays ---------------------------------------------------------------------


def agreement_of(request: EngagementRequest):
    try:
        return request.agreement
    except EngagementRequest.agreement.RelatedObjectDoesNotExist:
        return None


def pay_rate(request: EngagementRequest, config: OrganisationPaymentSettings | None = None) -> Decimal | None:
    """What the expert gets per hour: the amount the request offers, else the agreed hourly rate minus
    the coordination share (pricing.expert_rate: the share comes out of what the organisation receives)."""
    agreement = agreement_of(request)
    if config is None and request.amount_offered is None:
        config = payment_settings(request.deploying_organisation)
    return pricing.expert_rate(
        price=agreement.hourly_rate if agreement is not None else None,
        offered=request.amount_offered,
        share=config.coordination_share if config is not None else ZERO,
    )


def half_day_pay(request: EngagementRequest, config: OrganisationPaymentSettings | None = None) -> Decimal | None:
    """What the expert gets per half-day, when the agreement has a flat amount per half-day."""
    agreement = agreement_of(request)
    if agreement is None or agreement.half_day_rate is None:
        return None
    config = config or payment_settings(request.deploying_organisation)
    return pricing.expert_rate(price=agreement.half_day_rate, offered=None, share=config.coordination_share)


def quote_vat_parts(agreement) -> tuple[tuple[Decimal, Decimal], ...]:
    """Each accepted expert's share of the quoted work with the VAT of their work form (the invoice's
    rule); seats not filled yet carry the agreement's rate. Hooked into engagements.pdf."""
    request = agreement.request
    needed = max(request.experts_needed, 1)
    accepted = [
        i.expert for i in request.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert")[:needed]
    ]
    config = payment_settings(request.deploying_organisation)
    parts = [(Decimal(1), vat_rate_for(profile, config)) for profile in accepted]
    if len(accepted) < needed:
        parts.append((Decimal(needed - len(accepted)), Decimal(agreement.vat_rate)))
    return tuple(parts)


def quote_coordination(agreement, q) -> dict | None:
    """The split the quote promises, by the settlement's rule: to the experts, and what stays."""
    request = agreement.request
    config = payment_settings(request.deploying_organisation)
    rate = pay_rate(request, config)
    if rate is None or q.net <= 0:
        return None
    experts = pricing.work_value(
        hours=agreement.hours,
        rate=rate,
        half_days=agreement.half_days or Decimal(0),
        half_day_rate=half_day_pay(request, config),
    )
    return {"experts": experts, "coordination": pricing.coordination_amount(income=q.net, paid_to_experts=experts)}


def vat_rate_for(profile: ExpertProfile, config: OrganisationPaymentSettings) -> Decimal:
    """VAT on this expert's hours: the same rule for the quote and the invoice (pricing.vat_rate)."""
    return pricing.vat_rate(
        work_form=profile.work_form,
        kor=profile.vat_kor,
        zzp_rate=config.zzp_vat_rate,
        charge_on_zzp=config.vat_on_zzp_hours,
    )


def invoice_rate(request: EngagementRequest) -> Decimal | None:
    """What the asker pays per hour: the agreed hourly rate."""
    agreement = agreement_of(request)
    return agreement.hourly_rate if agreement is not None else None


@dataclass(frozen=True)
class Proposed:
    amount: Decimal
    hours: Decimal
    rate: Decimal
    date: dt.date
    half_days: Decimal = ZERO
    half_day_amount: Decimal = ZERO


def proposed_for_invitation(invitation: Invitation) -> Proposed | None:
    """The payment an invitation offers: hours per person × the amount per hour, plus this person's
    share of the half-days (dagdelen) at their flat amount — a half-day pays an allowance too, so
    leaving it out would under-warn."""
    request = invitation.request
    agreement = agreement_of(request)
    rate = pay_rate(request)
    per_person = max(request.experts_needed, 1)
    hours = request.hours_estimate
    if not hours and agreement is not None and agreement.hours:
        # The agreement's hours are for everyone together.
        hours = cents(agreement.hours / per_person)
    half_days, half_day_rate = ZERO, half_day_pay(request)
    if agreement is not None and agreement.half_days and half_day_rate is not None:
        half_days = Decimal(agreement.half_days) / per_person
    work = cents(rate * hours) if rate is not None and hours else ZERO
    extra = cents(half_days * half_day_rate) if half_days else ZERO
    if not work and not extra:
        return None
    day = max(request.end_date or request.start_date or today(), today())
    return Proposed(
        amount=work + extra,
        hours=Decimal(hours or 0),
        rate=rate or ZERO,
        date=day,
        half_days=half_days,
        half_day_amount=extra,
    )


# --- the check, as one viewer may see it -----------------------------------------------------------


@dataclass
class CheckView:
    """The rule check for one payment, filtered for the person looking at it."""

    is_self: bool
    applies: bool
    work_form: str
    reward: RewardChoiceView | None = None
    proposed: Proposed | None = None
    check: rules.PaymentCheck | None = None
    lines: list[Shown] = field(default_factory=list)
    hidden_rule: bool = False
    age_unknown: bool = False
    decided: bool = False  # after the yes: no advice about what to do before saying yes

    @property
    def missing_year(self) -> int | None:
        """The year whose tax caps are not in Inzet yet (the benefit rules ran anyway)."""
        return self.check.missing_cap_year if self.check is not None else None

    @property
    def crossed(self) -> tuple[rules.CrossedCap, ...]:
        return self.check.crossed_caps if self.check else ()

    @property
    def warn(self) -> bool:
        """True when a cap or a benefit rule would be crossed, whether or not the year's caps are known."""
        if self.check is None:
            return False
        return bool(self.check.crossed_caps) or self.check.benefit_effect is not rules.BenefitEffect.NONE


def run_check(
    *,
    payment: rules.ProposedPayment,
    history: rules.PaymentHistory,
    age_band: rules.AgeBand,
    benefit: rules.BenefitSituation,
    reward_form: str,
    bijstand_exemption: rules.BijstandExemption = rules.BijstandExemption.REGULAR,
    tables: RuleTables | None = None,
) -> rules.PaymentCheck:
    """The one place pages and the API run the rule check (same tables, same answers)."""
    tables = tables or rule_tables()
    return rules.check_payment(
        payment=payment,
        history=history,
        age_band=age_band,
        benefit=benefit,
        reward_form=reward_form,
        caps=tables.caps,
        benefit_rules=tables.benefit_rules,
        bijstand_exemption=bijstand_exemption,
    )


def build_check_view(
    *,
    viewer,
    profile: ExpertProfile,
    payment: rules.ProposedPayment | None,
    reward: RewardChoiceView,
    tables: RuleTables | None = None,
    exclude_payout: int | None = None,
    proposed: Proposed | None = None,
    path: str = "",
    decided: bool = False,
) -> CheckView:
    level = viewer_level(viewer, profile)
    is_self = level == SELF
    applies = profile.work_form == WorkForm.VOLUNTEER
    view = CheckView(is_self=is_self, applies=applies, work_form=profile.work_form, reward=reward, proposed=proposed)
    if payment is None or not applies:
        return view
    age_band, known = expert_age_band(profile)
    check = run_check(
        payment=payment,
        history=payment_history(profile.pk, exclude_pk=exclude_payout, until=payment.date),
        age_band=age_band,
        benefit=expert_benefit(profile),
        reward_form=pricing.check_form(reward.reward_form),
        bijstand_exemption=expert_exemption(profile),
        tables=tables,
    )
    view.check = check
    view.age_unknown = not known
    benefit_matters = check.benefit_effect is not rules.BenefitEffect.NONE
    view.decided = decided
    if is_self:
        view.lines = show_all(_for_the_moment(check.explanation, decided))
    elif can_see(level, profile, "benefit"):
        view.lines = show_all(_for_the_moment(check.explanation, decided))
        log_access(viewer=viewer, profile=profile, items=["benefit"], context="page", path=path)
    else:
        view.lines = show_all(_for_the_moment(rules.coordinator_lines(check), decided))
        view.hidden_rule = benefit_matters
        if benefit_matters:
            # The warning itself was derived from the benefit situation: the expert sees it in the log.
            log_access(viewer=viewer, profile=profile, items=["benefit"], context="page", path=path)
    return view


def _for_the_moment(lines, decided: bool) -> list:
    """After the yes, "talk about it before you say yes" is advice too late: leave it out."""
    return [line for line in lines if not (decided and line.msgid == TALK_FIRST)]


def invitation_check(viewer, invitation: Invitation, *, tables: RuleTables | None = None, path: str = "") -> CheckView:
    """What saying yes to this invitation would mean for the caps and a benefit."""
    proposed = proposed_for_invitation(invitation)
    payment = None
    if proposed is not None:
        payment = rules.ProposedPayment(
            date=proposed.date,
            amount=proposed.amount,
            hours=proposed.hours or None,
            organisation_id=invitation.request.deploying_organisation_id,
        )
    return build_check_view(
        viewer=viewer,
        profile=invitation.expert,
        payment=payment,
        reward=effective_reward(invitation),
        tables=tables,
        proposed=proposed,
        path=path,
        decided=invitation.state != Invitation.State.PENDING,
    )


def payout_check(viewer, payout: Payout, *, tables: RuleTables | None = None, path: str = "") -> CheckView:
    """The check a coordinator sees before approving a payout (real costs never count)."""
    on = payout.pay_date or today()
    reward = RewardChoiceView(payout.channel, payout.charity, None, payout.details)
    if payout.kind != Payout.Kind.ALLOWANCE:
        return CheckView(is_self=False, applies=False, work_form=payout.expert.work_form, reward=reward)
    payment = rules.ProposedPayment(
        date=on,
        amount=payout.amount,
        hours=payout.hours or None,
        organisation_id=payout.organisation_id,
    )
    proposed = Proposed(amount=payout.amount, hours=payout.hours or Decimal(0), rate=payout.rate or ZERO, date=on)
    return build_check_view(
        viewer=viewer,
        profile=payout.expert,
        payment=payment,
        reward=reward,
        tables=tables,
        exclude_payout=payout.pk,
        proposed=proposed,
        path=path,
        decided=True,
    )


# --- hours, expenses and what is not settled yet --------------------------------------------------


def effective_hours() -> QuerySet:
    """Approved hour rows that no approved correction replaced."""
    return HourEntry.objects.filter(state=EntryState.APPROVED).exclude(corrections__state=EntryState.APPROVED)


def effective_expenses() -> QuerySet:
    return ExpenseClaim.objects.filter(state=EntryState.APPROVED).exclude(corrections__state=EntryState.APPROVED)


@dataclass
class Unsettled:
    hours: list[tuple[HourEntry, Decimal]] = field(default_factory=list)
    expenses: list[tuple[ExpenseClaim, Decimal]] = field(default_factory=list)
    half_days: dict[int, Decimal] = field(default_factory=dict)  # hour entry pk -> half-days still to pay

    @property
    def total_half_days(self) -> Decimal:
        return sum(self.half_days.values(), Decimal(0))

    @property
    def total_hours(self) -> Decimal:
        return sum((delta for _e, delta in self.hours), ZERO)

    @property
    def total_costs(self) -> Decimal:
        return sum((delta for _e, delta in self.expenses), ZERO)

    def __bool__(self) -> bool:
        return bool(self.hours or self.expenses)


def unsettled_by_invitation(request_ids) -> dict[int, Unsettled]:
    """Per assignment: approved rows whose chain is not (fully) settled, with the difference to pay.

    A correction of a row that was already paid settles only the difference (it may be negative).
    Four queries whatever the number of rows.
    """
    request_ids = list(request_ids)
    result: dict[int, Unsettled] = defaultdict(Unsettled)
    settled_hours = {
        chain: (total, half)
        for chain, total, half in SettlementItem.objects.filter(hour_entry__invitation__request_id__in=request_ids)
        .annotate(chain=Coalesce("hour_entry__root_id", "hour_entry_id"))
        .values("chain")
        .annotate(total=Sum("hours"), half=Sum("half_days"))
        .values_list("chain", "total", "half")
    }
    for entry in effective_hours().filter(invitation__request_id__in=request_ids).order_by("date", "pk"):
        done_hours, done_half = settled_hours.get(entry.chain_id, (ZERO, ZERO))
        delta = entry.hours - (done_hours or ZERO)
        delta_half = entry.half_days - (done_half or ZERO)
        if delta or delta_half:
            result[entry.invitation_id].hours.append((entry, delta))
            if delta_half:
                result[entry.invitation_id].half_days[entry.pk] = delta_half
    settled_costs = dict(
        SettlementItem.objects.filter(expense__invitation__request_id__in=request_ids)
        .annotate(chain=Coalesce("expense__root_id", "expense_id"))
        .values("chain")
        .annotate(total=Sum("amount"))
        .values_list("chain", "total")
    )
    for claim in effective_expenses().filter(invitation__request_id__in=request_ids).order_by("date", "pk"):
        delta = claim.amount - (settled_costs.get(claim.chain_id) or ZERO)
        if delta:
            result[claim.invitation_id].expenses.append((claim, delta))
    return dict(result)


def assignment_rows(invitation: Invitation) -> tuple[list[HourEntry], list[ExpenseClaim]]:
    """All hour and expense rows of one assignment, with who did what (two queries)."""
    hours = list(
        HourEntry.objects.filter(invitation=invitation)
        .select_related("created_by", "decided_by", "corrects")
        .annotate(replaced=Exists(HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)))
        .annotate(
            pending_correction=Exists(HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.SUBMITTED))
        )
        .annotate(settled=Exists(SettlementItem.objects.filter(hour_entry=OuterRef("pk"))))
        .order_by("date", "pk")
    )
    expenses = list(
        ExpenseClaim.objects.filter(invitation=invitation)
        .select_related("created_by", "decided_by", "corrects")
        .annotate(replaced=Exists(ExpenseClaim.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)))
        .annotate(
            pending_correction=Exists(ExpenseClaim.objects.filter(corrects=OuterRef("pk"), state=EntryState.SUBMITTED))
        )
        .annotate(settled=Exists(SettlementItem.objects.filter(expense=OuterRef("pk"))))
        .order_by("date", "pk")
    )
    return hours, expenses


def assignments_of_expert(user) -> QuerySet:
    return (
        Invitation.objects.filter(expert__user=user, state=Invitation.State.ACCEPTED)
        .select_related("request__asker_organisation", "request__deploying_organisation")
        .annotate(
            hours_pending=Count("hour_entries", filter=Q(hour_entries__state=EntryState.SUBMITTED), distinct=True),
            hours_rejected=Count("hour_entries", filter=Q(hour_entries__state=EntryState.REJECTED), distinct=True),
        )
        .order_by("-request__start_date", "-created_at")
    )


def assignments_of_coordinator(user) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Invitation.objects.filter(state=Invitation.State.ACCEPTED, request__deploying_organisation_id__in=org_ids)
        .select_related("request__asker_organisation", "expert__user")
        .order_by("-request__start_date", "-created_at")
    )


def waiting_for_approval(user) -> tuple[QuerySet, QuerySet]:
    """Submitted hour and expense rows of the coordinator's organisations, not of their own work."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    common = {"state": EntryState.SUBMITTED, "invitation__request__deploying_organisation_id__in": org_ids}
    related = ("invitation__request__asker_organisation", "invitation__expert__user", "created_by", "corrects")
    hours = HourEntry.objects.filter(**common).exclude(invitation__expert__user=user).select_related(*related)
    expenses = ExpenseClaim.objects.filter(**common).exclude(invitation__expert__user=user).select_related(*related)
    return hours.order_by("date", "pk"), expenses.order_by("date", "pk")


def requests_to_settle(user) -> list[tuple[EngagementRequest, dict[int, Unsettled]]]:
    """Requests of the coordinator's organisations with approved rows that are not settled yet."""
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    candidates = EngagementRequest.objects.filter(deploying_organisation_id__in=org_ids).filter(
        Q(invitations__hour_entries__state=EntryState.APPROVED)
        | Q(invitations__expense_claims__state=EntryState.APPROVED)
    )
    request_ids = set(candidates.values_list("pk", flat=True))
    if not request_ids:
        return []
    by_invitation = unsettled_by_invitation(request_ids)
    invitations = Invitation.objects.filter(pk__in=by_invitation).values_list("pk", "request_id")
    per_request: dict[int, dict[int, Unsettled]] = defaultdict(dict)
    for invitation_id, request_id in invitations:
        per_request[request_id][invitation_id] = by_invitation[invitation_id]
    requests = EngagementRequest.objects.filter(pk__in=per_request).select_related("asker_organisation")
    return [(r, per_request[r.pk]) for r in requests.order_by("title")]


def settlements_of(user) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Settlement.objects.filter(organisation_id__in=org_ids)
        .select_related("request__asker_organisation", "invoice")
        .order_by("-created_at", "-pk")
    )


def invoices_for(user) -> QuerySet:
    roles = get_roles(user)
    q = Q(organisation_id__in=roles.organisation_ids(Role.COORDINATOR)) | Q(
        asker_organisation_id__in=roles.organisation_ids(Role.ASKER)
    )
    return (
        Invoice.objects.filter(q)
        .select_related("organisation", "asker_organisation", "settlement__request")
        .order_by("-issued_on", "-pk")
    )


def payouts_of(user) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return (
        Payout.objects.filter(organisation_id__in=org_ids)
        .select_related("expert__user", "invitation__request", "batch")
        .order_by("state", "-created_at", "-pk")
    )


def batches_of(user) -> QuerySet:
    org_ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    return PayoutBatch.objects.filter(organisation_id__in=org_ids).order_by("-created_at", "-pk")


def payouts_of_expert(user, *, year: int | None = None) -> QuerySet:
    queryset = Payout.objects.filter(expert__user=user, state__in=PAID_STATES).select_related(
        "organisation", "invitation__request"
    )
    if year is not None:
        queryset = queryset.filter(pay_date__year=year)
    return queryset.order_by("pay_date", "pk")


def statement_years(user) -> list[int]:
    years = {d.year for d in Payout.objects.filter(expert__user=user, state__in=PAID_STATES).dates("pay_date", "year")}
    years.add(today().year)
    return sorted(years, reverse=True)


# --- the year statement ------------------------------------------------------------------------


@dataclass
class StatementOrganisation:
    organisation: Organisation
    payouts: list[Payout]
    summary: rules.OrganisationYear | None
    allowance: Decimal = ZERO
    counted: Decimal = ZERO
    hours: Decimal = ZERO
    real_costs: Decimal = ZERO


@dataclass
class YearStatement:
    profile: ExpertProfile
    year: int
    organisations: list[StatementOrganisation]
    summary: rules.YearSummary
    allowance: Decimal
    hours: Decimal
    real_costs: Decimal
    age_unknown: bool
    # Approved but not yet in a bank file or list: not paid, so not counted above.
    unpaid: list[Payout] = field(default_factory=list)

    @property
    def unpaid_total(self) -> Decimal:
        return sum((p.amount for p in self.unpaid), ZERO)


def year_statement(profile: ExpertProfile, year: int) -> YearStatement:
    """Only payouts that were paid (in a bank file or list) count; approved ones waiting are listed apart."""
    found = list(
        Payout.objects.filter(expert=profile, state__in=PAID_STATES, pay_date__year=year)
        .select_related("organisation", "invitation__request")
        .order_by("pay_date", "pk")
    )
    payouts = [p for p in found if p.state == Payout.State.BATCHED]
    unpaid = [p for p in found if p.state != Payout.State.BATCHED]
    age_band, known = expert_age_band(profile)
    summary = rules.summarise_year(
        payments=[
            rules.PastPayment(
                date=p.pay_date,
                amount=p.amount,
                hours=p.hours or None,
                organisation_id=p.organisation_id,
                reward_form=pricing.check_form(p.channel),
            )
            for p in payouts
            if p.kind == Payout.Kind.ALLOWANCE
        ]
        # Declared allowances from outside Inzet count toward the same caps.
        + external_payments(external_allowances(profile.pk), until=dt.date(year, 12, 1)),
        year=year,
        caps=allowance_caps(),
        age_band=age_band,
    )
    by_org: dict[int, StatementOrganisation] = {}
    summaries = {s.organisation_id: s for s in summary.organisations}
    for payout in payouts:
        entry = by_org.setdefault(
            payout.organisation_id,
            StatementOrganisation(payout.organisation, [], summaries.get(payout.organisation_id)),
        )
        entry.payouts.append(payout)
        if payout.kind == Payout.Kind.ALLOWANCE:
            entry.allowance += payout.amount
            entry.hours += payout.hours or ZERO
            if rules.reward_form_counts(pricing.check_form(payout.channel)):
                entry.counted += payout.amount
        else:
            entry.real_costs += payout.amount
    organisations = list(by_org.values())
    return YearStatement(
        profile=profile,
        year=year,
        organisations=organisations,
        summary=summary,
        allowance=sum((o.allowance for o in organisations), ZERO),
        hours=sum((o.hours for o in organisations), ZERO),
        real_costs=sum((o.real_costs for o in organisations), ZERO),
        age_unknown=not known,
        unpaid=unpaid,
    )


# --- the home page -------------------------------------------------------------------------------


def next_steps_for(user, roles: Roles, role: str | None = None) -> list[NextStep]:
    """What to do next about money, for every role the person holds, or only for `role` (a few counts)."""

    def wanted(name: str) -> bool:
        return (role is None or role == name) and roles.has(name)

    steps: list[NextStep] = []
    if wanted(Role.COORDINATOR):
        hours, expenses = waiting_for_approval(user)
        n_hours, n_expenses = hours.count(), expenses.count()
        if n_hours or n_expenses:
            steps.append(
                NextStep(
                    title=_("Goedkeuren"),
                    text=ngettext(
                        "%(count)s urenregel wacht op goedkeuring.",
                        "%(count)s urenregels wachten op goedkeuring.",
                        n_hours,
                    )
                    % {"count": n_hours}
                    + " "
                    + ngettext(
                        "%(count)s declaratie wacht op goedkeuring.",
                        "%(count)s declaraties wachten op goedkeuring.",
                        n_expenses,
                    )
                    % {"count": n_expenses},
                    url=reverse("compensation:approvals"),
                    link_text=_("Uren en kosten goedkeuren"),
                )
            )
        proposed = payouts_of(user).filter(state=Payout.State.PROPOSED).exclude(expert__user=user).count()
        ready = payouts_of(user).filter(state=Payout.State.APPROVED).exclude(channel=RewardForm.NONE).count()
        if proposed or ready:
            steps.append(
                NextStep(
                    title=_("Betalingen"),
                    text=_("%(proposed)s wachten op goedkeuring, %(ready)s klaar voor een betaalbestand.")
                    % {"proposed": proposed, "ready": ready},
                    url=reverse("compensation:payouts"),
                    link_text=_("Naar de betalingen"),
                )
            )
        steps.append(
            NextStep(
                title=_("Afrekenen"),
                text=_("Maak facturen en betalingen van goedgekeurde uren en kosten."),
                url=reverse("compensation:settlements"),
                link_text=_("Naar afrekenen"),
            )
        )
    if wanted(Role.EXPERT):
        count = Invitation.objects.filter(expert__user=user, state=Invitation.State.ACCEPTED).count()
        if count:
            steps.append(
                NextStep(
                    title=_("Uren en kosten"),
                    text=ngettext(
                        "U heeft %(count)s opdracht. Schrijf hier uw uren en kosten.",
                        "U heeft %(count)s opdrachten. Schrijf hier uw uren en kosten.",
                        count,
                    )
                    % {"count": count},
                    url=reverse("compensation:overview"),
                    link_text=_("Naar mijn vergoedingen"),
                )
            )
    if wanted(Role.ASKER):
        count = Invoice.objects.filter(asker_organisation_id__in=roles.organisation_ids(Role.ASKER)).count()
        if count:
            steps.append(
                NextStep(
                    title=_("Facturen"),
                    text=ngettext(
                        "Er is %(count)s factuur voor uw organisatie.",
                        "Er zijn %(count)s facturen voor uw organisatie.",
                        count,
                    )
                    % {"count": count},
                    url=reverse("compensation:invoices"),
                    link_text=_("Facturen bekijken"),
                )
            )
    if wanted(Role.OPERATOR):
        for notice in missing_cap_notices():
            steps.append(
                NextStep(
                    title=_("Belastinggrenzen invullen"),
                    text=notice,
                    url=reverse("compensation:cap_add"),
                    link_text=_("Grenzen invullen"),
                )
            )
        missing = missing_cap_years()
        text = (
            _("Grenzen ontbreken voor: %(years)s.") % {"years": ", ".join(map(str, missing))}
            if missing
            else _("Alle jaren hebben grenzen.")
        )
        steps.append(
            NextStep(
                title=_("Regels voor vergoedingen"),
                text=text,
                url=reverse("compensation:rules"),
                link_text=_("Regels bekijken"),
            )
        )
    return steps


def prefetch_choices(queryset: QuerySet) -> QuerySet:
    """Attach each invitation's choices (newest first) as `prefetched_choices` for effective_reward()."""
    return queryset.prefetch_related(
        Prefetch(
            "reward_choices",
            queryset=AssignmentRewardChoice.objects.order_by("-chosen_at", "-pk"),
            to_attr="prefetched_choices",
        )
    )
