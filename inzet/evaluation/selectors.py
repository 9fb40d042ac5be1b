"""The evaluation report (004 §8.1): every figure is one aggregate query, whatever the data size.

The report reads engagements, compensation, support, training and neighbourhood and writes
nothing there. It holds counts and sums only; text about a person never leaves its own app.
A team report holds the team's neighbourhood figures; the organisation-wide figures (assignments,
hours, money, support of experts) are not kept per team and are left out of it.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from inzet.compensation.models import EntryState, HourEntry, Invoice, Payout, Settlement
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.evaluation.counts import shown
from inzet.evaluation.models import Reflection, Story
from inzet.evaluation.rules import Period, is_small
from inzet.experts.models import RewardForm
from inzet.neighbourhood import topics
from inzet.neighbourhood.models import (
    CaseMeeting,
    Closure,
    Contact,
    GroupActivity,
    Partner,
    QuestionFormRow,
    Referral,
    Review,
    ReviewRow,
    Team,
    Trajectory,
)
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
    extra: Decimal | None = None  # a second sum (the budget table: what was spent)


@dataclass
class Table:
    key: str
    title: str
    rows: list[Row]
    count_label: str = gettext_lazy("Aantal")
    amount_label: str = ""
    chart: bool = False
    note: str = ""
    chart_amount: bool = False  # the bars show the amount (e.g. a mean), not the count
    extra_label: str = ""

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


def _of(prefix: str, organisation: Organisation, team: Team | None) -> Q:
    """Rows whose trajectory (reached by `prefix`) is the organisation's or the team's, as a join.

    A join rather than `trajectory__in=<subquery>`: SQLite first listed every trajectory of the
    organisation for the subquery, also when the table asked (e.g. Form 1 rows) held few rows.
    """
    return Q(**{f"{prefix}__team": team}) if team else Q(**{f"{prefix}__team__organisation": organisation})


def _choice_rows(choices, counts: dict) -> list[Row]:
    return [Row(str(label), counts.get(code, 0)) for code, label in choices]


def _grouped(qs, key: str) -> dict:
    # Count("pk") without DISTINCT: every caller groups rows of one table (no join repeats a row), and
    # COUNT(DISTINCT) made both databases sort every row of the period.
    return {row[key]: row["n"] for row in qs.values(key).annotate(n=Count("pk")).order_by()}


def _trajectory_counts(organisation, team, period) -> dict[str, dict[str, int]]:
    """{channel: {"opened": n, "closed": n}} in the period: one pass over the trajectories, shared by
    the channels table, the referrals and the started/closed figures."""
    return {
        row["channel"]: row
        for row in _trajectories(organisation, team)
        .values("channel")
        .annotate(
            opened=Count("pk", filter=_in(period, "opened_on")), closed=Count("pk", filter=_in(period, "closed_on"))
        )
        .order_by()
    }


def _closure_totals(organisation, team, period) -> dict[str, int]:
    closures = Closure.objects.filter(_of("trajectory", organisation, team), _in(period, "trajectory__closed_on"))
    ticked = Q()
    for name in Closure.DIFFERENCE_FIELDS:
        ticked |= Q(**{name: True})
    return closures.aggregate(
        closed=Count("pk"),
        # Question 6 answered: in words (an empty text stays empty when encrypted) or by a tick.
        answered_six=Count("pk", filter=~Q(different="") | ticked),
        **{
            name: Count("pk", filter=Q(**{name: True}))
            for name in [*Closure.OUTCOME_FIELDS, *Closure.DIFFERENCE_FIELDS]
        },
    )


def _question_one(organisation, team, period, counts) -> Question:
    channels = {channel: row["opened"] for channel, row in counts.items()}
    domain_counts = {
        row["topic"]: row["n"]
        for row in QuestionFormRow.objects.filter(
            _of("form__trajectory", organisation, team), _in(period, "form__trajectory__opened_on")
        )
        .values("topic")
        .annotate(n=Count("form__trajectory", distinct=True))
        .order_by()
    }
    domains = [Row(label, domain_counts.get(code, 0)) for code, label in topics.life_domains()]
    contacts = _grouped(
        Contact.objects.filter(_of("trajectory", organisation, team), _in(period, "on")),
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


def _team_scope(organisation, team) -> Q:
    return Q(team=team) if team else Q(team__organisation=organisation)


def _question_two(organisation, team, period, counts, closures) -> Question:
    referred_in = counts.get(Trajectory.Channel.REFERRAL, {}).get("opened", 0)
    to_care = closures["found_care"]
    # Referrals by partners through the public form, per kind of partner and what became of them.
    referrals: dict[str, int] = {}
    outcome: dict[str, int] = {}
    for row in (
        Referral.objects.filter(_team_scope(organisation, team), _on_days(period, "received_at"))
        .values("partner_kind", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        referrals[row["partner_kind"]] = referrals.get(row["partner_kind"], 0) + row["n"]
        outcome[row["status"]] = outcome.get(row["status"], 0) + row["n"]
    partners = _grouped(Partner.objects.filter(_team_scope(organisation, team), is_active=True), "kind")
    meetings = CaseMeeting.objects.filter(
        _of("trajectory", organisation, team), _on_days(period, "planned_for")
    ).aggregate(
        planned=Count("pk", distinct=True),
        recorded=Count("pk", filter=Q(recorded_at__isnull=False), distinct=True),
        with_partners=Count("pk", filter=Q(partners__isnull=False), distinct=True),
    )
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
            ),
            Table(
                "partner_referrals",
                _("Aanmeldingen door partners (verwijsformulier), per soort partner"),
                _choice_rows(Partner.Kind.choices, referrals),
                chart=True,
            ),
            Table(
                "partner_referral_outcome",
                _("Wat er met de aanmeldingen door partners gebeurde"),
                _choice_rows(Referral.Status.choices, outcome),
            ),
            Table(
                "partners",
                _("Samenwerkingspartners (nu actief), per soort"),
                _choice_rows(Partner.Kind.choices, partners),
                count_label=_("Partners"),
            ),
            Table(
                "case_meetings",
                _("Casuïstiekoverleggen"),
                [
                    Row(_("Gepland in de periode"), meetings["planned"]),
                    Row(_("Met een verslag"), meetings["recorded"]),
                    Row(_("Met partners erbij"), meetings["with_partners"]),
                ],
            ),
        ],
    )


def _group_activities(organisation, team, period) -> Table:
    """Group activities for residents (004 l.908–918): how many and how many came, per kind.

    The same figures as neighbourhood.selectors.group_activity_counts, grouped by kind and over
    every team of the organisation in one query.
    """
    rows = {
        row["kind"]: row
        for row in GroupActivity.objects.filter(_team_scope(organisation, team), _in(period, "held_on"))
        .values("kind")
        .annotate(n=Count("pk"), attendees=Sum("attendees"))
        .order_by()
    }
    attendees = sum(row["attendees"] or 0 for row in rows.values())
    return Table(
        "group_activities",
        _("Groepsactiviteiten voor bewoners"),
        [
            *[
                Row(str(label).capitalize(), rows.get(code, {}).get("n", 0))
                for code, label in GroupActivity.Kind.choices
            ],
            Row(_("Bewoners die kwamen (alle activiteiten opgeteld)"), attendees),
        ],
        note=_("Per activiteit is alleen geteld hoeveel bewoners kwamen, niet wie."),
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


def _tag_rows(totals, names) -> list[Row]:
    return [Row(str(Closure._meta.get_field(name).verbose_name).capitalize(), totals[name]) for name in names]


def _question_three(totals, stories_table: Table) -> Question:
    outcomes = _tag_rows(totals, Closure.OUTCOME_FIELDS)
    return Question(
        _("3. Wat is de meerwaarde van ervaringsdeskundigen?"),
        [
            Table(
                "outcomes",
                _("Wat het opleverde (afgesloten trajecten, afsluitformulier)"),
                outcomes,
                chart=True,
                note=_("Afgesloten trajecten in deze periode: %(n)s.") % {"n": shown(totals["closed"])},
            ),
            Table(
                "difference",
                _("Wat was anders dan professionele hulp (vraag 6 van het afsluitformulier)"),
                _tag_rows(totals, Closure.DIFFERENCE_FIELDS),
                chart=True,
                note=_(
                    "Vraag 6 is beantwoord bij %(n)s afgesloten trajecten. De antwoorden in eigen woorden "
                    "staan niet in dit rapport: ze gaan over bewoners."
                )
                % {"n": shown(totals["answered_six"])},
            ),
            stories_table,
        ],
    )


def _mean(value) -> Decimal | None:
    return None if value is None else Decimal(str(round(float(value), 2)))


def _grades(organisation, team, period) -> list[Table]:
    """Form 2 (004 Bijlage 2): mean grade at 3 and at 6 months, and the mean change from 3 to 6 per life domain.

    A review counts in the period it was filled in; the change counts the domains graded both times,
    for the 6-month reviews of the period (as review_rules.mean_grade_change). Aggregates in SQL only.
    """
    # Joins, not IN (subquery): the reviews are few, the trajectories many; a subquery made the
    # databases list every trajectory of the organisation first.
    scope = {"review__trajectory__team": team} if team else {"review__trajectory__team__organisation": organisation}
    graded = ReviewRow.objects.filter(_in(period, "review__filled_on"), grade__isnull=False, **scope)
    by_round = {
        row["review__months"]: row
        for row in graded.values("review__months")
        .annotate(n=Count("review__trajectory", distinct=True), mean=Avg("grade"))
        .order_by()
    }
    earlier = ReviewRow.objects.filter(
        review__trajectory=OuterRef("review__trajectory"),
        review__months=Review.Round.THREE,
        topic=OuterRef("topic"),
        grade__isnull=False,
    ).values("grade")[:1]
    pairs = (
        graded.filter(review__months=Review.Round.SIX)
        .annotate(earlier=Subquery(earlier))
        .filter(earlier__isnull=False)
        .annotate(change=F("grade") - F("earlier"))
    )
    per_domain = {
        row["topic"]: row
        for row in pairs.values("topic")
        .annotate(n=Count("review__trajectory", distinct=True), change=Avg("change"))
        .order_by()
    }
    # Grouped by the round (6 for every row) rather than .aggregate(): Django wraps an aggregate over
    # this annotation in an outer query that lost the correlated 3-month grade (every change became 0).
    overall = (
        pairs.values("review__months")
        .annotate(n=Count("review__trajectory", distinct=True), change=Avg("change"))
        .order_by("review__months")
        .first()
    )

    def row(label, data) -> Row:
        n = (data or {}).get("n", 0)
        # A mean over fewer than 5 residents could point to one of them: hidden like the count.
        return Row(label, n, None if is_small(n) else _mean((data or {}).get("mean", (data or {}).get("change"))))

    rounds = [row(str(label), by_round.get(code)) for code, label in Review.Round.choices]
    changes = [row(_("Alle leefgebieden"), overall)]
    changes += [row(label, per_domain[code]) for code, label in topics.life_domains() if code in per_domain]
    return [
        Table(
            "grades",
            _("Gemiddeld rapportcijfer van bewoners (voortgangsformulier 2)"),
            rounds,
            count_label=_("Bewoners"),
            amount_label=_("Gemiddeld cijfer (1-10)"),
        ),
        Table(
            "grade_change",
            _("Gemiddelde verandering van het cijfer van 3 naar 6 maanden"),
            changes,
            count_label=_("Bewoners"),
            amount_label=_("Verandering in punten"),
            chart=True,
            chart_amount=True,
            note=_("Alleen leefgebieden met een cijfer na 3 én na 6 maanden tellen mee."),
        ),
    ]


def _trajectory_table(by_channel) -> Table:
    counts = {key: sum(row[key] for row in by_channel.values()) for key in ("opened", "closed")}
    return Table(
        "trajectories",
        _("Trajecten"),
        [Row(_("Gestart"), counts["opened"]), Row(_("Afgesloten"), counts["closed"])],
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


REPLACED_IDS_AT_ONCE = 5000


def _replaced_hours(approved) -> dict:
    """Sums of the approved rows in `approved` that an approved correction replaced.

    First the ids from the correction side (few rows, the `corrects` index), then those rows by primary
    key: a single query with a subquery let SQLite and PostgreSQL walk the whole period a second time.
    """
    # A range on corrects_id only (state checked here): with `state = 'approved'` in the query SQLite
    # preferred the state index and read every approved row.
    ids = sorted(
        {
            corrected
            for corrected, state in HourEntry.objects.filter(corrects_id__gt=0).values_list("corrects_id", "state")
            if state == EntryState.APPROVED
        }
    )
    totals = {"hours": 0, "half_days": 0, "entries": 0}
    for start in range(0, len(ids), REPLACED_IDS_AT_ONCE):
        part = approved.filter(pk__in=ids[start : start + REPLACED_IDS_AT_ONCE]).aggregate(
            hours=Sum("hours"), half_days=Sum("half_days"), entries=Count("pk")
        )
        totals = {key: totals[key] + (part[key] or 0) for key in totals}
    return totals


def _hours_and_money(organisation, period) -> list[Table]:
    # An approved correction replaces the row it corrects: sum every approved row, then take off
    # the rows that an approved correction replaced (few; found from the correction side, so the
    # million-row sum stays one covered index scan).
    invitations = Invitation.objects.filter(request__deploying_organisation=organisation).values("pk")
    approved = HourEntry.objects.filter(_in(period, "date"), state=EntryState.APPROVED, invitation_id__in=invitations)
    hours = approved.aggregate(hours=Sum("hours"), half_days=Sum("half_days"), entries=Count("pk"))
    replaced = _replaced_hours(approved)
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


def _budget(organisation, period) -> Table:
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
            "De begroting en de uitgaven zijn per heel jaar ingevuld door de coördinator; "
            "de vergoedingen aan ervaringsdeskundigen komen uit de betalingen in Inzet."
        ),
    )


def evaluation_report(*, organisation: Organisation, team: Team | None, period: Period) -> Report:
    stories_table, stories = _stories(organisation, period)
    counts = _trajectory_counts(organisation, team, period)
    closures = _closure_totals(organisation, team, period)
    questions = [
        _question_one(organisation, team, period, counts),
        _question_two(organisation, team, period, counts, closures),
        _question_three(closures, stories_table),
    ]
    figures = [
        _trajectory_table(counts),
        _group_activities(organisation, team, period),
        *_grades(organisation, team, period),
    ]
    left_out = []
    if team is None:
        figures += [*_assignments(organisation, period), *_hours_and_money(organisation, period)]
        figures += [_support(organisation, period), _reflections(organisation, period), _budget(organisation, period)]
    else:
        left_out.append(_("Opdrachten, uren, geld en steun worden per organisatie bijgehouden, niet per wijkteam."))
    return Report(organisation, team, period, questions, figures, left_out, stories)
