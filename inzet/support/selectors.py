"""Reads that the pages, the API and the home page share. Bounded queries whatever the data size."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles
from inzet.engagements.models import Invitation
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.next_step import NextStep, counted
from inzet.organisations.models import Role
from inzet.support import rules
from inzet.support.models import BuddyPair, CheckIn, EarlyConversation, GrowthPlan, MentorTalk
from inzet.support.permissions import coordinator_org_ids, staff_org_ids, visible_talks_q


@dataclass
class ExpertRow:
    profile: ExpertProfile
    last_talk: object
    due_on: object
    overdue: bool


def _rows(profiles: Iterable[ExpertProfile]) -> list[ExpertRow]:
    today = timezone.localdate()
    rows = []
    for p in profiles:
        since = timezone.localdate(p.created_at)
        # A paused expert is not overdue: a pause is normal and asks nothing of anyone.
        # Every caller annotates last_talk=Max("mentor_talks__held_on"). Typing that with django-stubs'
        # WithAnnotations[ExpertProfile, TypedDict] crashes mypy 2.4 (Annotated takes one argument).
        last_talk: dt.date | None = p.last_talk  # type: ignore[attr-defined]
        overdue = not p.paused and rules.talk_overdue(last_talk=last_talk, since=since, today=today)
        rows.append(ExpertRow(p, last_talk, rules.talk_due_on(last_talk=last_talk, since=since), overdue))
    return rows


def team_experts(user: User) -> list[ExpertRow]:
    """Active experts of the person's organisations (coordinator or trainer), overdue first."""
    profiles = (
        ExpertProfile.objects.filter(organisation_id__in=staff_org_ids(user), status=ExpertStatus.ACTIVE)
        .exclude(user=user)
        .annotate(last_talk=Max("mentor_talks__held_on"))
        .select_related("user", "organisation")
        .order_by("user__full_name")
    )
    return sorted(_rows(profiles), key=lambda r: (not r.overdue, r.profile.user.full_name))


def overdue_count(org_ids: Iterable[int]) -> int:
    profiles = ExpertProfile.objects.filter(
        organisation_id__in=org_ids, status=ExpertStatus.ACTIVE, paused=False
    ).annotate(last_talk=Max("mentor_talks__held_on"))
    return sum(1 for r in _rows(profiles.only("pk", "created_at", "paused")) if r.overdue)


def talks_for(user: User) -> QuerySet:
    return MentorTalk.objects.filter(visible_talks_q(user)).select_related("expert__user", "partner").distinct()


def open_low_checkins(user: User) -> QuerySet:
    """Low check-ins not yet answered by an early conversation, for the person's coordinated organisations."""
    return (
        CheckIn.objects.filter(
            organisation_id__in=coordinator_org_ids(user), score__lte=rules.LOW_SCORE, handled_at__isnull=True
        )
        .exclude(expert__user=user)
        .select_related("expert__user")
        .order_by("-created_at")
    )


def assignments_of(profile: ExpertProfile) -> QuerySet:
    """The expert's accepted assignments, newest first: a check-in can be about one of them."""
    from inzet.engagements.models import Invitation

    return (
        Invitation.objects.filter(expert=profile, state=Invitation.State.ACCEPTED)
        .select_related("request")
        .order_by("-responded_at", "-pk")
    )


def pairs_of(profile: ExpertProfile) -> QuerySet:
    return (
        BuddyPair.objects.filter(Q(first=profile) | Q(second=profile))
        .select_related("first__user", "second__user")
        .order_by("-created_at")
    )


def team_pairs(user: User) -> QuerySet:
    return (
        BuddyPair.objects.filter(
            organisation_id__in=coordinator_org_ids(user),
            state__in=(BuddyPair.State.PROPOSED, BuddyPair.State.ACTIVE),
        )
        .select_related("first__user", "second__user")
        .order_by("-created_at")
    )


