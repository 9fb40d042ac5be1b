"""The history of an agreement and quote: every saved version is kept as it was.

Used by `services.agreement_save` (a new version when something changed) and by the change
flows in `changes.py`. No version is ever edited, except that the asker's change request is
written onto the version it is about.
"""

from decimal import Decimal

from django.db import models

from inzet.engagements.models import Agreement, AgreementVersion
from inzet.engagements.pdf import quote_for

# Bookkeeping of the agreement row itself, not its content.
_NOT_CONTENT = {"id", "request", "drafted_by", "drafted_at", "accepted_by", "accepted_at"}


def _plain(field, value):
    # As the database gives it back, so that saving the same twice compares equal.
    if isinstance(field, models.DecimalField) and value is not None:
        return str(Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places)))
    return value if value is None or isinstance(value, bool | int | str) else str(value)


def snapshot(agreement: Agreement) -> dict:
    fields = [f for f in Agreement._meta.concrete_fields if f.name not in _NOT_CONTENT]
    data = {f.name: _plain(f, f.value_from_object(agreement)) for f in fields}
    data["total"] = str(quote_for(agreement).total)
    return data


def latest(agreement: Agreement) -> AgreementVersion | None:
    return agreement.versions.order_by("-number").first()


def record(agreement: Agreement, *, actor) -> AgreementVersion:
    """A new version when the content differs (or answers a change request); the same twice is one version."""
    data = snapshot(agreement)
    last = latest(agreement)
    if last is not None and last.data == data and last.change_requested_at is None:
        return last
    return AgreementVersion.objects.create(
        agreement=agreement, number=(last.number + 1) if last else 1, data=data, saved_by=actor
    )


def open_change_request(agreement: Agreement) -> AgreementVersion | None:
    """The latest version if the asker asked to change it (and no newer version answers that yet)."""
    last = latest(agreement)
    return last if last is not None and last.change_requested_at is not None else None
