"""What the evaluation report is made of (rows, tables, questions) and the period filters its queries share."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext_lazy

from inzet.compensation.models import Payout
from inzet.engagements.models import RequestStatus
from inzet.evaluation.rules import Period
from inzet.neighbourhood.models import (
    Team,
)
from inzet.organisations.models import Organisation

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


def in_period(period: Period, field_name: str) -> Q:
    return Q(**{f"{field_name}__gte": period.start, f"{field_name}__lte": period.end})


def on_days(period: Period, field_name: str) -> Q:
    # A datetime field compared with whole days, without the __date transform (keeps the index usable).
    start = dt.datetime.combine(period.start, dt.time.min, tzinfo=dt.UTC)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    return Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end})