def buddy_view(pair: BuddyPair, profile: ExpertProfile) -> dict:
    """The pair as one member sees it: the other person and only what they chose to share."""
    side = pair.side_of(profile.pk)
    other_side = "second" if side == "first" else "first"
    other = getattr(pair, other_side)
    active = pair.state == BuddyPair.State.ACTIVE
    return {
        "pair": pair,
        "other_name": other.user.full_name,
        "i_accepted": getattr(pair, f"{side}_accepted_at") is not None,
        "phone": other.phone if active and getattr(pair, f"{other_side}_shares_phone") else "",
        "email": other.user.email if active and getattr(pair, f"{other_side}_shares_email") else "",
        "my_phone": getattr(pair, f"{side}_shares_phone"),
        "my_email": getattr(pair, f"{side}_shares_email"),
    }


# --- after a heavy assignment -------------------------------------------------------------------------


def heavy_follow_ups(
    *, org_ids: Iterable[int] | None = None, profile: ExpertProfile | None = None, for_expert: bool = False
) -> list[Invitation]:
    """Accepted heavy assignments that ended in the last 30 days and still ask for a talk.

    For coordinators (`org_ids`): until the expert says it goes well about that assignment or a
    talk was recorded since. For the expert (`profile`, `for_expert`): until they checked in about
    it at all. One query whatever the number; the words of a check-in are never read here.
    """
    today = timezone.localdate()
    found = (
        Invitation.objects.filter(state=Invitation.State.ACCEPTED, request__is_heavy=True)
        .annotate(ended_on=Coalesce("request__end_date", "request__start_date"))
        .filter(ended_on__lte=today, ended_on__gte=today - dt.timedelta(days=rules.HEAVY_FOLLOW_UP_DAYS))
    )
    if org_ids is not None:
        found = found.filter(expert__organisation_id__in=org_ids)
    if profile is not None:
        found = found.filter(expert=profile)
    found = found.annotate(
        checked_in=Exists(CheckIn.objects.filter(invitation=OuterRef("pk"))),
        checked_in_well=Exists(CheckIn.objects.filter(invitation=OuterRef("pk"), score__gt=rules.LOW_SCORE)),
        talked_early=Exists(
            EarlyConversation.objects.filter(expert=OuterRef("expert"), held_on__gte=OuterRef("ended_on"))
        ),
        talked_mentor=Exists(MentorTalk.objects.filter(expert=OuterRef("expert"), held_on__gte=OuterRef("ended_on"))),
    ).select_related("request__agreement", "expert__user")
    return [
        inv
        for inv in found.order_by("-ended_on", "pk")[:100]
        if rules.heavy_follow_up_open(
            ended_on=inv.ended_on,
            today=today,
            checked_in_well=inv.checked_in if for_expert else inv.checked_in_well,
            talked_since=inv.talked_early or inv.talked_mentor,
        )
    ]


def safety_net(invitation: Invitation) -> str:
    """Who the expert can call after this assignment, as the agreement names it ('' when none)."""
    # A missing agreement raises RelatedObjectDoesNotExist, an AttributeError: getattr's default.
    agreement = getattr(invitation.request, "agreement", None)
    return agreement.safety_net_contact if agreement is not None else ""


# --- the home page ----------------------------------------------------------------------------------


