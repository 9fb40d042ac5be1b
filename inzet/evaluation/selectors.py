"""The evaluation report (004 §8.1): every figure is one aggregate query, whatever the data size.

The report reads engagements, compensation, support, training and neighbourhood and writes
nothing there. It holds counts and sums only; text about a person never leaves its own app.
A team report holds the team's neighbourhood figures; the organisation-wide figures (assignments,
hours, money, support of experts) are not kept per team and are left out of it.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from inzet.compensation.models import EntryState, HourEntry, Invoice, Payout, Settlement
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.evaluation.models import Reflection, Story
from inzet.evaluation.rules import Period
from inzet.experts.models import RewardForm
from inzet.neighbourhood import topics
from inzet.neighbourhood.models import Closure, Contact, QuestionFormRow, Team, Trajectory
from inzet.organisations.models import Organisation
from inzet.support.models import MeetingKind, MeetingSeat, MentorTalk
from inzet.training.models import Attendance, Enrolment, EnrolmentStatus

ZERO = Decimal("0")
# Requests that became assignments (an agreement was reached).
ASSIGNMENT_STATUSES = [RequestStatus.AGREED, RequestStatus.RUNNING, RequestStatus.COMPLETED]
PAID_STATES = [Payout.State.APPROVED, Payout.State.BATCHED]


@dataclass
class Row:
    label: str
    count: int | None = None  # a count of people, trajectories or events: small ones are hidden
    amount: Decimal | None = None  # hours or euros: sums, never hidden


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row]
    count_label: str = gettext_lazy("Aantal")
    amount_label: str = ""
    chart: bool = False
    note: str = ""

    @property
    def total(self) -> int:
        return sum(row.count or 0 for row in self.rows)


@dataclass
class Question:
    title: str
    tables: list[Table]
    missing: list[str] = field(default_factory=list)  # what the report cannot answer yet, said plainly


@dataclass
class StoryView:
    title: str
    text: str
    teller: str
    name: str  # empty when anonymous


@dataclass
class Report:
    organisation: Organisation
    team: Team | None
    period: Period
    questions: list[Question]
    figures: list[Table]
    left_out: list[str]
    stories: list[StoryView] = field(default_factory=list)

    @property
    def scope(self) -> str:
        return f"{self.organisation.name} – {self.team.name}" if self.team else self.organisation.name


def _in(period: Period, field_name: str) -> Q:
    return Q(**{f"{field_name}__gte": period.start, f"{field_name}__lte": period.end})


def _on_days(period: Period, field_name: str) -> Q:
    # A datetime field compared with whole days, without the __date transform (keeps the index usable).
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end})


def _trajectories(organisation: Organisation, team: Team | None):
    qs = Trajectory.objects.filter(team__organisation=organisation)
    return qs.filter(team=team) if team else qs


def _choice_rows(choices, counts: dict) -> list[Row]:
    return [Row(str(label), counts.get(code, 0)) for code, label in choices]


def _grouped(qs, key: str) -> dict:
    return {row[key]: row["n"] for row in qs.values(key).annotate(n=Count("pk", distinct=True)).order_by()}


def _question_one(organisation, team, period) -> Question:
    opened = _trajectories(organisation, team).filter(_in(period, "opened_on"))
    channels = _grouped(opened, "channel")
    domain_counts = {
        row["topic"]: row["n"]
        for row in QuestionFormRow.objects.filter(form__trajectory__in=opened.values("pk"))
        .values("topic")
        .annotate(n=Count("form__trajectory", distinct=True))
        .order_by()
    }
    domains = [Row(label, domain_counts.get(code, 0)) for code, label in topics.life_domains()]
    contacts = _grouped(
        Contact.objects.filter(trajectory__in=_trajectories(organisation, team).values("pk")).filter(_in(period, "on")),
        "kind",
    )
    return Question(
        _("1. Met welke vragen komen bewoners?"),
        [
            Table(
                "channels",
                _("Hoe kwamen bewoners binnen (nieuwe trajecten)"),
                _choice_rows(Trajectory.Channel.choices, channels),
                chart=True,
            ),
            Table(
                "domains",
                _("Leefgebieden in het vraagformulier (formulier 1)"),
                domains,
                count_label=_("Trajecten"),
                chart=True,
            ),
            Table("contacts", _("Contacten met bewoners"), _choice_rows(Contact.Kind.choices, contacts)),
        ],
    )


def _question_two(organisation, team, period) -> Question:
    trajectories = _trajectories(organisation, team)
    referred_in = trajectories.filter(_in(period, "opened_on"), channel=Trajectory.Channel.REFERRAL).count()
    to_care = Closure.objects.filter(
        trajectory__in=trajectories.filter(_in(period, "closed_on")).values("pk"), found_care=True
    ).count()
    return Question(
        _("2. Hoe past de inzet bij andere hulp en ondersteuning?"),
        [
            Table(
                "referrals",
                _("Verwijzingen, beide kanten op"),
                [
                    Row(_("Verwezen naar ons (nieuwe trajecten)"), referred_in),
                    Row(_("Geholpen de weg naar zorg te vinden (afgesloten trajecten)"), to_care),
                ],
            )
        ],
        missing=[_("Samenwerkingspartners en casusoverleggen worden nog niet in Inzet bijgehouden.")],
    )


MAX_STORIES = 10


def report_stories(organisation, period):
    """Stories the teller allowed in the report, checked by a coordinator and not withdrawn."""
    return Story.objects.filter(
        _on_days(period, "consent_at"),
        organisation=organisation,
        for_report=True,
        approved_at__isnull=False,
        withdrawn_at__isnull=True,
    )


def _stories(organisation, period) -> tuple[Table, list[StoryView]]:
    stories = report_stories(organisation, period)
    counts = _grouped(stories, "teller")
    shown = [
        StoryView(story.title, story.text, story.get_teller_display(), "" if story.anonymous else story.name_shown)
        for story in stories.order_by("-consent_at", "-pk")[:MAX_STORIES]
    ]
    table = Table(
        "stories",
        _("Verhalen met toestemming voor dit rapport"),
        _choice_rows(Story.Teller.choices, counts),
        note=_("Hieronder staan de %(n)s nieuwste verhalen.") % {"n": MAX_STORIES}
        if sum(counts.values()) > MAX_STORIES
        else "",
    )
    return table, shown


def _reflections(organisation, period) -> Table:
    counts = _grouped(Reflection.objects.filter(_in(period, "held_on"), organisation=organisation), "occasion")
    return Table("reflections", _("Terugblikken"), _choice_rows(Reflection.Occasion.choices, counts))


def _question_three(organisation, team, period, stories_table: Table) -> Question:
    closures = Closure.objects.filter(
        trajectory__in=_trajectories(organisation, team).filter(_in(period, "closed_on")).values("pk")
    )
    totals = closures.aggregate(
        closed=Count("pk"), **{name: Count("pk", filter=Q(**{name: True})) for name in Closure.OUTCOME_FIELDS}
    )
    outcomes = [
        Row(str(Closure._meta.get_field(name).verbose_name).capitalize(), totals[name])
        for name in Closure.OUTCOME_FIELDS
    ]
    return Question(
        _("3. Wat is de meerwaarde van ervaringsdeskundigen?"),
        [
            Table(
                "outcomes",
                _("Wat het opleverde (afgesloten trajecten, afsluitformulier)"),
                outcomes,
                chart=True,
                note=_("Afgesloten trajecten in deze periode: %(n)s.") % {"n": totals["closed"]},
            ),
            stories_table,
        ],
        missing=[_("De antwoorden op vraag 6 van het afsluitformulier zijn vrije tekst en staan niet in dit rapport.")],
    )


def _trajectory_table(organisation, team, period) -> Table:
    counts = _trajectories(organisation, team).aggregate(
        started=Count("pk", filter=_in(period, "opened_on")), closed=Count("pk", filter=_in(period, "closed_on"))
    )
    return Table(
        "trajectories",
        _("Trajecten"),
        [Row(_("Gestart"), counts["started"]), Row(_("Afgesloten"), counts["closed"])],
    )


def _assignments(organisation, period) -> list[Table]:
    requests = EngagementRequest.objects.filter(
        _on_days(period, "submitted_at"), deploying_organisation=organisation, status__in=ASSIGNMENT_STATUSES
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


def _hours_and_money(organisation, period) -> list[Table]:
    # An approved correction replaces the row it corrects: sum every approved row, then take off
    # the rows that an approved correction replaced (few; found from the correction side, so the
    # million-row sum stays one covered index scan).
    invitations = Invitation.objects.filter(request__deploying_organisation=organisation).values("pk")
    approved = HourEntry.objects.filter(_in(period, "date"), state=EntryState.APPROVED, invitation_id__in=invitations)
    hours = approved.aggregate(hours=Sum("hours"), half_days=Sum("half_days"), entries=Count("pk"))
    replaced_by = HourEntry.objects.filter(corrects=OuterRef("pk"), state=EntryState.APPROVED)
    replaced = (
        approved.filter(pk__in=HourEntry.objects.filter(corrects__isnull=False).values("corrects_id"))
        .filter(Exists(replaced_by))
        .aggregate(hours=Sum("hours"), half_days=Sum("half_days"), entries=Count("pk"))
    )
    hours = {key: (hours[key] or 0) - (replaced[key] or 0) for key in hours}
    paid = {
        row["channel"]: row
        for row in Payout.objects.filter(_in(period, "pay_date"), organisation=organisation, state__in=PAID_STATES)
        .values("channel")
        .annotate(total=Sum("amount"), n=Count("pk"))
        .order_by()
    }
    settled = Settlement.objects.filter(_on_days(period, "created_at"), organisation=organisation).aggregate(
        coordination=Sum("coordination_amount"), experts=Sum("experts_amount")
    )
    invoiced = Invoice.objects.filter(_in(period, "issued_on"), organisation=organisation).aggregate(
        total=Sum("subtotal")
    )
    channels = [choice for choice in RewardForm.choices if choice[0] != RewardForm.NONE]
    return [
        Table(
            "hours",
            _("Uren (goedgekeurd)"),
            [
                Row(_("Uren"), hours["entries"], hours["hours"] or ZERO),
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


def _support(organisation, period) -> Table:
    talks = MentorTalk.objects.filter(_in(period, "held_on"), organisation=organisation).count()
    seats = MeetingSeat.objects.filter(
        _on_days(period, "meeting__starts_at"), meeting__organisation=organisation, attended=True
    ).aggregate(
        intervision=Count("pk", filter=Q(meeting__kind=MeetingKind.INTERVISION)),
        meetings=Count("meeting", filter=Q(meeting__kind=MeetingKind.INTERVISION), distinct=True),
        other=Count("pk", filter=~Q(meeting__kind=MeetingKind.INTERVISION)),
    )
    completed = Enrolment.objects.filter(
        _in(period, "completed_on"), course__organisation=organisation, status=EnrolmentStatus.COMPLETED
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


def evaluation_report(*, organisation: Organisation, team: Team | None, period: Period) -> Report:
    stories_table, stories = _stories(organisation, period)
    questions = [
        _question_one(organisation, team, period),
        _question_two(organisation, team, period),
        _question_three(organisation, team, period, stories_table),
    ]
    figures = [_trajectory_table(organisation, team, period)]
    left_out = [
        _("De gemiddelde verandering van de cijfers na 3 en 6 maanden: de vervolggesprekken staan nog niet in Inzet."),
        _("Begroting tegenover uitgaven per kostenpost: de begroting staat nog niet in Inzet."),
    ]
    if team is None:
        figures += [*_assignments(organisation, period), *_hours_and_money(organisation, period)]
        figures += [_support(organisation, period), _reflections(organisation, period)]
    else:
        left_out.append(_("Opdrachten, uren, geld en steun worden per organisatie bijgehouden, niet per wijkteam."))
    return Report(organisation, team, period, questions, figures, left_out, stories)
