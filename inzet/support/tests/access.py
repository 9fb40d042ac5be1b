"""Who may open the support pages. An asker, an operator or an outsider never sees any of it."""

import datetime as dt

from conftest import make_person
from inzet.experts.models import ExpertProfile
from inzet.lib.testing import LOGIN, everyone, only
from inzet.organisations.models import Role
from inzet.support import services


def _profile(o, email: str = "expert@test.nl"):
    from inzet.accounts.models import User

    user = User.objects.get(email=email)
    return ExpertProfile.objects.get_or_create(user=user, organisation=o.deploying)[0]


def _with_profile(o) -> dict:
    _profile(o)
    return {}


def _talk(o) -> dict:
    from inzet.accounts.models import User

    profile = _profile(o)
    trainer = User.objects.get(email="trainer@test.nl")
    talk = services.talk_record(
        actor=trainer,
        expert=profile,
        partner=trainer,
        held_on=dt.date.today(),
        goal="Grenzen aangeven",
        discussed="Geheim",
        nonce="matrix-talk",
    )
    return {"pk": talk.pk}


def _expert_pk(o) -> dict:
    return {"pk": _profile(o).pk}


def _pair(o, p=None) -> dict:
    from inzet.accounts.models import User

    fellow = make_person("fellow@test.nl", "Fien Fellow", [(o.deploying, Role.EXPERT)])
    other = ExpertProfile.objects.create(user=fellow, organisation=o.deploying)
    coordinator = User.objects.get(email="coordinator@test.nl")
    pair = services.buddy_propose(actor=coordinator, first=_profile(o), second=other)
    return {"pk": pair.pk}


def _meeting(o, p=None, *, days: int = 7) -> dict:
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.support import meetings

    _profile(o)
    trainer = User.objects.get(email="trainer@test.nl")
    start = timezone.now() + dt.timedelta(days=days)
    meeting = meetings.meeting_plan(
        actor=trainer,
        organisation=o.deploying,
        kind="intervision",
        title="Intervisie maart",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        facilitator=trainer,
        nonce=f"matrix-meeting-{days}",
    )
    return {"pk": meeting.pk}


def _plan(o, p=None, *, shared: bool = True) -> dict:
    """The expert's plan, shared with coordinators only (trainers were not chosen)."""
    from inzet.support import growth

    profile = _profile(o)
    plan = growth.plan_start(actor=profile.user, expert=profile)
    growth.plan_update(plan=plan, actor=profile.user, dreams="Betaald werk", shared_with_coordinators=shared)
    return {"pk": plan.pk}


def _goal(o, p=None) -> dict:
    from inzet.support import growth
    from inzet.support.models import GrowthPlan

    plan = GrowthPlan.objects.get(pk=_plan(o)["pk"])
    goal = growth.goal_add(plan=plan, actor=plan.expert.user, title="Cursus volgen", nonce="matrix-goal")
    return {"pk": goal.pk}


def _template(o, p=None) -> dict:
    from inzet.accounts.models import User
    from inzet.support import growth

    coordinator = User.objects.get(email="coordinator@test.nl")
    template = growth.template_save(
        actor=coordinator,
        organisation=o.deploying,
        name="Start",
        goals=[growth.GoalLine("Kennismaken", "get", 30)],
        nonce="matrix-template",
    )
    return {"pk": template.pk}


def _group(o, p=None) -> dict:
    """A regional group organised by the deploying organisation, facilitated by its trainer."""
    from inzet.accounts.models import User
    from inzet.support import intervision

    _profile(o)
    trainer = User.objects.get(email="trainer@test.nl")
    group = intervision.group_create(
        actor=trainer,
        host=o.deploying,
        name="Intervisie regio Utrecht",
        region="Utrecht",
        facilitator=trainer,
        nonce="matrix-group",
    )
    return {"pk": group.pk}


NOBODY_ELSE = {"operator": 404, "asker": 404, "other_asker": 404, "outsider": 404}
EXPERT_PAGE = {**NOBODY_ELSE, "expert": 200, "coordinator": 403, "other_coordinator": 403, "trainer": 403}
STAFF_PAGE = {**NOBODY_ELSE, "expert": 404, "coordinator": 200, "other_coordinator": 200, "trainer": 200}
COORDINATOR_PAGE = {**STAFF_PAGE, "trainer": 404}

MEETING = only({"expert": 200, "coordinator": 200, "trainer": 200}, 404)

# The plan is the expert's; the coordinator reads it because it is shared, the trainer not.
PLAN_READ = only({"expert": 200, "coordinator": 200}, 404)
PLAN_OWNER = only({"expert": 200, "coordinator": 403}, 404)

GROUP_SEEN = only({"expert": 200, "coordinator": 200, "other_coordinator": 200, "trainer": 200}, 404)
GROUP_STAFF_ONLY = only({"expert": 403, "coordinator": 403, "other_coordinator": 403, "trainer": 403}, 404)