def next_steps_for(user: User, roles: Roles, role: str | None = None) -> list:
    """Due and overdue talks, check-in prompts and buddy proposals (inzet.dashboard.next_steps.NextStep)."""
    steps = []
    if role in (Role.COORDINATOR, Role.TRAINER) and roles.has(role):
        count = overdue_count(roles.organisation_ids(role))
        steps += counted(
            count,
            title=_("Mentorgesprekken"),
            text=ngettext_lazy(
                "%(count)s ervaringsdeskundige wacht langer dan een maand op een mentorgesprek.",
                "%(count)s ervaringsdeskundigen wachten langer dan een maand op een mentorgesprek.",
                "count",
            ),
            url=reverse("support:team"),
            link_text=_("Gesprekken plannen"),
        )
    if role == Role.COORDINATOR and roles.has(role):
        low = open_low_checkins(user).count()
        steps += counted(
            low,
            title=_("Bied een gesprek aan"),
            text=ngettext_lazy(
                "%(count)s ervaringsdeskundige gaf aan dat het niet goed gaat.",
                "%(count)s ervaringsdeskundigen gaven aan dat het niet goed gaat.",
                "count",
            ),
            url=reverse("support:team") + "#check-ins",
            link_text=_("Bied een gesprek aan"),
        )
        heavy = len(heavy_follow_ups(org_ids=roles.organisation_ids(Role.COORDINATOR)))
        steps += counted(
            heavy,
            title=_("Na een zware opdracht"),
            text=ngettext_lazy(
                "%(count)s ervaringsdeskundige deed kort geleden een zware opdracht. Bied een gesprek aan.",
                "%(count)s ervaringsdeskundigen deden kort geleden een zware opdracht. Bied een gesprek aan.",
                "count",
            ),
            url=reverse("support:team") + "#zwaar",
            link_text=_("Bied een gesprek aan"),
        )
    if role == Role.EXPERT and roles.has(role):
        steps += _expert_steps(user)
    return steps


def _expert_steps(user: User) -> list[NextStep]:
    profile = ExpertProfile.objects.filter(user=user).annotate(last_talk=Max("mentor_talks__held_on")).first()
    if profile is None:
        return []
    steps = [
        NextStep(
            title=_("Hoe gaat het met u?"),
            text=_("Zeg in één klik hoe het gaat. Alleen u ziet wat u schrijft, tenzij u het deelt."),
            url=reverse("support:checkin"),
            link_text=_("Hoe gaat het?"),
        )
    ]
    proposals = BuddyPair.objects.filter(
        Q(first=profile, first_accepted_at__isnull=True) | Q(second=profile, second_accepted_at__isnull=True),
        state=BuddyPair.State.PROPOSED,
    ).count()
    if proposals:
        steps.append(
            NextStep(
                title=_("Voorstel: een buddy"),
                text=_("Uw coördinator stelt een buddy voor. U kiest zelf of u dat wilt."),
                url=reverse("support:mine") + "#buddy",
                link_text=_("Voorstel bekijken"),
            )
        )
    for invitation in heavy_follow_ups(profile=profile, for_expert=True)[:3]:
        contact = safety_net(invitation)
        text = _("U deed de zware opdracht ‘%(title)s’. Hoe gaat het nu?") % {"title": invitation.request.title}
        if contact:
            text += " " + _("U kunt ook bellen met uw vangnet: %(contact)s.") % {"contact": contact}
        steps.append(
            NextStep(
                title=_("Na een zware opdracht"),
                text=text,
                url=reverse("support:checkin") + f"?opdracht={invitation.pk}",
                link_text=_("Zeg hoe het gaat"),
            )
        )
    plan = GrowthPlan.objects.filter(expert=profile).only("pk", "next_review_on").first()
    if plan is not None and rules.review_due(next_review_on=plan.next_review_on, today=timezone.localdate()):
        steps.append(
            NextStep(
                title=_("Groeiplan bespreken"),
                text=_("Het is bijna tijd om uw groeiplan te bespreken. Kijk vooraf wat u wilt bespreken."),
                url=reverse("support:plan_detail", args=[plan.pk]),
                link_text=_("Mijn groeiplan"),
            )
        )
    row = _rows([profile])[0]
    if row.overdue and profile.status == ExpertStatus.ACTIVE:
        steps.append(
            NextStep(
                title=_("Mentorgesprek"),
                text=_("Uw laatste mentorgesprek is meer dan een maand geleden. Maak een afspraak."),
                url=reverse("support:mine"),
                link_text=_("Mijn steun"),
            )
        )
    return steps
