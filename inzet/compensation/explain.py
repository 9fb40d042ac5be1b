"""Rule explanations in the reader's language: message ids from the rules package through gettext."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language, gettext

from inzet.compensation import rules


@dataclass(frozen=True)
class Shown:
    """One explanation line as a person reads it: the sentence and the public addresses it cites."""

    text: str
    sources: tuple[str, ...]

    def __str__(self) -> str:
        return self.text


def is_english() -> bool:
    return (get_language() or "nl").startswith("en")


def money(amount: Decimal, *, always_cents: bool = False) -> str:
    return (rules.format_euro_en if is_english() else rules.format_euro)(amount, always_cents=always_cents)


def number(value: Decimal) -> str:
    """12,5 in Dutch, 12.5 in English; no trailing zeros."""
    text = format(value.normalize(), "f")
    return text if is_english() else text.replace(".", ",")


def _day(value) -> str:
    return formats.date_format(value, "j F Y")


def text(line: rules.ExplanationLine) -> str:
    return rules.render(line, translate=gettext, money=money, day=_day, number=number)


def show(line: rules.ExplanationLine) -> Shown:
    return Shown(text(line), line.sources)


def show_all(lines) -> list[Shown]:
    return [show(line) for line in lines]
