"""Demo support data, built through the real services (no e-mails are sent).

Called from inzet/demo/data.py after the demo people exist: `load_support_demo()`. Shows a recent
and an overdue mentor talk, a low check-in waiting for the coordinator, an early conversation with
a pause, an active buddy pair and a proposal. Running it again changes nothing.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.mail import notifications_off
from inzet.support import services
from inzet.support.models import MentorTalk, Outcome

DEPLOYING_SLUG = "platform-utrecht"


def _ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


@transaction.atomic
def load_support_demo() -> None:
    if MentorTalk.objects.filter(nonce="demo-talk-eva").exists():
        return
    eva = ExpertProfile.objects.select_related("user").get(user__email="expert@example.org")
    if eva.organisation.slug != DEPLOYING_SLUG:
        return
    coordinator = User.objects.get(email="coordinator@example.org")
    trainer = User.objects.get(email="trainer@example.org")
    others = list(
        ExpertProfile.objects.filter(organisation=eva.organisation, status=ExpertStatus.ACTIVE, paused=False)
        .exclude(pk=eva.pk)
        .select_related("user")
        .order_by("pk")[:5]
    )
    with notifications_off():
        services.talk_record(
            actor=trainer,
            expert=eva,
            partner=trainer,
            held_on=_ago(10),
            goal="Mijn grenzen aangeven bij een zware opdracht",
            discussed="We bespraken hoe ik nee kan zeggen zonder me schuldig te voelen.",
            next_steps="Eva oefent met 'ik denk er even over na'. Tessa stuurt de oefening.",
            next_on=_ago(10) + dt.timedelta(days=28),
            nonce="demo-talk-eva",
        )
        if len(others) < 5:
            return
        late, low, paused, buddy, proposed = others
        services.talk_record(
            actor=trainer,
            expert=late,
            partner=trainer,
            held_on=_ago(45),
            goal="Mijn verhaal vertellen voor een groep",
            discussed="Spanning voor de eerste presentatie.",
            nonce="demo-talk-late",
        )
        services.checkin_record(
            expert=low,
            actor=low.user,
            score=2,
            words="Na de laatste bijeenkomst slaap ik slecht.",
            nonce="demo-checkin-low",
        )
        services.checkin_record(expert=eva, actor=eva.user, score=4, nonce="demo-checkin-eva")
        services.early_conversation_record(
            actor=coordinator,
            expert=paused,
            held_on=_ago(3),
            outcome=Outcome.PAUSE,
            pause_until=timezone.localdate() + dt.timedelta(days=42),
            nonce="demo-early-pause",
        )
        pair = services.buddy_propose(actor=coordinator, first=eva, second=buddy)
        services.buddy_respond(pair=pair, actor=eva.user, accept=True, share_phone=True, share_email=True)
        services.buddy_respond(pair=pair, actor=buddy.user, accept=True, share_email=True)
        services.buddy_propose(actor=coordinator, first=late, second=proposed)
        _meetings(eva, trainer)


def _meetings(eva, trainer) -> None:
    """A past intervisie with attendance and a reflection, and a coming werkoverleg Eva signed up for."""
    from inzet.support import meetings

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    past = meetings.meeting_plan(
        actor=trainer,
        organisation=eva.organisation,
        kind="intervision",
        title="Intervisie: grenzen aangeven",
        starts_at=now - dt.timedelta(days=14),
        ends_at=now - dt.timedelta(days=14) + dt.timedelta(hours=2),
        location="Buurthuis De Brug, Utrecht",
        facilitator=trainer,
        nonce="demo-meeting-past",
    )
    present = set(past.seats.order_by("pk").values_list("pk", flat=True)[:4])
    meetings.attendance_record(meeting=past, actor=trainer, present=present)
    meetings.reflection_save(
        meeting=past,
        actor=trainer,
        text="Open gesprek over nee zeggen. Twee mensen willen een vervolg in kleine groep.",
    )
    coming = meetings.meeting_plan(
        actor=trainer,
        organisation=eva.organisation,
        kind="work_meeting",
        title="Werkoverleg",
        starts_at=now + dt.timedelta(days=16),
        ends_at=now + dt.timedelta(days=16, hours=2),
        location="Kantoor, Oudegracht 1",
        facilitator=trainer,
        nonce="demo-meeting-coming",
    )
    meetings.meeting_signup(meeting=coming, actor=eva.user, coming=True)
