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


def nul_message() -> str:
    return gettext("De tekst bevat een teken dat niet is toegestaan (NUL).")


def has_nul(value: Any) -> bool:
    """Whether a string anywhere in ``value`` (keys of a mapping too) holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_nul(item) for item in value)
    return False


class NulRefusingParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        if has_nul(data):
            raise NulInText(nul_message())
        return data

    def parse_querydict(self, data: MultiValueDict, list_fields: list[str], request: HttpRequest) -> dict[str, Any]:
        result = super().parse_querydict(data, list_fields, request)
        if has_nul(result):
            raise RequestValidationError([{"loc": ("query",), "msg": nul_message()}])
        return result
