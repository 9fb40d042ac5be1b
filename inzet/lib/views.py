"""Glue the views of every app share: binding a form to a POST, and showing a service's refusal on it."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils.datastructures import MultiValueDict


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