MATRIX = {
    "support:intervision_list": (_with_profile, {**STAFF_PAGE, "expert": 200}, LOGIN),
    "support:intervision_new": (None, STAFF_PAGE, LOGIN),
    # Staff of every deploying organisation see the regional offer; experts once their organisation takes part.
    "support:intervision_detail": (_group, GROUP_SEEN, LOGIN),
    "support:intervision_take_part": (_group, everyone(405), LOGIN),
    "support:intervision_member": (_group, everyone(405), LOGIN),
    # The facilitator (trainer) and coordinators of the organising organisation plan sessions.
    "support:intervision_session_new": (_group, GROUP_STAFF_ONLY | {"coordinator": 200, "trainer": 200}, LOGIN),
    "support:plan_mine": (_with_profile, EXPERT_PAGE, LOGIN),
    "support:plan_start": (_with_profile, everyone(405), LOGIN),
    "support:plan_detail": (_plan, PLAN_READ, LOGIN),
    "support:plan_edit": (_plan, PLAN_OWNER, LOGIN),
    "support:goal_new": (_plan, PLAN_OWNER, LOGIN),
    "support:goal_edit": (_goal, only({"expert": 200}, 404), LOGIN),
    "support:plan_review": (_plan, PLAN_READ, LOGIN),
    "support:plan_team": (None, STAFF_PAGE, LOGIN),
    "support:template_list": (None, COORDINATOR_PAGE, LOGIN),
    "support:template_new": (None, COORDINATOR_PAGE, LOGIN),
    "support:template_edit": (_template, only({"coordinator": 200}, 404), LOGIN),
    "support:meeting_list": (_with_profile, {**STAFF_PAGE, "expert": 200}, LOGIN),
    "support:meeting_new": (None, STAFF_PAGE, LOGIN),
    "support:meeting_detail": (_meeting, MEETING, LOGIN),
    "support:meeting_ics": (_meeting, MEETING, LOGIN),
    "support:meeting_signup": (_meeting, everyone(405), LOGIN),
    "support:meeting_attendance": (_meeting, everyone(405), LOGIN),
    "support:meeting_reflection": (_meeting, everyone(405), LOGIN),
    "support:mine": (_with_profile, EXPERT_PAGE, LOGIN),
    "support:checkin": (_with_profile, EXPERT_PAGE, LOGIN),
    "support:team": (None, STAFF_PAGE, LOGIN),
    "support:talk_new": (_with_profile, {**STAFF_PAGE, "expert": 200}, LOGIN),
    "support:talk_detail": (_talk, only({"expert": 200, "trainer": 200, "coordinator": 200}, 404), LOGIN),
    "support:talk_share": (_talk, everyone(405), LOGIN),
    "support:early_conversation": (_expert_pk, only({"coordinator": 200}, 404), LOGIN),
    "support:buddy_propose": (None, COORDINATOR_PAGE, LOGIN),
    "support:buddy_answer": (_pair, everyone(405), LOGIN),
    "support:buddy_end": (_pair, everyone(405), LOGIN),
}

POST_MATRIX = {
    # Without an organisation of one's own to choose: refused for everyone who sees the group.
    "support:intervision_take_part": (_group, GROUP_STAFF_ONLY),
    # An empty form means "leave": only an expert can; staff have no membership of their own.
    "support:intervision_member": (_group, GROUP_STAFF_ONLY | {"expert": 302}),
    "support:intervision_session_new": (_group, GROUP_STAFF_ONLY | {"coordinator": 200, "trainer": 200}),
    # Only the expert starts a plan (without a template: an empty one).
    "support:plan_start": (lambda o, p: _with_profile(o), EXPERT_PAGE | {"expert": 302}),
    # Empty forms come back with their errors (200) for those allowed; the rest never see it.
    "support:plan_edit": (lambda o, p: _plan(o), PLAN_OWNER | {"expert": 302}),
    "support:goal_new": (lambda o, p: _plan(o), PLAN_OWNER),
    "support:goal_edit": (_goal, only({"expert": 200}, 404)),
    "support:plan_review": (lambda o, p: _plan(o), PLAN_READ),
    "support:template_new": (lambda o, p: {}, COORDINATOR_PAGE),
    "support:template_edit": (_template, only({"coordinator": 200}, 404)),
    # Only an invited expert signs up; staff see the meeting but have no seat.
    "support:meeting_signup": (_meeting, only({"expert": 302, "coordinator": 403, "trainer": 403}, 404)),
    # After the start: the facilitator (the trainer here) or a coordinator marks who was there.
    "support:meeting_attendance": (
        lambda o, p: _meeting(o, days=-1),
        only({"expert": 403, "coordinator": 302, "trainer": 302}, 404),
    ),
    # Only the facilitator writes the reflection (an empty one comes back with a message).
    "support:meeting_reflection": (_meeting, only({"expert": 403, "coordinator": 403, "trainer": 302}, 404)),
    # The partner and the coordinator may read the talk but only the expert decides about sharing.
    "support:talk_share": (
        lambda o, p: _talk(o),
        only({"expert": 302, "trainer": 403, "coordinator": 403}, 404),
    ),
    "support:buddy_answer": (_pair, only({"expert": 302}, 404)),
    "support:buddy_end": (_pair, only({"expert": 302}, 404)),
    # An empty form comes back with its errors for the coordinator; nobody else may see it.
    "support:early_conversation": (lambda o, p: _expert_pk(o), only({"coordinator": 200}, 404)),
    "support:checkin": (lambda o, p: _with_profile(o), {**EXPERT_PAGE, "expert": 200}),
}
