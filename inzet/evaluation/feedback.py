"""Closing a request both ways (#14 item 1): services and selectors of the feedback.

Only when the installation's "reviews" switch is on (PolicySettings.reviews). The asker answers once
per request, each expert who took part once. Nothing is shown before a coordinator of the deploying
organisation approved it (editing the remarks if needed) or refused it; words of the operator's list
are flagged for that check. The asker's follow-up then goes to the experts. Approved answers feed
the matching criterion "Eerdere feedback" within the deploying organisation (see apps.py).
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.permissions import get_roles
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.evaluation.feedback_rules import feedback_score, flagged_words
from inzet.evaluation.models import AskerFeedback, ExpertFeedback, Moderation, StigmaWord
from inzet.experts.models import ExpertProfile
from inzet.lib.mail import notify
from inzet.organisations.models import PolicySettings, Role


def reviews_on() -> bool:
    return PolicySettings.current().reviews


# --- who may do what ---------------------------------------------------------------------------


@dataclass
class Parties:
    request: EngagementRequest
    is_asker: bool
    expert: ExpertProfile | None  # the viewer's profile if they took part
    is_coordinator: bool


def _accepted_experts(request: EngagementRequest):
    return ExpertProfile.objects.filter(
        invitations__request=request, invitations__state=Invitation.State.ACCEPTED
    ).select_related("user")


def parties(user, request_pk: int) -> Parties:
    """The viewer's part in a completed request. 404 when the switch is off or it is not theirs; 403 for other roles."""
    roles = get_roles(user)
    if not roles.has(Role.ASKER, Role.EXPERT, Role.COORDINATOR):
        raise PermissionDenied
    if not reviews_on():
        raise Http404
    request = (
        EngagementRequest.objects.filter(pk=request_pk, status=RequestStatus.COMPLETED)
        .select_related("asker_organisation", "deploying_organisation")
        .first()
    )
    if request is None:
        raise Http404
    is_asker = request.asker_organisation_id in roles.organisation_ids(Role.ASKER)
    is_coordinator = request.deploying_organisation_id in roles.organisation_ids(Role.COORDINATOR)
    expert = _accepted_experts(request).filter(user=user).first()
    if not (is_asker or is_coordinator or expert):
        raise Http404
    return Parties(request, is_asker, expert, is_coordinator)


def requests_for(user):
    """Completed requests the viewer can give or read feedback on (bounded list, one query)."""
    roles = get_roles(user)
    return (
        EngagementRequest.objects.filter(status=RequestStatus.COMPLETED)
        .filter(
            Q(asker_organisation_id__in=roles.organisation_ids(Role.ASKER))
            | Q(deploying_organisation_id__in=roles.organisation_ids(Role.COORDINATOR))
            | Q(invitations__expert__user=user, invitations__state=Invitation.State.ACCEPTED)
        )
        .distinct()
        .order_by("-pk")[:100]
    )


def pending_for(user) -> dict[str, list]:
    """What the coordinator still has to check, oldest first."""
    ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    if not ids:
        return {"asker": [], "expert": []}
    where = {"state": Moderation.PENDING, "request__deploying_organisation_id__in": ids}
    return {
        "asker": list(AskerFeedback.objects.filter(**where).select_related("request").order_by("created_at")[:100]),
        "expert": list(
            ExpertFeedback.objects.filter(**where)
            .select_related("request", "expert__user")
            .order_by("created_at")[:100]
        ),
    }


def visible_feedback(p: Parties, user) -> dict:
    """Approved feedback for the parties; the coordinators see every state; a writer sees their own."""
    asker = AskerFeedback.objects.filter(request=p.request).first()
    experts = list(ExpertFeedback.objects.filter(request=p.request).select_related("expert__user").order_by("pk"))

    def shown(item) -> bool:
        return p.is_coordinator or item.author_id == user.pk or item.state == Moderation.APPROVED

    return {
        "asker": asker if asker is not None and shown(asker) else None,
        "experts": [item for item in experts if shown(item)],
        "asker_given": asker is not None,
        "expert_given": p.expert is not None and any(item.expert_id == p.expert.pk for item in experts),
    }


def get_for_moderation(user, kind: str, pk: int):
    model = {"vrager": AskerFeedback, "deskundige": ExpertFeedback}.get(kind)
    if model is None:
        raise Http404
    ids = get_roles(user).organisation_ids(Role.COORDINATOR)
    if not ids:
        raise PermissionDenied
    item = model.objects.filter(pk=pk, request__deploying_organisation_id__in=ids).select_related("request").first()
    if item is None or not reviews_on():
        raise Http404
    return item


# --- writes ------------------------------------------------------------------------------------


def _flags(*texts: str) -> str:
    return ", ".join(flagged_words(texts, StigmaWord.objects.values_list("word", flat=True)))


