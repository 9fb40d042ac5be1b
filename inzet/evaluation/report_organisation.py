"""The organisation-wide figures of the evaluation report: assignments, hours and money, support of experts, budget.

Not kept per team, so a team report leaves them out. Each figure is one aggregate query."""

from django.db.models import Count, Q, Sum
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inzet.compensation.models import ApprovedHoursDay, Invoice, Payout, Settlement
from inzet.engagements.models import EngagementRequest
from inzet.evaluation.report_types import ASSIGNMENT_STATUSES, PAID_STATES, ZERO, Row, Table, in_period, on_days
from inzet.experts.models import RewardForm, neutral_reward_choices
from inzet.support.models import MeetingKind, MeetingSeat, MentorTalk
from inzet.training.models import Attendance, Enrolment, EnrolmentStatus


def assignment_tables(organisation, period) -> list[Table]:
    requests = EngagementRequest.objects.filter(
        on_days(period, "submitted_at"), deploying_organisation=organisation, status__in=ASSIGNMENT_STATUSES
    )
    by_role = requests.values("role__label_nl", "role__label_en").annotate(n=Count("pk")).order_by("role__label_nl")
    by_setting = (
        requests.values("practice_setting__label_nl", "practice_setting__label_en")
        .annotate(n=Count("pk"))
        .order_by("practice_setting__label_nl")
    )
    english = (get_language() or "nl").startswith("en")

    def label(row, prefix):
        text = row[f"{prefix}__label_en"] if english and row[f"{prefix}__label_en"] else row[f"{prefix}__label_nl"]
        return text or _("Niet ingevuld")

    return [
        Table(
            "assignments_kind",
            _("Opdrachten naar soort inzet"),
            [Row(label(row, "role"), row["n"]) for row in by_role],
            chart=True,
        ),
        Table(
            "assignments_asker",
            _("Opdrachten naar soort vrager (werkveld)"),
            [Row(label(row, "practice_setting"), row["n"]) for row in by_setting],
        ),
    ]


def hours_and_money_tables(organisation, period) -> list[Table]:
    # Approved hours come from the per-day totals that the compensation services keep in the same
    # transaction as every hour decision (compensation.hour_sums): about one row per day instead of
    # every hour row of the period. Counted as before: approved rows no approved correction replaced.
    hours = ApprovedHoursDay.objects.filter(in_period(period, "date"), organisation=organisation).aggregate(
        hours=Sum("hours"), half_days=Sum("half_days"), entries=Sum("entries")
    )
    paid = {
        row["channel"]: row
        for row in Payout.objects.filter(
            in_period(period, "pay_date"), organisation=organisation, state__in=PAID_STATES
        )
        .values("channel")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by()
    }
    settled = Settlement.objects.filter(on_days(period, "created_at"), organisation=organisation).aggregate(
        coordination=Sum("coordination_amount"), experts=Sum("experts_amount")
    )
    invoiced = Invoice.objects.filter(in_period(period, "issued_on"), organisation=organisation).aggregate(
        total=Sum("subtotal")
    )
    channels = [choice for choice in neutral_reward_choices() if choice[0] != RewardForm.NONE]
    return [
        Table(
            "hours",
            _("Uren (goedgekeurd)"),
            [
                Row(_("Uren"), hours["entries"] or 0, hours["hours"] or ZERO),
                Row(_("Dagdelen"), None, hours["half_days"] or ZERO),
            ],
            count_label=_("Urenregels"),
            amount_label=_("Totaal"),
        ),
        Table(
            "money",
            _("Vergoedingen aan ervaringsdeskundigen, per vorm"),
            [
                Row(str(label), paid.get(code, {}).get("n", 0), paid.get(code, {}).get("total") or ZERO)
                for code, label in channels
            ],
            count_label=_("Betalingen"),
            amount_label=_("Bedrag (euro)"),
        ),
        Table(
            "income",
            _("Inkomsten uit opdrachten"),
            [
                Row(_("Gefactureerd (zonder btw)"), None, invoiced["total"] or ZERO),
                Row(_("Deel voor coördinatie"), None, settled["coordination"] or ZERO),
                Row(_("Naar de ervaringsdeskundigen"), None, settled["experts"] or ZERO),
            ],
            count_label="",
            amount_label=_("Bedrag (euro)"),
        ),
    ]


def support_table(organisation, period) -> Table:
    talks = MentorTalk.objects.filter(in_period(period, "held_on"), organisation=organisation).count()
    seats = MeetingSeat.objects.filter(
        on_days(period, "meeting__starts_at"), meeting__organisation=organisation, attended=True
    ).aggregate(
        intervision=Count("pk", filter=Q(meeting__kind=MeetingKind.INTERVISION)),
        meetings=Count("meeting", filter=Q(meeting__kind=MeetingKind.INTERVISION), distinct=True),
        other=Count("pk", filter=~Q(meeting__kind=MeetingKind.INTERVISION)),
    )
    completed = Enrolment.objects.filter(
        in_period(period, "completed_on"), course__organisation=organisation, status=EnrolmentStatus.COMPLETED
    ).count()
    lessons = Attendance.objects.filter(
        enrolment__course__organisation=organisation,
        enrolment__course__starts_on__lte=period.end,
        enrolment__course__ends_on__gte=period.start,
        present=True,
    ).count()
    return Table(
        "support",
        _("Steun aan ervaringsdeskundigen"),
        [
            Row(_("Begeleidingsgesprekken"), talks),
            Row(_("Intervisiebijeenkomsten met aanwezigen"), seats["meetings"]),
            Row(_("Aanwezigen bij intervisie (totaal)"), seats["intervision"]),
            Row(_("Aanwezigen bij werkoverleg en inspiratie"), seats["other"]),
            Row(_("Afgeronde cursussen"), completed),
            Row(_("Bijgewoonde lessen"), lessons),
        ],
    )


def budget_table(organisation, period) -> Table:
    from inzet.evaluation.budget import budget_against_actual

    years = f"{period.start.year}" + (f"–{period.end.year}" if period.end.year != period.start.year else "")
    return Table(
        "budget",
        _("Begroting tegenover uitgaven per kostenpost (%(years)s)") % {"years": years},
        [Row(label, None, budget, actual) for label, budget, actual in budget_against_actual(organisation, period)],
        count_label="",
        amount_label=_("Begroot (euro)"),
        extra_label=_("Uitgegeven (euro)"),
        note=_(
            "De coördinator vulde de begroting en de uitgaven in, per heel jaar. "
            "De vergoedingen aan ervaringsdeskundigen komen uit de betalingen in Inzet."
        ),
    )
