"""Demo evaluation data: a funder link, an approved story and a reflection after the intervisie.

The report itself reads the demo data the other apps load; this adds only what evaluation owns,
through the real services. Running it again changes nothing.
"""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.evaluation import services
from inzet.evaluation.models import Reflection, ReportGrant, Story
from inzet.lib.mail import notifications_off
from inzet.organisations.models import Organisation
from inzet.support.models import Meeting, MeetingKind

DEPLOYING_SLUG = "platform-utrecht"
FUNDER = "Gemeente Utrecht, afdeling Maatschappelijke Ontwikkeling"


@transaction.atomic
def load_evaluation_demo() -> None:
    organisation = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    if organisation is None or coordinator is None or ReportGrant.objects.filter(funder=FUNDER).exists():
        return
    today = timezone.localdate()
    _story_and_reflection(organisation, coordinator, today)
    ReportGrant.objects.create(
        organisation=organisation,
        funder=FUNDER,
        period_start=dt.date(today.year, 1, 1),
        period_end=today,
        expires_on=today + dt.timedelta(days=90),
        created_by=coordinator,
    )


def _story_and_reflection(organisation, coordinator, today) -> None:
    expert = User.objects.filter(email="expert@example.org").first()
    if expert is None:
        return
    story = services.story_submit(
        organisation=organisation,
        by=expert,
        request_key=uuid.UUID(int=14_001),
        teller=Story.Teller.RESIDENT,
        title="Weer zelf de post openmaken",
        text=(
            "Ze durfde haar brieven al een jaar niet meer open te maken. We deden het samen, aan de keukentafel, "
            "elke week een stapel. Nu belt ze zelf de woningcorporatie. 'Jij wist hoe het voelt,' zei ze."
        ),
        anonymous=True,
        name_shown="",
        for_report=True,
        for_website=False,
    )
    services.story_approve(story=story, by=coordinator)
    meeting = Meeting.objects.filter(organisation=organisation, kind=MeetingKind.INTERVISION).order_by("pk").first()
    services.reflection_record(
        organisation=organisation,
        by=expert,
        request_key=uuid.UUID(int=14_002),
        occasion=Reflection.Occasion.INTERVISION,
        meeting=meeting,
        held_on=min(today, timezone.localtime(meeting.starts_at).date()) if meeting else today,
        went_well="Iedereen bracht een eigen casus in en er was ruimte voor stiltes.",
        was_hard="Grenzen aangeven bij een bewoner die elke dag belt.",
        we_learn="We spreken vooraf af hoe vaak we bereikbaar zijn, en zeggen dat ook tegen de bewoner.",
    )


DEMO_FEEDBACK_TITLE = "Meedenken over de wijkagenda"


@transaction.atomic
def load_feedback_demo() -> None:
    """A completed request with feedback both ways, checked by the coordinator (shown when the switch is on)."""
    from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
    from inzet.evaluation import feedback
    from inzet.evaluation.models import AskerFeedback
    from inzet.experts.models import ExpertProfile
    from inzet.organisations.models import Membership, Role

    organisation = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    asker = User.objects.filter(email="vrager@example.org").first()
    profile = ExpertProfile.objects.filter(user__email="expert@example.org").first()
    membership = Membership.objects.filter(user=asker, role=Role.ASKER).select_related("organisation").first()
    if None in (organisation, coordinator, asker, profile, membership):
        return
    from inzet.accounts.permissions import get_roles

    if organisation.pk not in get_roles(coordinator).organisation_ids(Role.COORDINATOR):
        return
    if AskerFeedback.objects.filter(request__title=DEMO_FEEDBACK_TITLE).exists():
        return
    now = timezone.now()
    request = EngagementRequest.objects.create(
        asker_organisation=membership.organisation,
        deploying_organisation=organisation,
        created_by=asker,
        title=DEMO_FEEDBACK_TITLE,
        goal="Ervaringen van bewoners meenemen in de wijkagenda",
        status=RequestStatus.COMPLETED,
        submitted_at=now - dt.timedelta(days=60),
    )
    Invitation.objects.create(
        request=request,
        expert=profile,
        invited_by=coordinator,
        state=Invitation.State.ACCEPTED,
        expires_at=now - dt.timedelta(days=50),
        responded_at=now - dt.timedelta(days=55),
    )
    asker_side = feedback.Parties(request, is_asker=True, expert=None, is_coordinator=False)
    given = feedback.asker_feedback_give(
        parties=asker_side,
        by=asker,
        request_key=uuid.UUID(int=14_003),
        goal_met=4,
        cooperation=5,
        follow_up="Twee voorstellen staan nu in de wijkagenda: een vast spreekuur in het buurthuis en hulp bij brieven.",
        price="fair",
        remarks="Prettig dat het zo concreet werd.",
    )
    expert_side = feedback.Parties(request, is_asker=False, expert=profile, is_coordinator=False)
    rating = feedback.expert_feedback_give(
        parties=expert_side,
        by=profile.user,
        request_key=uuid.UUID(int=14_004),
        conditions=4,
        safety=5,
        paid="yes",
        remarks="Er was tijd om voor te bereiden en er was een nagesprek.",
    )
    with notifications_off():  # building the demo mails nobody
        feedback.feedback_moderate(item=given, by=coordinator, approve=True)
        feedback.feedback_moderate(item=rating, by=coordinator, approve=True)
