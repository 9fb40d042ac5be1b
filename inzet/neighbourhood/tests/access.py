"""Who may open the neighbourhood pages: only the members of the team (the expert and the
coordinator personas are made members below). Everyone else gets 404, the operator too."""

import uuid

from inzet.accounts.models import User
from inzet.lib.testing import LOGIN, everyone, only
from inzet.neighbourhood import services
from inzet.neighbourhood.models import Referral, Team, TeamMember, Trajectory


def team_for(o) -> Team:
    team = Team.objects.filter(name="Wijkteam Noord").first()
    if team:
        return team
    team = services.team_create(organisation=o.deploying, name="Wijkteam Noord", area="Noord")
    services.team_member_add(team=team, user=User.objects.get(email="expert@test.nl"))
    services.team_member_add(
        team=team, user=User.objects.get(email="coordinator@test.nl"), role=TeamMember.Role.COORDINATOR
    )
    return team


def _team(o, p=None) -> dict:
    return {"pk": team_for(o).pk}


def _trajectory(o, p=None) -> dict:
    team = team_for(o)
    trajectory, _created = services.first_contact_register(
        team=team,
        by=User.objects.get(email="expert@test.nl"),
        request_key=uuid.UUID(int=1),
        channel="drop_in",
        question="Ik wil weer naar buiten",
    )
    return {"pk": trajectory.pk}


def _review(o, p=None) -> dict:
    return {**_trajectory(o), "months": 3}


def _reviewed(o, p=None) -> dict:
    kwargs = _review(o)
    services.review_save(
        trajectory=Trajectory.objects.get(pk=kwargs["pk"]),
        months=3,
        by=User.objects.get(email="expert@test.nl"),
        rows={"free_time": ("thuis", "zwemt", 7, "gaat goed")},
    )
    return kwargs


def _consent(o, p=None) -> dict:
    kwargs = _trajectory(o)
    trajectory = Trajectory.objects.get(pk=kwargs["pk"])
    partner, _created = services.partner_add(team=trajectory.team, name="Huisartsenpraktijk Noord", kind="gp")
    consent, _created = services.consent_record(
        trajectory=trajectory,
        partner=partner,
        by=User.objects.get(email="expert@test.nl"),
        request_key=uuid.UUID(int=2),
        purpose="Terugkoppeling aan de huisarts",
    )
    return {**kwargs, "consent_pk": consent.pk}


def _referral(o, p=None) -> Referral:
    referral, _created = services.referral_submit(
        team=team_for(o),
        request_key=uuid.UUID(int=3),
        partner_name="Wijkverpleging Noord",
        partner_kind="district_nursing",
        resident_reach="06-1234",
        resident_consents=True,
    )
    return referral


def _referral_status(o, p=None) -> dict:
    return {"token": _referral(o).status_token}


def _referral_pk(o, p=None) -> dict:
    return {"pk": _referral(o).pk}


def _closed(o, p=None) -> dict:
    kwargs = _trajectory(o)
    services.closure_save(trajectory=Trajectory.objects.get(pk=kwargs["pk"]), fields={"felt_heard": True}, actions={})
    return kwargs


def _case_meeting(o, p=None) -> dict:
    import datetime

    from django.utils import timezone

    from inzet.neighbourhood import casework

    trajectory = Trajectory.objects.get(pk=_trajectory(o)["pk"])
    meeting, _created = casework.case_meeting_plan(
        trajectory=trajectory,
        by=User.objects.get(email="expert@test.nl"),
        request_key=uuid.UUID(int=4),
        planned_for=timezone.now() + datetime.timedelta(days=3),
        participants=[User.objects.get(email="coordinator@test.nl")],
    )
    return {"pk": meeting.pk}


def _expert_member(o, p=None) -> dict:
    member = TeamMember.objects.get(team=team_for(o), user__email="expert@test.nl")
    return {"pk": member.pk}


def _action(o, p=None) -> dict:
    from inzet.neighbourhood import casework

    meeting = casework.CaseMeeting.objects.get(pk=_case_meeting(o)["pk"])
    action, _created = casework.action_add(
        trajectory=meeting.trajectory,
        meeting=meeting,
        request_key=uuid.UUID(int=5),
        what="Belt de huisarts",
        owner=User.objects.get(email="expert@test.nl"),
    )
    return {"pk": action.pk}


MEMBERS = only({"expert": 200, "coordinator": 200}, 404)