@transaction.atomic
def asker_feedback_give(
    *,
    parties: Parties,
    by,
    request_key: uuid.UUID,
    goal_met: int,
    cooperation: int,
    follow_up: str,
    price: str,
    remarks: str,
) -> AskerFeedback:
    """The asker's answers, held for a coordinator's check. A retry with the same key stores once."""
    existing = AskerFeedback.objects.filter(request_key=request_key).first()
    if existing is not None:
        return existing
    if not parties.is_asker:
        raise PermissionDenied
    if not follow_up.strip():
        raise ValidationError({"follow_up": _("Schrijf op wat u met de inbreng heeft gedaan.")})
    try:
        with transaction.atomic():
            return AskerFeedback.objects.create(
                request=parties.request,
                author=by,
                goal_met=goal_met,
                cooperation=cooperation,
                follow_up=follow_up.strip(),
                price=price,
                remarks=remarks.strip(),
                flagged=_flags(follow_up, remarks),
                request_key=request_key,
            )
    except IntegrityError:
        raise ValidationError(_("Voor deze opdracht is de terugkoppeling van de vrager al gegeven.")) from None


@transaction.atomic
def expert_feedback_give(
    *,
    parties: Parties,
    by,
    request_key: uuid.UUID,
    conditions: int,
    safety: int,
    paid: str,
    remarks: str,
) -> ExpertFeedback:
    existing = ExpertFeedback.objects.filter(request_key=request_key).first()
    if existing is not None:
        return existing
    if parties.expert is None:
        raise PermissionDenied
    try:
        with transaction.atomic():
            return ExpertFeedback.objects.create(
                request=parties.request,
                expert=parties.expert,
                author=by,
                conditions=conditions,
                safety=safety,
                paid=paid,
                remarks=remarks.strip(),
                flagged=_flags(remarks),
                request_key=request_key,
            )
    except IntegrityError:
        raise ValidationError(_("U heeft voor deze opdracht al een terugkoppeling gegeven.")) from None


@transaction.atomic
def feedback_moderate(*, item, by, approve: bool, remarks: str | None = None, follow_up: str | None = None):
    """Approve (optionally with remarks edited out) or refuse. Only a pending item changes: a second
    click leaves the first decision. Approving the asker's answers sends the follow-up to the experts."""
    model = type(item)
    if item.request.deploying_organisation_id not in get_roles(by).organisation_ids(Role.COORDINATOR):
        raise PermissionDenied
    changes = {"state": Moderation.APPROVED if approve else Moderation.REFUSED, "moderated_by": by}
    if remarks is not None:
        changes["remarks"] = remarks.strip()
    if follow_up is not None and model is AskerFeedback:
        if approve and not follow_up.strip():
            raise ValidationError(
                {"follow_up": _("Het antwoord over de inbreng is leeg. Schrijf op wat u met de inbreng heeft gedaan.")}
            )
        changes["follow_up"] = follow_up.strip()
    claimed = model.objects.filter(pk=item.pk, state=Moderation.PENDING).update(moderated_at=timezone.now())
    if claimed:
        # update() cannot write encrypted fields through the field's own conversion: save them on the row.
        row = model.objects.select_for_update().get(pk=item.pk)
        for name, value in changes.items():
            setattr(row, name, value)
        row.save()
        item = row
        if approve and model is AskerFeedback:
            path = reverse("evaluation:feedback_request", kwargs={"request_pk": item.request_id})
            experts = [profile.user for profile in _accepted_experts(item.request)]
            notify(experts, "evaluation/email/feedback_follow_up", {"title": item.request.title, "path": path})
    else:
        item.refresh_from_db()
    return item


@transaction.atomic
def stigma_word_add(*, word: str, by) -> StigmaWord:
    if not get_roles(by).is_operator:
        raise PermissionDenied
    word = word.strip().lower()
    if not word or len(word) > 60 or " " in word:
        raise ValidationError({"word": _("Vul één woord in (hoogstens 60 tekens).")})
    obj, _created = StigmaWord.objects.get_or_create(word=word)
    return obj


@transaction.atomic
def stigma_word_remove(*, pk: int, by) -> None:
    if not get_roles(by).is_operator:
        raise PermissionDenied
    StigmaWord.objects.filter(pk=pk).delete()


# --- matching ----------------------------------------------------------------------------------


def expert_feedback_scores(organisation_id: int) -> dict[int, float]:
    """matching.candidates.FEEDBACK_SOURCES hook: {expert profile pk: 0.0–1.0} from the approved answers
    of askers on completed requests of this deploying organisation only. One query."""
    rows = AskerFeedback.objects.filter(
        state=Moderation.APPROVED,
        request__deploying_organisation_id=organisation_id,
        request__invitations__state=Invitation.State.ACCEPTED,
    ).values_list("request__invitations__expert_id", "goal_met", "cooperation")
    ratings: dict[int, list[tuple[int, int]]] = {}
    for expert_id, goal_met, cooperation in rows:
        ratings.setdefault(expert_id, []).append((goal_met, cooperation))
    return {expert_id: feedback_score(pairs) for expert_id, pairs in ratings.items()}
