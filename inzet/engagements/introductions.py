"""The kennismaking: an optional meeting to get to know each other before the work starts.

Asked on the request (`getting_to_know`). Once experts have said yes, a coordinator or the asker
plans it; everyone involved is told. Afterwards each side says go or no-go (a no-go needs a reason,
for the coordinators only). An expert's no-go frees their seat through the withdrawal service.
When it is asked, no hours can be logged and the work cannot start until every side said go.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.engagements import changes, events
from inzet.engagements.models import EngagementRequest, Introduction, IntroductionOutcome, Invitation, RequestStatus
from inzet.engagements.permissions import access_for
from inzet.engagements.service_helpers import audit, coordinators_of, locked, notify, request_path
from inzet.organisations.models import Role

PLAN_STATES = frozenset({RequestStatus.MATCHING, RequestStatus.AGREED})
PLAN_FIELDS = ("starts_at", "ends_at", "online", "location", "link", "coordinator")


def is_required(engagement: EngagementRequest) -> bool:
    return bool(engagement.getting_to_know)


def _accepted(engagement: EngagementRequest) -> list[Invitation]:
    return list(engagement.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert__user"))


def asker_contacts(engagement: EngagementRequest) -> list[User]:
    return list(
        User.objects.filter(
            memberships__organisation_id=engagement.asker_organisation_id,
            memberships__role=Role.ASKER,
            memberships__is_active=True,
            is_active=True,
        ).distinct()
    )


def attendees(engagement: EngagementRequest, introduction: Introduction) -> list[User]:
    """Who takes part: the asker's contact people, the experts who said yes, the coordinator."""
    people = {u.pk: u for u in asker_contacts(engagement)}
    people.update({i.expert.user.pk: i.expert.user for i in _accepted(engagement)})
    people[introduction.coordinator_id] = introduction.coordinator
    return list(people.values())


def status(engagement: EngagementRequest) -> dict:
    """Where the kennismaking stands: for the request page, the hours check and the API."""
    if not is_required(engagement):
        return {"required": False, "cleared": True, "next": ""}
    introduction = Introduction.objects.filter(request=engagement).select_related("coordinator").first()
    accepted = _accepted(engagement)
    if introduction is None:
        return {"required": True, "cleared": False, "introduction": None, "next": "plan", "accepted": accepted}
    outcomes = list(introduction.outcomes.all())
    asker = next((o for o in outcomes if o.invitation_id is None), None)
    per_expert = {o.invitation_id: o for o in outcomes if o.invitation_id}
    held = introduction.ends_at <= timezone.now()
    cleared = (
        held
        and asker is not None
        and asker.go
        and bool(accepted)
        and all(i.pk in per_expert and per_expert[i.pk].go for i in accepted)
    )
    return {
        "required": True,
        "cleared": cleared,
        "introduction": introduction,
        "held": held,
        "asker_outcome": asker,
        "expert_outcomes": [(i, per_expert.get(i.pk)) for i in accepted],
        "accepted": accepted,
        "next": "" if cleared else ("outcome" if held else "hold"),
    }


def require_cleared(engagement: EngagementRequest) -> None:
    """Refuse work on a request whose kennismaking is asked and not yet held with a go from everyone."""
    if not status(engagement)["cleared"]:
        raise ValidationError(
            _("Eerst is er een kennismaking. Het werk begint pas als iedereen daarna ‘ja, we gaan door’ heeft gezegd.")
        )


def _may_plan(actor: User, engagement: EngagementRequest) -> None:
    access = access_for(actor, engagement)
    if not (access.is_coordinator or access.is_asker):
        raise PermissionDenied


@transaction.atomic
def introduction_plan(
    *,
    engagement: EngagementRequest,
    actor: User,
    starts_at,
    ends_at,
    online: bool,
    location: str = "",
    link: str = "",
    coordinator: User,
) -> Introduction:
    """Plan (or move) the kennismaking. Saving the same again changes nothing and tells nobody twice."""
    _may_plan(actor, engagement)
    engagement = locked(engagement)
    if not is_required(engagement):
        raise ValidationError(_("Bij deze vraag is geen kennismaking gevraagd."))
    if engagement.status not in PLAN_STATES or not _accepted(engagement):
        raise ValidationError(_("U plant de kennismaking als er ervaringsdeskundigen ja hebben gezegd."))
    if coordinator.pk not in {u.pk for u in coordinators_of(engagement.deploying_organisation_id)}:
        raise ValidationError({"coordinator": _("Kies een coördinator van de organisatie.")})
    if online and not link:
        raise ValidationError({"link": _("Vul de link in voor het online gesprek.")})
    if not online and not (location or "").strip():
        raise ValidationError({"location": _("Vul in waar de kennismaking is.")})
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("De eindtijd ligt na de begintijd.")})
    values = {
        "starts_at": starts_at,
        "ends_at": ends_at,
        "online": online,
        "location": (location or "").strip(),
        "link": link or "",
        "coordinator": coordinator,
    }
    introduction = Introduction.objects.filter(request=engagement).first()
    if introduction is not None:
        if introduction.outcomes.exists():
            raise ValidationError(_("De kennismaking is al geweest."))
        if all(getattr(introduction, k) == v for k, v in values.items()):
            return introduction  # the same again (a double click)
        for key, value in values.items():
            setattr(introduction, key, value)
        introduction.planned_by = actor
    else:
        introduction = Introduction(request=engagement, planned_by=actor, **values)
    introduction.full_clean()
    introduction.save()
    audit(engagement, actor, "introduction_planned")
    people = attendees(engagement, introduction)
    text = _("De kennismaking voor “%(title)s” is gepland") % {"title": engagement.title}
    events.emit(users=people, text=text, path=request_path(engagement))
    notify(
        people,
        "engagements/email/introduction_planned",
        {"title": engagement.title, "path": request_path(engagement), "when": _when(introduction)},
    )
    return introduction


