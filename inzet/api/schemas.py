from typing import Annotated

from annotated_types import Interval
from ninja import Schema
from pydantic import AfterValidator

from inzet.api.parser import nul_message

# The largest number a database id (bigint) can hold; a larger one is refused with 422.
MAX_DB_INT = 2**63 - 1
Id = Annotated[int, Interval(ge=1, le=MAX_DB_INT)]


def _without_nul(value: str) -> str:
    # PostgreSQL cannot hold or compare text with a NUL character (it raises); Django's forms refuse it
    # for pages, this does the same for API text that goes into a query as it is.
    if "\x00" in value:
        raise ValueError(nul_message())
    return value


Text = Annotated[str, AfterValidator(_without_nul)]


class FieldError(Schema):
    loc: list[str | int]
    msg: str


class Error(Schema):
    """The one error shape of the API. `errors` lists the fields of an invalid request (422)."""

    detail: str
    errors: list[FieldError] | None = None


class MembershipOut(Schema):
    organisation_id: int
    organisation_name: str
    role: str


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    preferred_language: str
    roles: list[MembershipOut]


class OrganisationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    city: str
