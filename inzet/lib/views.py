"""Glue the views of every app share: binding a form to a POST, and showing a service's refusal on it."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict

T = TypeVar("T")


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data on every POST, also an empty one (an unticked checkbox sends nothing, and an empty
    form must still show what is missing); None on a GET. `request.POST or None` gets that wrong."""
    return request.POST if request.method == "POST" else None


def posted_files(request: HttpRequest) -> MultiValueDict | None:
    return request.FILES if request.method == "POST" else None


def add_service_errors(form, exc: ValidationError) -> None:
    """A service's ValidationError on the form: per field where the form has that field, else on top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def call_service(request: HttpRequest, action: Callable[[], object], *, success: str) -> bool:
    """Run one service call for a button: its refusal becomes an error message, else `success` is
    shown. True when it went through, so a view can choose where to go next."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, success)
    return True


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What a service call made, for the page to go to next."""

    result: T


def save_form(request: HttpRequest, form, action: Callable[[], T], *, success: str) -> Saved[T] | None:
    """Run one service call for a valid form: its refusal goes onto the form (see add_service_errors)
    and gives None, so the page shows the form again with what was typed; else `success` is shown."""
    try:
        result = action()
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, success)
    return Saved(result)
