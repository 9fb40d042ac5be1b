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
        _growth(eva, coordinator, trainer)
        _regional(eva, trainer)


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


def _growth(eva, coordinator, trainer) -> None:
    """A template of the organisation and Eva's plan from it, shared with her mentor, reviewed once."""
    from inzet.support import growth
    from inzet.support.models import GoalKind, GoalStatus, MentorTalk

    template = growth.template_save(
        actor=coordinator,
        organisation=eva.organisation,
        name="Groeiplan eerste jaar",
        description="Voor nieuwe ervaringsdeskundigen. Pas de doelen aan zoals het bij u past.",
        review_after_days=90,
        goals=[
            growth.GoalLine("Training 'Je eigen verhaal vertellen' volgen", GoalKind.TRAINING, 60),
            growth.GoalLine("Twee opdrachten samen met een collega doen", GoalKind.GIVE, 120),
            growth.GoalLine("Verkennen of betaald werk bij mij past", GoalKind.PAID_WORK, 270),
        ],
        nonce="demo-template",
    )
    plan = growth.plan_start(actor=eva.user, expert=eva, template=template, today=_ago(100))
    growth.plan_update(
        plan=plan,
        actor=eva.user,
        want_to_get="Zekerheid dat ik mijn verhaal goed kan vertellen.",
        want_to_give="Hoop voor mensen die nu zitten waar ik zat.",
        dreams="Ooit betaald werk als ervaringswerker in de wijk.",
        needs="Een vaste mentor en een rustige start.",
        next_review_on=timezone.localdate() + dt.timedelta(days=5),
        shared_with_mentors=True,
    )
    first = plan.goals.order_by("position").first()
    growth.goal_update(
        goal=first,
        actor=eva.user,
        title=first.title,
        kind=first.kind,
        target_on=first.target_on,
        status=GoalStatus.DONE,
        actions="Ingeschreven voor de voorjaarsgroep.",
    )
    growth.review_record(
        plan=plan,
        actor=trainer,
        reviewed_on=_ago(10),
        talk=MentorTalk.objects.get(nonce="demo-talk-eva"),
        notes="Training gehaald. Volgende stap: een opdracht samen met een collega.",
        next_review_on=timezone.localdate() + dt.timedelta(days=5),
        nonce="demo-review-eva",
    )


def _regional(eva, trainer) -> None:
    """A regional intervisie group of both demo organisations with a coming session."""
    from inzet.organisations.models import Organisation
    from inzet.support import intervision

    other = Organisation.objects.filter(slug="herstelcentrum-de-brug").first()
    other_coordinator = User.objects.filter(email="coordinator2@example.org").first()
    group = intervision.group_create(
        actor=trainer,
        host=eva.organisation,
        name="Intervisie regio Utrecht",
        region="Utrecht en Amersfoort",
        description="Eens per zes weken, met ervaringsdeskundigen van verschillende organisaties.",
        facilitator=trainer,
        nonce="demo-group",
    )
    intervision.member_set(actor=eva.user, group=group, join=True, name_visible=True)
    if other is not None and other_coordinator is not None:
        intervision.organisation_take_part(actor=other_coordinator, group=group, organisation=other, on=True)
        for profile in ExpertProfile.objects.filter(organisation=other, status=ExpertStatus.ACTIVE, paused=False)[:2]:
            intervision.member_set(actor=profile.user, group=group, join=True)
    start = (timezone.now() + dt.timedelta(days=20)).replace(hour=14, minute=0, second=0, microsecond=0)
    meeting = intervision.session_plan(
        actor=trainer,
        group=group,
        title="Intervisie regio: zorgen voor jezelf",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        location="Bibliotheek Amersfoort",
        nonce="demo-group-session",
    )
    from inzet.support import meetings

    meetings.meeting_signup(meeting=meeting, actor=eva.user, coming=True)
