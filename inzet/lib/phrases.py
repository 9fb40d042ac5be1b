"""Sentences as message ids with parameters, so pure rule modules can explain without Django.

A rule module returns ``Phrase`` values; the Django layer (``inzet.lib.phrases_i18n``) translates
them through gettext/ngettext in the reader's language, and ``dutch()`` here renders them as the
Dutch source text (tests and callers without Django). Message ids are Dutch, as everywhere in
Inzet. Call ``_()`` and ``ngettext_lazy()`` with literal strings: makemessages extracts both by
those names (the compensation rules mark their messages the same way).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _(message: str) -> str:
    """Marks a message id for extraction; translation happens in the Django layer."""
    return message


@dataclass(frozen=True)
class Phrase:
    """One message: a gettext id, its %(name)s parameters and, for a count, the plural id."""

    msgid: str
    params: Mapping[str, object] = field(default_factory=dict)
    plural: str = ""
    count: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __str__(self) -> str:
        return dutch(self)


def say(msgid: str, **params: object) -> Phrase:
    return Phrase(msgid, params)


def plural_count(value: object) -> int:
    """The count that chooses a plural form for a number that may have decimals.

    Only exactly one takes the singular: "1 dagdeel", "0,5 dagdelen", "1,5 dagdelen" (Dutch
    allows the plural after a decimal, English requires it: "1.5 half-days"). gettext needs an int.
    """
    try:
        return 1 if value is not None and value != "" and float(str(value).replace(",", ".")) == 1 else 2
    except ValueError:
        return 2


def ngettext_lazy(singular: str, plural: str, count: int, **params: object) -> Phrase:
    """A message with a singular and a plural form, chosen by ``count`` (also passed as %(count)s).

    Named like Django's so makemessages extracts both forms; nothing is translated here.
    """
    return Phrase(singular, {"count": count, **params}, plural, count)


@dataclass(frozen=True)
class Term:
    """A word that is itself a message id (a level, a criterion's name)."""

    msgid: str


@dataclass(frozen=True)
class Capitalised:
    """The rendered value with its first letter upper case (a word that starts a sentence)."""

    value: object


@dataclass(frozen=True)
class Names:
    """Names joined as "a, b en c", sorted in the reader's language; each a label or a ``Term``."""

    items: tuple[object, ...]

    @classmethod
    def of(cls, codes: Iterable[str], labels: Mapping[str, object]) -> Names:
        return cls(tuple(labels.get(code, code) for code in codes))


@dataclass(frozen=True)
class Number:
    """A number written with ``spec`` (a format spec such as "g" or ".1f"); a decimal comma in Dutch."""

    value: float
    spec: str = "g"


AND = _("en")


@dataclass(frozen=True)
class Language:
    """How to render: translate a message id, choose a plural form, write a decimal point."""

    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    decimal: str


DUTCH = Language(
    gettext=lambda message: message,
    ngettext=lambda singular, plural, n: singular if n == 1 else plural,
    decimal=",",
)


def render(item: object, language: Language) -> str:
    """The text of a phrase, a tuple of phrases (one space apart), a term or a plain string."""
    if isinstance(item, Phrase):
        text = language.ngettext(item.msgid, item.plural, item.count) if item.plural else language.gettext(item.msgid)
        if not item.params:
            return text
        return text % {name: _value(value, language) for name, value in item.params.items()}
    if isinstance(item, tuple):
        return " ".join(render(part, language) for part in item)
    if isinstance(item, Term):
        return language.gettext(item.msgid)
    if isinstance(item, str):
        return language.gettext(item) if item else item
    return str(item)


def _value(value: object, language: Language) -> object:
    if isinstance(value, (Phrase, Term)):
        return render(value, language)
    if isinstance(value, Capitalised):
        text = str(_value(value.value, language))
        return text[:1].upper() + text[1:]
    if isinstance(value, Names):
        words = sorted(str(_value(v, language)) for v in value.items)
        if len(words) <= 1:
            return "".join(words)
        return ", ".join(words[:-1]) + " " + language.gettext(AND) + " " + words[-1]
    if isinstance(value, Number):
        return format(value.value, value.spec).replace(".", language.decimal)
    return value


def dutch(item: object) -> str:
    """The Dutch text, exactly as the message ids read."""
    return render(item, DUTCH)
