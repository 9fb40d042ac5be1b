"""Every write of the network app. Keyword-only; saving the same thing twice changes nothing."""

from django.db import transaction

from inzet.accounts.models import User
from inzet.network.models import Partner


@transaction.atomic
def partner_save(*, by: User, fields: dict, partner: Partner | None = None) -> Partner:
    """Create or change a partner on the social map."""
    partner = partner or Partner()
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.updated_by = by
    partner.save()
    return partner