def _when(introduction: Introduction) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(introduction.starts_at), "j F Y H:i")


@transaction.atomic
def introduction_outcome(
    *, engagement: EngagementRequest, actor: User, go: bool, reason: str = "", invitation: Invitation | None = None
) -> IntroductionOutcome:
    """Go or no-go of one side. The asker side: the asker or a coordinator. An expert: that expert
    or a coordinator on their behalf. A no-go of an expert frees their seat (the withdrawal service)."""
    access = access_for(actor, engagement)
    if invitation is None:
        if not (access.is_asker or access.is_coordinator):
            raise PermissionDenied
    else:
        if invitation.request_id != engagement.pk:
            raise PermissionDenied
        if not (access.is_coordinator or invitation.expert.user_id == actor.pk):
            raise PermissionDenied
    engagement = locked(engagement)
    introduction = Introduction.objects.filter(request=engagement).first()
    if introduction is None or introduction.ends_at > timezone.now():
        raise ValidationError(_("U geeft de uitkomst door nadat de kennismaking is geweest."))
    reason = (reason or "").strip()[:2000]
    existing = IntroductionOutcome.objects.filter(introduction=introduction, invitation=invitation).first()
    if existing is not None:
        if existing.go == go:
            return existing  # a double click
        raise ValidationError(_("De uitkomst is al doorgegeven."))
    if not go and not reason:
        raise ValidationError({"reason": _("Schrijf kort waarom het niet doorgaat. Alleen de coördinator leest dit.")})
    if invitation is not None and invitation.state != Invitation.State.ACCEPTED:
        raise ValidationError(_("Deze ervaringsdeskundige doet niet (meer) mee."))
    outcome = IntroductionOutcome.objects.create(
        introduction=introduction, invitation=invitation, go=go, reason=reason, recorded_by=actor
    )
    audit(engagement, actor, "introduction_go" if go else "introduction_no_go")
    if invitation is not None and not go:
        # The same path as stepping back: the seat is free, the coordinators are told. The reason
        # stays on the outcome (coordinators only).
        changes.invitation_withdraw(invitation=invitation, actor=invitation.expert.user)
    elif not go:
        coordinators = coordinators_of(engagement.deploying_organisation_id)
        text = _("De vrager gaat na de kennismaking niet door met “%(title)s”") % {"title": engagement.title}
        events.emit(users=coordinators, text=text, path=request_path(engagement))
    return outcome


def feed_events(user) -> list:
    """The person's kennismakingen for their private calendar feed (engagements.calendar.FEED_SOURCES)."""
    from datetime import UTC

    from django.conf import settings
    from django.db.models import Q
    from icalendar import Event

    from inzet.accounts.permissions import get_roles

    roles = get_roles(user)
    found = (
        Introduction.objects.filter(
            Q(coordinator=user)
            | Q(request__asker_organisation_id__in=roles.organisation_ids(Role.ASKER))
            | Q(request__invitations__expert__user=user, request__invitations__state=Invitation.State.ACCEPTED)
        )
        .exclude(request__status=RequestStatus.CANCELLED)
        .select_related("request")
        .distinct()
    )
    stamp = timezone.now().astimezone(UTC)
    result = []
    for introduction in found:
        event = Event()
        event.add("uid", f"{introduction.uid}@inzet")
        event.add("dtstamp", stamp)
        event.add("dtstart", introduction.starts_at.astimezone(UTC))
        event.add("dtend", introduction.ends_at.astimezone(UTC))
        event.add("summary", f"{_('Kennismaking')} – {introduction.request.title}")
        event.add("location", introduction.link if introduction.online else introduction.location)
        event.add("description", f"{settings.SITE_URL}{request_path(introduction.request)}")
        result.append(event)
    return result
