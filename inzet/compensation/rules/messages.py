"""Explanation lines as message ids with parameters, and the public sources they cite.

The rules never build Dutch sentences themselves: each line is a gettext message id (Dutch, as in
the rest of Inzet) with typed parameters. The Django layer translates and formats them
(`inzet/compensation/explain.py`); `render_nl()` here is the plain Dutch rendering for tests and
for callers without Django. `_()` only marks a string for `makemessages`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from inzet.lib.money import CENT, format_euro, format_euro_en, format_number  # noqa: F401 (re-exported)


def _(message: str) -> str:
    """Marks a message id for extraction; translation happens in the Django layer."""
    return message


# --- public sources (addresses people can open; never a file of ours) ---------------------------

BD_VOLUNTEER = (
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/"
    "werk_en_inkomen/werken/werken-als-vrijwilliger/vrijwilligersvergoedingen"
)
BD_COSTS = (
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/"
    "werk_en_inkomen/werken/werken-als-vrijwilliger/vergoeding_voor_inzet_en_voor_kosten"
)
UWV_WW = (
    "https://www.uwv.nl/particulieren/vrijwilligerswerk/detail/vrijwilligerswerk-tijdens-mijn-ww-uitkering/"
    "hoeveel-vergoeding-mag-ik-krijgen"
)
UWV_DISABILITY = (
    "https://www.uwv.nl/particulieren/vrijwilligerswerk/detail/"
    "vrijwilligerswerk-tijdens-mijn-ziektewet-wia-wao-wajong-uitkering/hoeveel-vergoeding-voor-vrijwilligerswerk-mag-ik-krijgen"
)
PARTICIPATIEWET = "https://wetten.overheid.nl/BWBR0015703/"


# --- parameter types: the renderer formats each per language -------------------------------------


@dataclass(frozen=True)
class Money:
    amount: Decimal
    cents: bool = False


@dataclass(frozen=True)
class Percent:
    value: Decimal


@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Day:
    value: dt.date


@dataclass(frozen=True)
class Term:
    """A word that is itself translated (a benefit's name, a cap's name)."""

    msgid: str


@dataclass(frozen=True)
class Months:
    """Month numbers (1–12), rendered as a list of month names."""

    numbers: tuple[int, ...]


MONTHS = (
    _("januari"),
    _("februari"),
    _("maart"),
    _("april"),
    _("mei"),
    _("juni"),
    _("juli"),
    _("augustus"),
    _("september"),
    _("oktober"),
    _("november"),
    _("december"),
)


@dataclass(frozen=True)
class ExplanationLine:
    """One sentence: a message id, its parameters and the public sources (URLs, space-separated)."""

    msgid: str
    params: Mapping[str, object] = field(default_factory=dict)
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(part for part in self.source.split() if part.startswith("https://"))

    @property
    def text(self) -> str:
        """The Dutch sentence (what the Django layer shows in Dutch)."""
        return render(self, translate=lambda s: s, money=format_euro, day=format_date_nl)


def line(msgid: str, source: str = "", **params: object) -> ExplanationLine:
    return ExplanationLine(msgid, params, source)


def render(
    item: ExplanationLine,
    *,
    translate: Callable[[str], str],
    money: Callable[..., str],
    day: Callable[[dt.date], str],
    number: Callable[[Decimal], str] | None = None,
) -> str:
    """Translate the message id and fill in the parameters, formatted for the language."""

    def value(param: object) -> object:
        if isinstance(param, Money):
            return money(param.amount, always_cents=param.cents)
        if isinstance(param, Percent):
            return (number or format_number)(param.value) + "%"
        if isinstance(param, Number):
            return (number or format_number)(param.value)
        if isinstance(param, Day):
            return day(param.value)
        if isinstance(param, Term):
            return translate(param.msgid)
        if isinstance(param, Months):
            return ", ".join(translate(MONTHS[n - 1]) for n in param.numbers)
        return param

    text = translate(item.msgid)
    if not item.params:
        return text
    return text % {name: value(param) for name, param in item.params.items()}


def format_date_nl(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
