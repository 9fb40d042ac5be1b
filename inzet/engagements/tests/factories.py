"""Small factories that build requests in each state through the real services."""

from decimal import Decimal

from django.core.files.base import ContentFile

from inzet.accounts.models import User
from inzet.engagements import services
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import ExpertProfile
from inzet.lib.tests.samples import PDF_BYTES
from inzet.organisations.models import Membership, Role

ACCEPT_ANSWERS = {
    "fits_mission": True,
    "fits_mission_reason": "Past bij onze missie",
    "has_expertise": True,
    "has_expertise_reason": "Wij hebben mensen met deze ervaring",
    "conditions_ok": True,
    "conditions_ok_reason": "Eerlijke vergoeding en twee mensen samen",
    "decision": "accept",
    "message": "",
}

AGREEMENT_DATA = {
    "communication": "Wij mailen elke week.",
    "time_and_pay": "Twee bijeenkomsten van 2 uur.",
    "tasks_and_roles": "Meedenken en meebeslissen.",
    "expectations": "Iedereen komt voorbereid.",
    "participation_needs": "Vervoer wordt geregeld.",
    "safety_net_contact": "Mia Mentor, 06-12345678",
    "meeting_chair": "Gerrit Gespreksleider",
    "hourly_rate": Decimal("50.00"),
    "hours": Decimal("12.0"),
    "vat_rate": Decimal("0"),
    "first_assignment_discount": False,
}


def person(email: str) -> User:
    return User.objects.get(email=email)


def profile_for(user: User, organisation) -> ExpertProfile:
    Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.EXPERT)
    profile, _created = ExpertProfile.objects.get_or_create(user=user, defaults={"organisation": organisation})
    return profile


def draft(orgs, asker: User, *, title: str = "Meedenken over armoedebeleid", **fields) -> EngagementRequest:
    data = {
        "title": title,
        "goal": "Beleid toetsen aan ervaringen van inwoners",
        "deploying_organisation": orgs.deploying,
        "activities": "Twee keer meepraten in een werkgroep",
        "online": False,
        "location": "Stadhuis, Utrecht",
        "experts_needed": 2,
        "amount_offered": Decimal("50.00"),
    }
    data.update(fields)
    return services.request_create(asker_organisation=orgs.asker, actor=asker, data=data)


def with_attachment(request: EngagementRequest, asker: User, name: str = "plan.pdf"):
    return services.attachment_add(engagement=request, actor=asker, upload=ContentFile(PDF_BYTES), original_name=name)


def submitted(orgs, asker: User, **fields) -> EngagementRequest:
    request = draft(orgs, asker, **fields)
    services.request_submit(engagement=request, actor=asker)
    request.refresh_from_db()
    return request


def matching(orgs, asker: User, coordinator: User, **fields) -> EngagementRequest:
    request = submitted(orgs, asker, **fields)
    services.intake_review(engagement=request, actor=coordinator, answers=ACCEPT_ANSWERS)
    request.refresh_from_db()
    return request


def invite(request: EngagementRequest, profile: ExpertProfile, coordinator: User) -> Invitation:
    return services.invitation_create(engagement=request, expert=profile, actor=coordinator)


def accept(invitation: Invitation) -> Invitation:
    return services.invitation_respond(invitation=invitation, actor=invitation.expert.user, accept=True)


def fill_seats(request: EngagementRequest, coordinator: User, profiles: list[ExpertProfile]) -> list[Invitation]:
    return [accept(invite(request, p, coordinator)) for p in profiles]


def with_agreement(request: EngagementRequest, coordinator: User, **changes):
    return services.agreement_save(engagement=request, actor=coordinator, data={**AGREEMENT_DATA, **changes})


def agreed(orgs, asker: User, coordinator: User, profiles: list[ExpertProfile], **fields) -> EngagementRequest:
    request = matching(orgs, asker, coordinator, experts_needed=len(profiles), **fields)
    fill_seats(request, coordinator, profiles)
    with_agreement(request, coordinator)
    services.agreement_accept(engagement=request, actor=asker)
    request.refresh_from_db()
    return request


def running(orgs, asker: User, coordinator: User, profiles: list[ExpertProfile], **fields) -> EngagementRequest:
    request = agreed(orgs, asker, coordinator, profiles, **fields)
    services.request_start(engagement=request, actor=coordinator)
    request.refresh_from_db()
    return request
