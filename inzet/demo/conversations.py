"""Demo conversations: a few believable Dutch messages on the demo requests (no e-mail is sent)."""

import uuid

from django.core.files.base import ContentFile

from inzet.conversations import services
from inzet.conversations.models import Message
from inzet.conversations.permissions import ConversationAccess
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.lib.mail import notifications_off
from inzet.lib.tests.samples import PDF_BYTES
from inzet.organisations.models import Role


def _first_member(organisation, role):
    membership = organisation.memberships.filter(role=role, is_active=True).select_related("user").first()
    return membership.user if membership else None


def load_conversations_demo() -> None:
    if Message.objects.exists():
        return
    request = (
        EngagementRequest.objects.filter(status__in=[RequestStatus.MATCHING, RequestStatus.RUNNING])
        .select_related("asker_organisation", "deploying_organisation", "created_by")
        .order_by("pk")
        .first()
    )
    if request is None:
        return
    coordinator = _first_member(request.deploying_organisation, Role.COORDINATOR)
    if coordinator is None:
        return
    shared = ConversationAccess(request=request, invitation=None, can_write=True)
    with notifications_off():
        services.message_post(
            access=shared,
            actor=request.created_by,
            body="Goedemiddag, wij willen graag dat de ervaringsdeskundigen de conceptnota vooraf kunnen lezen. "
            "Ik stuur hem mee. Is dat handig?",
            nonce=uuid.uuid4().hex,
            files=[ContentFile(PDF_BYTES, name="conceptnota-armoedebeleid.pdf")],
        )
        services.message_post(
            access=shared,
            actor=coordinator,
            body="Dank u wel, dat is fijn. We sturen de nota door zodra het team compleet is. "
            "Kunnen we de eerste bijeenkomst op het stadhuis houden, met een rustige ruimte erbij?",
            nonce=uuid.uuid4().hex,
        )
        invitation = request.invitations.filter(state__in=[Invitation.State.PENDING, Invitation.State.ACCEPTED]).first()
        if invitation is not None:
            private = ConversationAccess(request=request, invitation=invitation, can_write=True)
            services.message_post(
                access=private,
                actor=invitation.expert.user,
                body="Ik wil graag meedoen, maar ik kan alleen op dinsdag en donderdag. Kan ik samen met iemand gaan?",
                nonce=uuid.uuid4().hex,
            )
            services.message_post(
                access=private,
                actor=coordinator,
                body="Dat kan zeker. Ik vraag of je samen met een collega kunt gaan. Bel me gerust als je vragen hebt.",
                nonce=uuid.uuid4().hex,
            )
