"""Anonymise closed trajectories after the retention period (privacy rule `closed_trajectories`).

Only what evaluation needs survives: channel, dates, team, the contacts' dates, kinds, durations
and domains (counts), the outcome tags and the Form 2 grades. Every trajectory is claimed with a conditional
UPDATE first, so two runs at the same time never act twice.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from inzet.neighbourhood.models import (
    AgreedAction,
    CaseMeeting,
    Closure,
    Consent,
    Contact,
    PartnerMessage,
    QuestionForm,
    Referral,
    Resident,
    ResidentPreferences,
    ResidentReadLog,
    ReviewRow,
    Trajectory,
)

REFERRAL_BLANK = dict.fromkeys(
    ["referrer_contact", "resident_name", "resident_reach", "question", "decline_reason"], ""
)
CLOSURE_TEXTS = ["age", "gender", "came_in", "going_on", "actions", "how_left", "different", "reflection"]


def anonymise_closed(cutoff: datetime.datetime) -> int:
    """Anonymise every trajectory closed before `cutoff`. Returns how many; never content."""
    count = 0
    due = Trajectory.objects.filter(closed_on__lt=cutoff.date(), anonymised_at__isnull=True)
    for pk, resident_id in due.order_by("pk").values_list("pk", "resident_id").iterator():
        with transaction.atomic():
            claimed = Trajectory.objects.filter(pk=pk, anonymised_at__isnull=True).update(
                anonymised_at=timezone.now(), referrer="", question=""
            )
            if not claimed:
                continue
            QuestionForm.objects.filter(trajectory_id=pk).delete()
            Contact.objects.filter(trajectory_id=pk).update(note="")
            Closure.objects.filter(trajectory_id=pk).update(**dict.fromkeys(CLOSURE_TEXTS, ""))
            # Form 2 keeps its grades (evaluation's mean grade change); the resident's words go.
            ReviewRow.objects.filter(review__trajectory_id=pk).update(start="", now="", explanation="")
            # Which partners had consent and when stays (accountability); what was shared goes.
            Consent.objects.filter(trajectory_id=pk).update(purpose="")
            PartnerMessage.objects.filter(trajectory_id=pk).update(text="")
            Referral.objects.filter(trajectory_id=pk).update(**REFERRAL_BLANK)
            ResidentReadLog.objects.filter(trajectory_id=pk).delete()
            # Case meetings and actions keep their dates (counts); the words and the wishes go.
            CaseMeeting.objects.filter(trajectory_id=pk).update(record="", place="")
            AgreedAction.objects.filter(trajectory_id=pk).update(what="")
            ResidentPreferences.objects.filter(trajectory_id=pk).delete()
            # The resident keeps nothing once none of their trajectories is still live.
            if not Trajectory.objects.filter(resident_id=resident_id, anonymised_at__isnull=True).exists():
                Resident.objects.filter(pk=resident_id).update(name="", reach="")
            count += 1
    # Referrals never taken on (declined, or left waiting) keep nothing personal after the period either.
    Referral.objects.filter(trajectory__isnull=True, received_at__lt=cutoff).update(**REFERRAL_BLANK)
    return count