MATRIX = {
    "neighbourhood:home": (None, everyone(200), LOGIN),
    "neighbourhood:team": (_team, MEMBERS, LOGIN),
    "neighbourhood:contact_new": (_team, MEMBERS, LOGIN),
    "neighbourhood:trajectory": (_trajectory, MEMBERS, LOGIN),
    "neighbourhood:form1": (_trajectory, MEMBERS, LOGIN),
    "neighbourhood:contact_add": (_trajectory, everyone(405), LOGIN),  # POST: below
    "neighbourhood:closure": (_trajectory, MEMBERS, LOGIN),
    "neighbourhood:review": (_review, MEMBERS, LOGIN),
    "neighbourhood:consents": (_trajectory, MEMBERS, LOGIN),
    "neighbourhood:consent_revoke": (_consent, everyone(405), LOGIN),  # POST: below
    "neighbourhood:partner_message": (_trajectory, everyone(405), LOGIN),  # POST: below
    "neighbourhood:partners": (_team, MEMBERS, LOGIN),
    # Public: partners refer without an account; the status page shows only the status.
    "neighbourhood:referral_new": (_team, everyone(200), 200),
    "neighbourhood:referral_status": (_referral_status, everyone(200), 200),
    "neighbourhood:referral_queue": (_team, MEMBERS, LOGIN),
    "neighbourhood:drop_in": (_team, everyone(200), 200),  # public
    "neighbourhood:drop_in_ics": (_team, everyone(200), 200),  # public
    "neighbourhood:drop_in_manage": (_team, MEMBERS, LOGIN),
    "neighbourhood:referral_take_on": (_referral_pk, everyone(405), LOGIN),  # POST: below
    "neighbourhood:referral_decline": (_referral_pk, everyone(405), LOGIN),  # POST: below
    "neighbourhood:review_pdf": (_reviewed, MEMBERS, LOGIN),
    "neighbourhood:closure_pdf": (_closed, MEMBERS, LOGIN),
    "neighbourhood:case_meetings": (_trajectory, MEMBERS, LOGIN),
    # Only its participants (here both personas; test_case_meetings covers a member who is not one).
    "neighbourhood:case_meeting": (_case_meeting, MEMBERS, LOGIN),
    "neighbourhood:case_meeting_action": (_case_meeting, everyone(405), LOGIN),  # POST: below
    "neighbourhood:klik": (_trajectory, MEMBERS, LOGIN),
    "neighbourhood:klik_agree": (_trajectory, everyone(405), LOGIN),  # POST: below
    "neighbourhood:caseload": (None, everyone(200), LOGIN),
    # The expert themselves and their coordinator; other team members 403 (test_teamwork), the rest 404.
    "neighbourhood:member_klik": (_expert_member, MEMBERS, LOGIN),
    "neighbourhood:action_done": (_action, everyone(405), LOGIN),  # POST: below
    "neighbourhood:group_activities": (_team, MEMBERS, LOGIN),  # empty for non-members
    # The team's coordinator only; its experts 403, everyone else 404.
    "neighbourhood:team_overview": (_team, only({"coordinator": 200, "expert": 403}, 404), LOGIN),
}

POST_MATRIX = {
    # An empty form is refused with a message (200) for members; nobody else gets in.
    "neighbourhood:contact_new": (_team, MEMBERS),
    "neighbourhood:form1": (_trajectory, only({"expert": 302, "coordinator": 302}, 404)),
    # An empty contact is refused with Dutch messages on the page (200); nobody else gets in.
    "neighbourhood:contact_add": (_trajectory, MEMBERS),
    "neighbourhood:closure": (_trajectory, only({"expert": 302, "coordinator": 302}, 404)),
    "neighbourhood:review": (_review, only({"expert": 302, "coordinator": 302}, 404)),
    # Empty forms are refused with Dutch messages on the page (200); nobody else gets in.
    "neighbourhood:consents": (_trajectory, MEMBERS),
    "neighbourhood:partner_message": (_trajectory, MEMBERS),
    "neighbourhood:partners": (_team, MEMBERS),
    "neighbourhood:drop_in_manage": (_team, MEMBERS),
    "neighbourhood:consent_revoke": (_consent, only({"expert": 302, "coordinator": 302}, 404)),
    # Declining without a reason is refused with a message (redirect back); taking on opens the trajectory.
    "neighbourhood:referral_decline": (_referral_pk, only({"expert": 302, "coordinator": 302}, 404)),
    "neighbourhood:referral_take_on": (_referral_pk, only({"expert": 302, "coordinator": 302}, 404)),
    # An empty plan is refused with Dutch messages (400); nobody outside the team gets in.
    "neighbourhood:case_meetings": (_trajectory, only({"expert": 400, "coordinator": 400}, 404)),
    "neighbourhood:case_meeting": (_case_meeting, only({"expert": 302, "coordinator": 302}, 404)),
    "neighbourhood:case_meeting_action": (_case_meeting, only({"expert": 302, "coordinator": 302}, 404)),
    "neighbourhood:klik": (_trajectory, only({"expert": 302, "coordinator": 302}, 404)),
    "neighbourhood:klik_agree": (_trajectory, only({"expert": 302, "coordinator": 302}, 404)),
    # An empty form is valid (every field optional): saved, redirect.
    "neighbourhood:member_klik": (_expert_member, only({"expert": 302, "coordinator": 302}, 404)),
    # The owner (expert) and the meeting's participants (both personas) mark it done.
    "neighbourhood:action_done": (_action, only({"expert": 302, "coordinator": 302}, 404)),
    # An empty activity is refused with Dutch messages (400); nobody outside the team gets in.
    "neighbourhood:group_activities": (_team, only({"expert": 400, "coordinator": 400}, 404)),
}
