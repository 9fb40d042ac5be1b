"""The evaluation report (004 §8.1): every figure is one aggregate query, whatever the data size.

The report reads engagements, compensation, support, training and neighbourhood and writes
nothing there. It holds counts and sums only; text about a person never leaves its own app.
A team report holds the team's neighbourhood figures; the organisation-wide figures (assignments,
hours, money, support of experts) are not kept per team and are left out of it.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Avg, Count, F, Field, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _
from django_stubs_ext import StrOrPromise

from inzet.evaluation.counts import shown
from inzet.evaluation.models import Reflection, Story
from inzet.evaluation.report_organisation import assignment_tables, budget_table, hours_and_money_tables, support_table
from inzet.evaluation.report_types import (  # noqa: F401  (re-exported: exports, charts and tests read them here)
    ASSIGNMENT_STATUSES,
    PAID_STATES,
    ZERO,
    Question,
    Report,
    Row,
    StoryView,
    Table,
    in_period,
    on_days,
)
from inzet.evaluation.rules import Period, is_small
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


def _trajectories(organisation: Organisation, team: Team | None) -> QuerySet[Trajectory]:
    qs = Trajectory.objects.filter(team__organisation=organisation)
    return qs.filter(team=team) if team else qs


def _of(prefix: str, organisation: Organisation, team: Team | None) -> Q:
    """Rows whose trajectory (reached by `prefix`) is the organisation's or the team's, as a join.

    A join rather than `trajectory__in=<subquery>`: SQLite first listed every trajectory of the
    organisation for the subquery, also when the table asked (e.g. Form 1 rows) held few rows.
    """
    return Q(**{f"{prefix}__team": team}) if team else Q(**{f"{prefix}__team__organisation": organisation})


def _choice_rows(choices: Iterable[tuple[str, StrOrPromise]], counts: dict) -> list[Row]:
    return [Row(str(label), counts.get(code, 0)) for code, label in choices]


def _grouped(qs: QuerySet, key: str) -> dict:
    # Count("pk") without DISTINCT: every caller groups rows of one table (no join repeats a row), and
    # COUNT(DISTINCT) made both databases sort every row of the period.
    return {row[key]: row["n"] for row in qs.values(key).annotate(n=Count("pk")).order_by()}


def _trajectory_counts(organisation: Organisation, team: Team | None, period: Period) -> dict[str, dict[str, int]]:
    """{channel: {"opened": n, "closed": n}} in the period: one pass over the trajectories, shared by
    the channels table, the referrals and the started/closed figures."""
    return {
        row["channel"]: {"opened": row["opened"], "closed": row["closed"]}
        for row in _trajectories(organisation, team)
        .values("channel")
        .annotate(
            opened=Count("pk", filter=in_period(period, "opened_on")),
            closed=Count("pk", filter=in_period(period, "closed_on")),
        )
        .order_by()
    }


def _closure_totals(organisation: Organisation, team: Team | None, period: Period) -> dict[str, int]:
    closures = Closure.objects.filter(_of("trajectory", organisation, team), in_period(period, "trajectory__closed_on"))
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


def _question_one(
    organisation: Organisation, team: Team | None, period: Period, counts: dict[str, dict[str, int]]
) -> Question:
    channels = {channel: row["opened"] for channel, row in counts.items()}
    domain_counts = {
        row["topic"]: row["n"]
        for row in QuestionFormRow.objects.filter(
            _of("form__trajectory", organisation, team), in_period(period, "form__trajectory__opened_on")
        )
        .values("topic")
        .annotate(n=Count("form__trajectory", distinct=True))
        .order_by()
    }
    domains = [Row(label, domain_counts.get(code, 0)) for code, label in topics.life_domains()]
    contacts = _grouped(
        Contact.objects.filter(_of("trajectory", organisation, team), in_period(period, "on")),
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


def _team_scope(organisation: Organisation, team: Team | None) -> Q:
    return Q(team=team) if team else Q(team__organisation=organisation)


def _question_two(
    organisation: Organisation,
    team: Team | None,
    period: Period,
    counts: dict[str, dict[str, int]],
    closures: dict[str, int],
) -> Question:
    referred_in = counts.get(Trajectory.Channel.REFERRAL, {}).get("opened", 0)
    to_care = closures["found_care"]
    # Referrals by partners through the public form, per kind of partner and what became of them.
    referrals: dict[str, int] = {}
    outcome: dict[str, int] = {}
    for row in (
        Referral.objects.filter(_team_scope(organisation, team), on_days(period, "received_at"))
        .values("partner_kind", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        referrals[row["partner_kind"]] = referrals.get(row["partner_kind"], 0) + row["n"]
        outcome[row["status"]] = outcome.get(row["status"], 0) + row["n"]
    partners = _grouped(Partner.objects.filter(_team_scope(organisation, team), is_active=True), "kind")
    meetings = CaseMeeting.objects.filter(
        _of("trajectory", organisation, team), on_days(period, "planned_for")
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


def _group_activities(organisation: Organisation, team: Team | None, period: Period) -> Table:
    """Group activities for residents (004 l.908–918): how many and how many came, per kind.

    The same figures as neighbourhood.selectors.group_activity_counts, grouped by kind and over
    every team of the organisation in one query.
    """
    rows = {
        row["kind"]: row
        for row in GroupActivity.objects.filter(_team_scope(organisation, team), in_period(period, "held_on"))
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
                Row(str(label).capitalize(), rows[code]["n"] if code in rows else 0)
                for code, label in GroupActivity.Kind.choices
            ],
            Row(_("Bewoners die kwamen (alle activiteiten opgeteld)"), attendees),
        ],
        note=_("Per activiteit is alleen geteld hoeveel bewoners kwamen, niet wie."),
    )


MAX_STORIES = 10


def report_stories(organisation: Organisation, period: Period) -> QuerySet[Story]:
    """Stories the teller allowed in the report, checked by a coordinator and not withdrawn."""
    return Story.objects.filter(
        on_days(period, "consent_at"),
        organisation=organisation,
        for_report=True,
        approved_at__isnull=False,
        withdrawn_at__isnull=True,
    )


def _stories(organisation: Organisation, period: Period) -> tuple[Table, list[StoryView]]:
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


def _reflections(organisation: Organisation, period: Period) -> Table:
    counts = _grouped(Reflection.objects.filter(in_period(period, "held_on"), organisation=organisation), "occasion")
    return Table("reflections", _("Terugblikken"), _choice_rows(Reflection.Occasion.choices, counts))


def _tag_rows(totals: dict[str, int], names: Iterable[str]) -> list[Row]:
    return [Row(str(_closure_field(name).verbose_name).capitalize(), totals[name]) for name in names]


def _closure_field(name: str) -> Field:
    field = Closure._meta.get_field(name)
    assert isinstance(field, Field)  # the outcome and difference ticks are columns of Closure
    return field


def _question_three(totals: dict[str, int], stories_table: Table) -> Question:
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


def _mean(value: float | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(float(value), 2)))


def _grades(organisation: Organisation, team: Team | None, period: Period) -> list[Table]:
    """Form 2 (004 Bijlage 2): mean grade at 3 and at 6 months, and the mean change from 3 to 6 per life domain.

    A review counts in the period it was filled in; the change counts the domains graded both times,
    for the 6-month reviews of the period (as review_rules.mean_grade_change). Aggregates in SQL only.
    """
    # Joins, not IN (subquery): the reviews are few, the trajectories many; a subquery made the
    # databases list every trajectory of the organisation first.
    scope = {"review__trajectory__team": team} if team else {"review__trajectory__team__organisation": organisation}
    graded = ReviewRow.objects.filter(in_period(period, "review__filled_on"), grade__isnull=False, **scope)
    by_round = {
        row["review__months"]: (row["n"], row["mean"])
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
        row["topic"]: (row["n"], row["mean_change"])
        for row in pairs.values("topic")
        .annotate(n=Count("review__trajectory", distinct=True), mean_change=Avg("change"))
        .order_by()
    }
    # Grouped by the round (6 for every row) rather than .aggregate(): Django wraps an aggregate over
    # this annotation in an outer query that lost the correlated 3-month grade (every change became 0).
    overall = (
        pairs.values("review__months")
        .annotate(n=Count("review__trajectory", distinct=True), mean_change=Avg("change"))
        .order_by("review__months")
        .first()
    )

    def row(label: str, data: tuple[int, float | Decimal | None] | None) -> Row:
        n, mean = data or (0, None)
        # A mean over fewer than 5 residents could point to one of them: hidden like the count.
        return Row(label, n, None if is_small(n) else _mean(mean))

    rounds = [row(str(label), by_round.get(code)) for code, label in Review.Round.choices]
    changes = [row(_("Alle leefgebieden"), None if overall is None else (overall["n"], overall["mean_change"]))]
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


def _trajectory_table(by_channel: dict[str, dict[str, int]]) -> Table:
    counts = {key: sum(row[key] for row in by_channel.values()) for key in ("opened", "closed")}
    return Table(
        "trajectories",
        _("Trajecten"),
        [Row(_("Gestart"), counts["opened"]), Row(_("Afgesloten"), counts["closed"])],
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
        figures += [*assignment_tables(organisation, period), *hours_and_money_tables(organisation, period)]
        figures += [
            support_table(organisation, period),
            _reflections(organisation, period),
            budget_table(organisation, period),
        ]
    else:
        left_out.append(_("Opdrachten, uren, geld en steun worden per organisatie bijgehouden, niet per wijkteam."))
    return Report(organisation, team, period, questions, figures, left_out, stories)
