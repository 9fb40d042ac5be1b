"""The API's request parser: JSON and form data as ninja parses them, refusing text with a NUL character.

PostgreSQL cannot store or compare text that holds a NUL, so such text would end in a server error
wherever it reaches a query as it is; no real text contains one. Refusing it here, for every body and
query of every endpoint, answers 422 with a Dutch message instead (``api.schemas.Text`` does the same
for path parameters, which do not pass through the parser).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from ninja.errors import ValidationError as RequestValidationError
from ninja.parser import Parser


class NulInText(ValueError):
    """A body held text with a NUL character (ninja wraps parser errors in HttpError(400); api.py answers 422)."""

    def __init__(self, loc: tuple[str | int, ...]) -> None:
        self.loc = loc
        super().__init__(_detail(loc))


def nul_message() -> str:
    return gettext("De tekst bevat een teken dat niet is toegestaan (NUL).")


def _detail(loc: tuple[str | int, ...]) -> str:
    # The same "field: message" shape as every other invalid field (api._invalid_request).
    where = ".".join(str(part) for part in loc[1:])
    return f"{where}: {nul_message()}" if where else nul_message()


def nul_at(value: Any, loc: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    """Where in ``value`` a string (or a mapping's key) holds a NUL character, or None."""
    if isinstance(value, str):
        return loc if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and "\x00" in key:
                return (*loc, key)
            found = nul_at(item, (*loc, key))
            if found is not None:
                return found
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = nul_at(item, (*loc, index))
            if found is not None:
                return found
    return None


def has_nul(value: Any) -> bool:
    """Whether a string anywhere in ``value`` (keys of a mapping too) holds a NUL character."""
    return nul_at(value) is not None


class NulRefusingParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        loc = nul_at(data, ("body",))
        if loc is not None:
            raise NulInText(loc)
        return data

    def parse_querydict(self, data: MultiValueDict, list_fields: list[str], request: HttpRequest) -> dict[str, Any]:
        result = super().parse_querydict(data, list_fields, request)
        loc = nul_at(result, ("query",))
        if loc is not None:
            raise RequestValidationError([{"loc": loc, "msg": nul_message()}])
        return result
