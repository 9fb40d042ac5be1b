"""Reads shared by the recruitment pages, the API and the dashboard. Each uses a fixed number of queries."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles
from inzet.lib.next_step import NextStep
from inzet.organisations.models import Organisation, Role
from inzet.recruitment.models import Application, ApplicationStatus, PipelineStage, RecruitmentPage, StageDecision
from inzet.recruitment.permissions import selection_organisation_ids

CLOSED_SHOWN = 50


def public_page(slug: str) -> RecruitmentPage:
    """The recruitment page of a deploying organisation (404 when it has none)."""
    page = (
        RecruitmentPage.objects.select_related("organisation")
        .filter(organisation__slug=slug, organisation__kind=Organisation.Kind.DEPLOYING)
        .first()
    )
    if page is None:
        raise Http404
    return page


def stages_of(organisation: Organisation) -> list[PipelineStage]:
    return list(PipelineStage.objects.filter(organisation=organisation))


def stage_in_use_ids(organisation: Organisation) -> set[int]:
    """Stages that applications are at, or that decisions were taken on: these cannot be removed."""
    current = Application.objects.filter(organisation=organisation).values_list("current_stage_id", flat=True)
    decided = StageDecision.objects.filter(stage__organisation=organisation).values_list("stage_id", flat=True)
    return set(current.distinct()) | set(decided.distinct())


def _with_is_new(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(has_decision=Exists(StageDecision.objects.filter(application=OuterRef("pk"))))


@dataclass
class StageGroup:
    stage: PipelineStage
    applications: list[Application] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.applications)


@dataclass
class Overview:
    groups: list[StageGroup]
    closed: list[Application]
    closed_counts: dict[str, int]

    @property
    def open_count(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def closed_count(self) -> int:
        return sum(self.closed_counts.values())

    @property
    def closed_summary(self) -> list[tuple[StrOrPromise, int]]:
        return [(label, self.closed_counts.get(value, 0)) for value, label in ApplicationStatus.choices[1:]]


def recruitment_overview(organisation: Organisation) -> Overview:
    """Open applications grouped by stage (with counts), plus the most recent closed ones."""
    groups = {stage.pk: StageGroup(stage) for stage in stages_of(organisation)}
    open_applications = _with_is_new(
        Application.objects.filter(organisation=organisation, status=ApplicationStatus.OPEN)
    ).order_by("created_at", "pk")
    for application in open_applications:
        groups[application.current_stage_id].applications.append(application)
    closed_qs = Application.objects.filter(organisation=organisation).exclude(status=ApplicationStatus.OPEN)
    closed_counts = dict(closed_qs.order_by().values_list("status").annotate(n=Count("pk")))
    closed = list(closed_qs.select_related("current_stage").order_by("-updated_at", "-pk")[:CLOSED_SHOWN])
    return Overview(groups=list(groups.values()), closed=closed, closed_counts=closed_counts)


def application_history(application: Application) -> list[StageDecision]:
    return list(application.decisions.select_related("stage", "decided_by").order_by("created_at", "pk"))


def applications_for_user(user: User) -> QuerySet:
    """Applications of the organisations where the person is coordinator or trainer."""
    return Application.objects.filter(organisation_id__in=selection_organisation_ids(user)).select_related(
        "organisation", "current_stage"
    )


def new_application_counts(organisation_ids: Iterable[int]) -> dict[int, int]:
    """Open applications nobody has decided on yet, per organisation (one query)."""
    rows = (
        Application.objects.filter(organisation_id__in=organisation_ids, status=ApplicationStatus.OPEN)
        .filter(~Exists(StageDecision.objects.filter(application=OuterRef("pk"))))
        .order_by()
        .values_list("organisation_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def _next_steps(roles: Roles, role: str) -> list[NextStep]:
    organisations = list(
        Organisation.objects.filter(pk__in=roles.organisation_ids(role), kind=Organisation.Kind.DEPLOYING).order_by(
            "name"
        )
    )
    counts = new_application_counts([o.pk for o in organisations])
    steps = []
    for organisation in organisations:
        count = counts.get(organisation.pk, 0)
        text = (
            ngettext("%(count)s nieuwe aanmelding.", "%(count)s nieuwe aanmeldingen.", count) % {"count": count}
            if count
            else _("Geen nieuwe aanmeldingen.")
        )
        steps.append(
            NextStep(
                title=_("Werving: %(name)s") % {"name": organisation.name},
                text=text,
                url=reverse("recruitment:application_list", args=[organisation.slug]),
                link_text=_("Aanmeldingen bekijken"),
            )
        )
    return steps


def coordinator_next_steps(user: User, roles: Roles) -> list[NextStep]:
    """One step per coordinated organisation: "N nieuwe aanmeldingen" (two queries)."""
    return _next_steps(roles, Role.COORDINATOR)


def trainer_next_steps(user: User, roles: Roles) -> list[NextStep]:
    """The same for trainers, who take part in selection."""
    return _next_steps(roles, Role.TRAINER)


def open_pages(limit: int = 20) -> list[RecruitmentPage]:
    """Recruitment pages that take applications now, for the public welcome page (one query)."""
    return list(
        RecruitmentPage.objects.select_related("organisation")
        .filter(is_open=True, organisation__kind=Organisation.Kind.DEPLOYING)
        .order_by("organisation__name")[:limit]
    )
