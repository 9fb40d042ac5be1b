"""The coordinator's expert search and pool overview as JSON: the same filters and consent rules
as the pages (inzet.directory.selectors), so nothing an expert hides can be found or read here."""

from datetime import date
from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema

from inzet.accounts.permissions import require_role
from inzet.api.schemas import MAX_DB_INT, Error, Id, Text
from inzet.directory import selectors
from inzet.directory.filters import ExpertFilters
from inzet.experts.models import ExpertStatus, RewardForm, Weekday, WorkForm
from inzet.organisations.models import Role

router = Router(tags=["directory"])


class ExpertQuery(Schema):
    q: Text = Field("", max_length=200, description="Dutch full-text search (stemmed), on what experts share")
    areas: list[Id] = Field(default_factory=list, description="experience area term ids (any of)")
    levels: list[Id] = Field(default_factory=list)
    roles: list[Id] = Field(default_factory=list)
    relational_roles: list[Id] = Field(default_factory=list)
    settings: list[Id] = Field(default_factory=list, description="practice setting term ids")
    competences: list[Id] = Field(default_factory=list)
    competence_confirmed: bool = False
    languages: list[Id] = Field(default_factory=list)
    municipalities: list[Text] = Field(default_factory=list)
    regions: list[Text] = Field(default_factory=list)
    available_from: date | None = None
    available_to: date | None = None
    days: list[Weekday] = Field(default_factory=list, description="1=Monday, 2=Tuesday, 4, 8, 16, 32, 64=Sunday")
    min_hours: int | None = Field(None, ge=0, le=60)
    work_forms: list[WorkForm] = Field(default_factory=list)
    reward_forms: list[RewardForm] = Field(default_factory=list)
    statuses: list[ExpertStatus] = Field(default_factory=list)
    paused: bool | None = None
    organisations: list[Id] = Field(default_factory=list)
    sort: Literal["name", "updated", "hours"] = "name"
    page: int = Field(1, ge=1, le=MAX_DB_INT)

    def to_filters(self) -> ExpertFilters:
        if self.available_from and self.available_to and self.available_to < self.available_from:
            raise ValidationError("available_to ligt voor available_from.")
        days = 0
        for day in self.days:
            days |= int(day)
        return ExpertFilters(
            q=self.q,
            areas=tuple(self.areas),
            levels=tuple(self.levels),
            roles=tuple(self.roles),
            relational_roles=tuple(self.relational_roles),
            settings=tuple(self.settings),
            competences=tuple(self.competences),
            competence_confirmed=self.competence_confirmed,
            languages=tuple(self.languages),
            municipalities=tuple(self.municipalities),
            regions=tuple(self.regions),
            available_from=self.available_from,
            available_to=self.available_to,
            days=days,
            min_hours=self.min_hours,
            work_forms=tuple(str(v) for v in self.work_forms),
            reward_forms=tuple(str(v) for v in self.reward_forms),
            statuses=tuple(str(v) for v in self.statuses),
            paused=self.paused,
            organisations=tuple(self.organisations),
            sort=self.sort,
        )


class DirectoryExpertOut(Schema):
    """One expert as the caller may see them. null means: not shared with you."""

    id: int
    name: str | None
    status: str
    level: str | None
    experience_areas: list[str]
    roles: list[str] | None
    municipality: str | None
    region: str | None
    hours_per_week: int | None
    paused: bool | None
    work_form: str | None


class ExpertPageOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[DirectoryExpertOut]


class PoolItemOut(Schema):
    label: str
    count: int | None = Field(description="null when 1 to 4: shown as 'fewer than 5'")
    fewer_than_5: bool


class PoolDimensionOut(Schema):
    code: str
    title: str
    items: list[PoolItemOut]


class PoolOut(Schema):
    total: int | None
    total_fewer_than_5: bool
    dimensions: list[PoolDimensionOut]


def _expert_out(row: selectors.Row) -> DirectoryExpertOut:
    return DirectoryExpertOut(
        id=row.profile.pk,
        name=row.name,
        status=row.profile.status,
        level=row.expert_level,
        experience_areas=row.areas,
        roles=row.roles,
        municipality=row.municipality,
        region=row.region,
        hours_per_week=row.hours,
        paused=row.paused,
        work_form=row.profile.work_form if row.work_form is not None else None,
    )


@router.get("/directory/experts", response={200: ExpertPageOut, 403: Error, 422: Error})
def experts(request, query: Query[ExpertQuery]):
    """Experts of your own organisations (coordinators and trainers), filtered on what they share."""
    require_role(request.auth, Role.COORDINATOR, Role.TRAINER)
    page = selectors.expert_page(request.auth, query.to_filters(), query.page)
    selectors.log_list_access(viewer=request.auth, rows=page.rows, context="api", path=request.get_full_path())
    return ExpertPageOut(
        count=page.total,
        page=page.number,
        pages=page.pages,
        page_size=selectors.PAGE_SIZE,
        results=[_expert_out(row) for row in page.rows],
    )


@router.get("/directory/pool", response={200: PoolOut, 403: Error})
def pool(request, who: Literal["active", "all"] = "active"):
    """How varied your pool is: counts only, 1 to 4 hidden as 'fewer than 5' (coordinators)."""
    require_role(request.auth, Role.COORDINATOR)
    overview = selectors.pool_overview(request.auth, statuses=selectors.POOL_STATUSES[who])
    return PoolOut(
        total=None if overview.total_suppressed else overview.total,
        total_fewer_than_5=overview.total_suppressed,
        dimensions=[
            PoolDimensionOut(
                code=d.code,
                title=d.title,
                items=[PoolItemOut(label=c.label, count=c.shown, fewer_than_5=c.suppressed) for c in d.counts],
            )
            for d in overview.dimensions
        ],
    )
