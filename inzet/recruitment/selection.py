"""Selection beyond the stage decisions: the organisation's own application questions, the intro talk,
shadowing days with the joint evaluation, and the group's diversity as counts (002 l.158, 249–251; 000).

Write flows are one keyword-only atomic function each; the reads are shared by the pages and the API.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.experts.models import AgeBand, ExpertProfile, ExpertStatus, WorkForm
from inzet.organisations.models import Organisation
from inzet.recruitment import rules
from inzet.recruitment.models import (
    Application,
    ApplicationQuestion,
    ApplicationReadLog,
    ApplicationStatus,
    Channel,
    IntroTalk,
    ShadowDay,
    ShadowEvaluation,
    ShadowKind,
    ShadowOutcome,
)

# --- the organisation's own questions ---------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    help_text: str = ""
    required: bool = False
    is_active: bool = True
    pk: int | None = None


def questions_of(organisation: Organisation, *, active_only: bool = False) -> list[ApplicationQuestion]:
    queryset = ApplicationQuestion.objects.filter(organisation=organisation)
    return list(queryset.filter(is_active=True) if active_only else queryset)


@transaction.atomic
def questions_configure(*, organisation: Organisation, questions: list[QuestionSpec]) -> list[ApplicationQuestion]:
    """Add, change, reorder and switch off questions in one go. A question with answers is switched
    off rather than removed, so the answers people gave stay readable."""
    if organisation.kind != Organisation.Kind.DEPLOYING:
        raise ValidationError(_("Alleen organisaties die ervaringsdeskundigen inzetten, kunnen werven."))
    existing = {q.pk: q for q in ApplicationQuestion.objects.select_for_update().filter(organisation=organisation)}
    result = []
    for position, spec in enumerate(questions):
        if not spec.text.strip():
            raise ValidationError(_("Schrijf de vraag op."))
        if spec.pk is None:
            question = ApplicationQuestion(organisation=organisation)
        elif spec.pk in existing:
            question = existing[spec.pk]
        else:
            raise ValidationError(_("Deze vraag hoort niet bij deze organisatie."))
        question.text, question.help_text = spec.text.strip(), spec.help_text.strip()
        question.required, question.is_active, question.position = spec.required, spec.is_active, position
        question.save()
        result.append(question)
    return result


# --- reads of special-category parts: logged, which item, never its content -----------------------

READ_ITEMS = ("intro_talk", "shadow_days", "shadow_evaluation")


def reads_log(*, viewer: User, application: Application, items: list[str], context: str, path: str = "") -> None:
    """Log that `viewer` was shown these parts of an application (one insert, whatever the number)."""
    unknown = set(items) - set(READ_ITEMS)
    if unknown:
        raise ValueError(f"Unknown read items: {sorted(unknown)}")
    ApplicationReadLog.objects.bulk_create(
        [
            ApplicationReadLog(user=viewer, application=application, item=item, context=context, path=path[:300])
            for item in items
        ]
    )


# --- the intro talk ---------------------------------------------------------------------------------

INTRO_FIELDS = ("date", "recovery", "distance", "self_insight", "learning_goals")


@transaction.atomic
def intro_talk_record(*, application: Application, recorded_by: User, **fields) -> IntroTalk:
    """Record or update the intro talk; one per application, so a double click changes nothing."""
    unknown = set(fields) - set(INTRO_FIELDS)
    if unknown:
        raise ValueError(f"Unknown intro talk fields: {sorted(unknown)}")
    if fields.get("date") is None:
        raise ValidationError({"date": _("Vul een datum in.")})
    values = {name: (value.strip() if isinstance(value, str) else value) for name, value in fields.items()}
    talk, _created = IntroTalk.objects.update_or_create(
        application=application, defaults={**values, "recorded_by": recorded_by}
    )
    return talk


# --- shadowing and the joint evaluation -------------------------------------------------------------


def shadow_progress(application: Application) -> rules.ShadowProgress:
    """Two queries: the counts per kind and the evaluation."""
    counts = dict(
        ShadowDay.objects.filter(application=application).values_list("kind").annotate(n=Count("pk")).order_by()
    )
    evaluation = ShadowEvaluation.objects.filter(application=application).first()
    return rules.shadow_progress(
        days=counts.get(ShadowKind.DAY, 0),
        half_days=counts.get(ShadowKind.HALF_DAY, 0),
        evaluated=evaluation is not None,
        extra_agreed=evaluation is not None and evaluation.outcome == ShadowOutcome.MORE_HALF_DAYS,
    )


@transaction.atomic
def shadow_day_record(*, application: Application, date, kind: str, notes: str = "", recorded_by: User) -> ShadowDay:
    """Count one shadowing day or extra half-day. The same date and kind twice is one day."""
    Application.objects.select_for_update().filter(pk=application.pk).first()
    if not application.is_open:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    if kind not in ShadowKind.values:
        raise ValidationError({"kind": _("Kies een meeloopdag of een extra dagdeel.")})
    progress = shadow_progress(application)
    if kind == ShadowKind.HALF_DAY and progress.half_days_left == 0:
        raise ValidationError(
            {"kind": _("Extra dagdelen komen pas na het samen terugkijken, als u dat samen afspreekt.")}
        )
    if kind == ShadowKind.DAY and progress.days_left == 0:
        raise ValidationError({"kind": _("De vijf meeloopdagen zijn al geteld.")})
    existing = ShadowDay.objects.filter(application=application, date=date, kind=kind).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return ShadowDay.objects.create(
                application=application, date=date, kind=kind, notes=notes.strip(), recorded_by=recorded_by
            )
    except IntegrityError:
        return ShadowDay.objects.get(application=application, date=date, kind=kind)


@transaction.atomic
def shadow_evaluation_record(
    *,
    application: Application,
    date,
    outcome: str,
    applicant_view: str = "",
    organisation_view: str = "",
    recorded_by: User,
) -> ShadowEvaluation:
    """Look back together after the five days (one per application; saving again updates it)."""
    if outcome not in ShadowOutcome.values:
        raise ValidationError({"outcome": _("Kies wat u samen besluit.")})
    if shadow_progress(application).days < rules.SHADOW_DAYS:
        raise ValidationError(_("Samen terugkijken kan na vijf meeloopdagen."))
    evaluation, _created = ShadowEvaluation.objects.update_or_create(
        application=application,
        defaults={
            "date": date,
            "outcome": outcome,
            "applicant_view": applicant_view.strip(),
            "organisation_view": organisation_view.strip(),
            "recorded_by": recorded_by,
        },
    )
    return evaluation


# --- diversity and unity of the group: counts, never a person ----------------------------------------


@dataclass
class CountRow:
    label: str
    count: int | None  # None: fewer than five, shown as "minder dan 5"


@dataclass
class GroupCounts:
    title: str
    rows: list[CountRow] = field(default_factory=list)


@dataclass
class GroupOverview:
    experts: int | None
    applicants: int | None
    tables: list[GroupCounts]


def _rows(choices, counts: dict) -> list[CountRow]:
    return [CountRow(str(label), rules.shown_count(counts.get(value, 0))) for value, label in choices]


def group_overview(organisation: Organisation) -> GroupOverview:
    """The active experts and open applications of an organisation, counted per feature (three queries)."""
    experts = ExpertProfile.objects.filter(organisation=organisation, status=ExpertStatus.ACTIVE)
    age = dict(experts.values_list("age_band").annotate(n=Count("pk")).order_by())
    work = dict(experts.values_list("work_form").annotate(n=Count("pk")).order_by())
    open_applications = Application.objects.filter(organisation=organisation, status=ApplicationStatus.OPEN)
    channels = dict(open_applications.values_list("channel").annotate(n=Count("pk")).order_by())
    age_rows = _rows(AgeBand.choices, age)
    age_rows.append(CountRow(_("Niet ingevuld"), rules.shown_count(age.get("", 0))))
    return GroupOverview(
        experts=rules.shown_count(sum(age.values())),
        applicants=rules.shown_count(sum(channels.values())),
        tables=[
            GroupCounts(_("Ervaringsdeskundigen naar leeftijd"), age_rows),
            GroupCounts(_("Ervaringsdeskundigen naar werkvorm"), _rows(WorkForm.choices, work)),
            GroupCounts(_("Lopende aanmeldingen: hoe gehoord"), _rows(Channel.choices, channels)),
        ],
    )
