"""Demo evaluation data: one funder link for the demo organisation's report of this year.

The report itself reads the demo data the other apps load; this adds only what evaluation owns.
Running it again changes nothing.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.evaluation.models import ReportGrant
from inzet.organisations.models import Organisation

DEPLOYING_SLUG = "platform-utrecht"
FUNDER = "Gemeente Utrecht, afdeling Maatschappelijke Ontwikkeling"


@transaction.atomic
def load_evaluation_demo() -> None:
    organisation = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    if organisation is None or coordinator is None or ReportGrant.objects.filter(funder=FUNDER).exists():
        return
    today = timezone.localdate()
    ReportGrant.objects.create(
        organisation=organisation,
        funder=FUNDER,
        period_start=dt.date(today.year, 1, 1),
        period_end=today,
        expires_on=today + dt.timedelta(days=90),
        created_by=coordinator,
    )
