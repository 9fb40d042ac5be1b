"""Reads shared by the pages, the API, the calendar and the home page. Each uses a bounded number of queries."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles, get_roles
from inzet.engagements import rules
from inzet.engagements.models import (
    AuditEvent,
    EngagementRequest,
    IntakeReview,
    Invitation,
    InvitationNeed,
    InvitationNeeds,
    RequestStatus,
    Session,
)
from inzet.engagements.permissions import RequestAccess, asker_requests, received_requests
from inzet.experts.disclosure import (
    can_see,
    experience_visible,
    has_visible_experience,
    item_visible_q,
    log_access,
    viewer_levels,
)
from inzet.experts.models import Audience, ExpertProfile, ExpertStatus
from inzet.lib.next_step import NextStep, counted
from inzet.organisations.models import PolicySettings, Role

# What an expert sees under "Mijn opdrachten".
ASSIGNMENT_STATES = (RequestStatus.MATCHING, RequestStatus.AGREED, RequestStatus.RUNNING, RequestStatus.COMPLETED)
# The order of the coordinator's inbox: what needs work first.
INBOX_ORDER = [
    RequestStatus.SUBMITTED,
    RequestStatus.INTAKE,
    RequestStatus.MATCHING,
    RequestStatus.AGREED,
    RequestStatus.RUNNING,
    RequestStatus.DRAFT,  # sent back to the asker for changes
    RequestStatus.COMPLETED,
    RequestStatus.DECLINED,
    RequestStatus.CANCELLED,
]


def _with_seats(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        accepted_count=Count("invitations", filter=Q(invitations__state=Invitation.State.ACCEPTED), distinct=True),
        pending_count=Count("invitations", filter=Q(invitations__state=Invitation.State.PENDING), distinct=True),
    )


# --- lists ---------------------------------------------------------------------------------------


def requests_of_asker(user: User) -> QuerySet:
    return _with_seats(asker_requests(user).select_related("deploying_organisation", "created_by")).order_by(
        "-created_at"
    )


def inbox(user: User, *, status: str | None = None) -> QuerySet:
    queryset = received_requests(user).select_related("asker_organisation", "deploying_organisation")
    if status:
        queryset = queryset.filter(status=status)
    return _with_seats(queryset).order_by("-submitted_at")


def inbox_counts(user: User) -> list[tuple[str, str | Promise, int]]:
    """(status, label, count) for every status that has requests, in working order."""
    counts = dict(received_requests(user).values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return [(s.value, s.label, counts[s]) for s in INBOX_ORDER if counts.get(s)]


def invitations_of_expert(user: User) -> QuerySet:
    return (
        Invitation.objects.filter(expert__user=user)
        .exclude(state=Invitation.State.WITHDRAWN)
        .select_related("request__asker_organisation", "request__deploying_organisation")
        .order_by("-created_at")
    )


def assignments_of_expert(user: User) -> QuerySet:
    return (
        Invitation.objects.filter(
            expert__user=user, state=Invitation.State.ACCEPTED, request__status__in=ASSIGNMENT_STATES
        )
        .select_related("request__asker_organisation", "request__deploying_organisation")
        .prefetch_related(Prefetch("request__sessions", queryset=Session.objects.order_by("starts_at")))
        .order_by("-request__start_date", "-created_at")
    )


def seats_taken(engagement: EngagementRequest) -> int:
    return engagement.invitations.filter(state=Invitation.State.ACCEPTED).count()


# --- showing experts without leaking what they keep to themselves ---------------------------------


def expert_name(profile: ExpertProfile, level: int) -> str:
    if can_see(level, profile, "name"):
        return profile.user.full_name
    return _("Ervaringsdeskundige nr. %(number)s (naam niet gedeeld)") % {"number": profile.pk}


@dataclass
class InvitationRow:
    invitation: Invitation
    name: str
    needs: InvitationNeeds | None = None


@dataclass
class TeamMember:
    name: str


def invitation_rows(viewer: User, engagement: EngagementRequest, *, path: str = "") -> list[InvitationRow]:
    """Every invitation of the request with the expert's name as far as the viewer may see it.

    The viewer is one of the organisation's people: they see what each expert needs for this
    assignment; every such read is logged (which item, never its content)."""
    invitations = list(
        engagement.invitations.select_related("expert__user", "invited_by", "needs").order_by("state", "created_at")
    )
    levels = viewer_levels(viewer, [i.expert for i in invitations])
    rows = [
        InvitationRow(invitation=i, name=expert_name(i.expert, levels[i.expert.pk]), needs=needs_of(i))
        for i in invitations
    ]
    log_needs_read(viewer, [row.invitation for row in rows if row.needs], path=path)
    return rows


def needs_of(invitation: Invitation) -> InvitationNeeds | None:
    try:
        return invitation.needs
    except InvitationNeeds.DoesNotExist:
        return None


def log_needs_read(viewer: User, invitations: list[Invitation], *, path: str = "") -> None:
    for invitation in invitations:
        log_access(viewer=viewer, profile=invitation.expert, items={"needs"}, context="page", path=path)


@dataclass
class SharedNeed:
    labels: list[str]
    other: str


def needs_for_asker(engagement: EngagementRequest) -> list[SharedNeed]:
    """What the team needs, as far as each expert shares it with the asker, without names."""
    rows = InvitationNeeds.objects.filter(
        invitation__request=engagement, invitation__state=Invitation.State.ACCEPTED, share_with_asker=True
    ).order_by("invitation_id")
    shared = []
    for needs in rows:
        codes, other = rules.needs_for_asker(kinds=needs.kind_list, other=needs.other, share=needs.share_with_asker)
        if codes:
            shared.append(SharedNeed(labels=[str(InvitationNeed(c).label) for c in codes if c != "other"], other=other))
    return shared


def team_for_asker(viewer: User, engagement: EngagementRequest) -> list[TeamMember]:
    """The experts who said yes, named only when they share their name with askers."""
    invitations = list(
        engagement.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert__user").order_by("pk")
    )
    levels = viewer_levels(viewer, [i.expert for i in invitations])
    team = []
    for i in invitations:
        if can_see(levels[i.expert.pk], i.expert, "name"):
            team.append(TeamMember(name=i.expert.user.full_name))
        else:
            team.append(TeamMember(name=_("Ervaringsdeskundige (naam niet gedeeld)")))
    return team


# --- the audit trail -------------------------------------------------------------------------------

# Events about single experts are for the organisation only; askers see the request's own steps.
_EXPERT_VERBS = {"invited", "accepted", "declined", "expert_withdrew", "needs_stated"}
# Shown to the organisation only: money of individual experts, the intake's own deliberation.
_STAFF_VERBS = _EXPERT_VERBS | {"approval_undone", "intake_answers", "intake_override"}


@dataclass
class AuditLine:
    event: AuditEvent
    who: str
    text: str


def _status_label(code: str) -> str | Promise:
    try:
        return RequestStatus(code).label
    except ValueError:
        return code


def _audit_text(event: AuditEvent) -> str:
    if event.verb == "status":
        return _("Status: %(old)s → %(new)s") % {
            "old": _status_label(event.from_status),
            "new": _status_label(event.to_status),
        }
    texts = {
        "created": _("Vraag begonnen"),
        "attachment_added": _("Bijlage toegevoegd: %(note)s"),
        "attachment_deleted": _("Bijlage weggehaald: %(note)s"),
        "invited": _("Een ervaringsdeskundige uitgenodigd"),
        "accepted": _("Een ervaringsdeskundige zei ja"),
        "declined": _("Een ervaringsdeskundige zei nee"),
        "agreement_saved": _("Afspraken en offerte opgeslagen"),
        "agreement_change_requested": _("De vrager vroeg om een aanpassing van versie %(note)s van de afspraken"),
        "expert_withdrew": _("Een ervaringsdeskundige trok zich terug; de plek is weer vrij"),
        "approval_undone": _("Goedkeuring teruggedraaid: %(note)s"),
        "session_added": _("Bijeenkomst gepland: %(note)s"),
        "intake_answers": _("Intake beantwoord (%(note)s)"),
        "needs_stated": _("Een ervaringsdeskundige gaf aan wat hij of zij nodig heeft"),
        "intake_override": _("Toch aangenomen, als uitzondering: %(note)s"),
    }
    text = texts.get(event.verb, event.verb)
    return text % {"note": event.note} if "%(note)s" in text else text


def audit_lines(engagement: EngagementRequest, *, for_staff: bool) -> list[AuditLine]:
    events = engagement.audit.select_related("actor").order_by("created_at", "pk")
    if not for_staff:
        events = events.exclude(verb__in=_STAFF_VERBS)
    lines = []
    for event in events:
        if event.verb in _EXPERT_VERBS:
            who = _("Coördinator") if event.verb == "invited" else _("Ervaringsdeskundige")
            if event.verb == "invited" and event.actor:
                who = event.actor.full_name
        else:
            who = event.actor.full_name if event.actor else _("Inzet (automatisch)")
        note = event.note if event.verb == "status" else ""
        lines.append(AuditLine(event=event, who=who, text=_audit_text(event) + (f" – {note}" if note else "")))
    return lines


# --- the request page ------------------------------------------------------------------------------


@dataclass
class RequestPage:
    request: EngagementRequest
    access: RequestAccess
    seats_taken: int
    invitations: list[InvitationRow] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    agreement: object = None
    sessions: list = field(default_factory=list)
    attachments: list = field(default_factory=list)
    audit: list[AuditLine] = field(default_factory=list)
    last_review: IntakeReview | None = None
    versions: list = field(default_factory=list)
    change_request: object = None  # the version the asker asked to change, while no new one answers it
    intake_reviews: list[IntakeReview] = field(default_factory=list)
    shared_needs: list[SharedNeed] = field(default_factory=list)


def request_page(viewer: User, engagement: EngagementRequest, access: RequestAccess, *, path: str = "") -> RequestPage:
    agreement = getattr(engagement, "agreement", None)  # a missing one-to-one raises an AttributeError
    page = RequestPage(
        request=engagement,
        access=access,
        seats_taken=seats_taken(engagement),
        agreement=agreement,
        sessions=list(engagement.sessions.order_by("starts_at")),
        attachments=list(engagement.attachments.order_by("uploaded_at")),
        audit=audit_lines(engagement, for_staff=access.is_staff),
        last_review=engagement.intake_reviews.select_related("reviewed_by").first(),
    )
    if agreement is not None:
        page.versions = list(agreement.versions.select_related("saved_by", "change_requested_by").order_by("number"))
        last = page.versions[-1] if page.versions else None
        page.change_request = last if last is not None and last.change_requested_at is not None else None
    if access.is_staff:
        page.invitations = invitation_rows(viewer, engagement, path=path)
        page.intake_reviews = list(engagement.intake_reviews.select_related("reviewed_by"))
    if access.is_asker:
        page.team = team_for_asker(viewer, engagement)
    if agreement is not None:
        page.shared_needs = needs_for_asker(engagement)
    return page


# --- the simple expert picker (the matching page ranks; this only lists) ----------------------------


PICKER_PAGE_SIZE = 20


@dataclass
class PickerRow:
    profile: ExpertProfile
    name: str
    level: str
    roles: list[str]
    experience_areas: list[str]
    hidden_experience: int
    invitation: Invitation | None

    @property
    def can_invite(self) -> bool:
        open_states = (Invitation.State.PENDING, Invitation.State.ACCEPTED)
        return self.invitation is None or self.invitation.state not in open_states


def expert_picker(
    viewer: User,
    engagement: EngagementRequest,
    *,
    query: str = "",
    only_matching: bool = False,
    page: int = 1,
    path: str = "",
) -> tuple[Page, list[PickerRow]]:
    """Active experts of the request's organisation that the coordinator may invite, never the coordinator.

    Every item shown is checked against the expert's choices (disclosure.py); filters only use what
    the coordinator may see; reads of lived experience are logged.
    """
    # The viewer is a coordinator of this organisation (the view checks): their level for every
    # expert here is COORDINATORS; their own profile is left out (docs/domain/request-loop.md#independence).
    level = Audience.COORDINATORS
    profiles = (
        ExpertProfile.objects.filter(
            organisation_id=engagement.deploying_organisation_id,
            status=ExpertStatus.ACTIVE,
            paused=False,
            consent_matching=True,
        )
        .exclude(user=viewer)
        .select_related("user", "level")
        .prefetch_related(
            "wanted_roles",
            "experiences__area",
            Prefetch("invitations", queryset=Invitation.objects.filter(request=engagement), to_attr="this_request"),
        )
        .order_by("pk")
    )
    if query:
        profiles = profiles.filter(item_visible_q(level, "name"), user__full_name__icontains=query)
    if only_matching:
        area_ids = list(engagement.experience_areas.values_list("pk", flat=True))
        if area_ids:
            profiles = profiles.filter(has_visible_experience(level, area_ids))
    current = Paginator(profiles, PICKER_PAGE_SIZE).get_page(page)
    rows = []
    for profile in current.object_list:
        shown = [e for e in profile.experiences.all() if experience_visible(level, e)]
        rows.append(
            PickerRow(
                profile=profile,
                name=expert_name(profile, level),
                level=str(profile.level) if can_see(level, profile, "level") and profile.level else "",
                roles=[str(t) for t in profile.wanted_roles.all()] if can_see(level, profile, "roles") else [],
                experience_areas=[str(e.area) for e in shown],
                hidden_experience=len(profile.experiences.all()) - len(shown),
                invitation=profile.this_request[0] if profile.this_request else None,  # type: ignore[attr-defined]  # to_attr of a Prefetch
            )
        )
        # Only what this list shows is logged: the lived-experience areas (one insert per row, page-bounded).
        if shown:
            log_access(viewer=viewer, profile=profile, items={"experience"}, context="page", path=path)
    return current, rows


# --- calendar --------------------------------------------------------------------------------------


def sessions_for_person(user: User) -> QuerySet:
    """Sessions a person may have in their calendar: experts of requests they said yes to; askers
    their organisation's; coordinators and trainers their organisation's."""
    roles = get_roles(user)
    q = Q(request__asker_organisation_id__in=roles.organisation_ids(Role.ASKER))
    q |= Q(
        request__deploying_organisation_id__in=roles.organisation_ids(Role.COORDINATOR, Role.TRAINER),
        request__submitted_at__isnull=False,
    )
    if roles.has(Role.EXPERT):
        accepted = Invitation.objects.filter(expert__user=user, state=Invitation.State.ACCEPTED).values("request_id")
        q |= Q(request_id__in=accepted)
    return Session.objects.filter(q).select_related("request__deploying_organisation").order_by("starts_at")


# --- the home page ---------------------------------------------------------------------------------


def _asker_steps(user: User) -> list[NextStep]:
    mine = asker_requests(user)
    counts = dict(mine.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    steps = []
    waiting = list(
        mine.filter(status=RequestStatus.MATCHING, agreement__isnull=False, agreement__accepted_at__isnull=True)[:3]
    )
    for engagement in waiting:
        steps.append(
            NextStep(
                title=engagement.title,
                text=_("De afspraken en de offerte staan klaar. Lees ze en geef akkoord."),
                url=reverse("engagements:detail", args=[engagement.pk]),
                link_text=_("Afspraken bekijken"),
            )
        )
    steps += counted(
        counts.get(RequestStatus.DRAFT, 0),
        title=_("Vragen die nog niet verstuurd zijn"),
        text=ngettext_lazy(
            "U heeft %(count)s vraag die nog niet is verstuurd.",
            "U heeft %(count)s vragen die nog niet zijn verstuurd.",
            "count",
        ),
        url=reverse("engagements:mine"),
        link_text=_("Naar mijn vragen"),
    )
    if PolicySettings.current().brokerage:
        steps.append(
            NextStep(
                title=_("Een vraag stellen"),
                text=_("Zoekt u ervaringsdeskundigen? Vertel ons eerst wat het doel is."),
                url=reverse("engagements:create"),
                link_text=_("Nieuwe vraag"),
            )
        )
    else:
        steps.append(
            NextStep(
                title=_("Een vraag stellen"),
                text=_("Zoekt u ervaringsdeskundigen? Kies een organisatie en stuur uw vraag rechtstreeks."),
                url=reverse("engagements:referral_find"),
                link_text=_("Een organisatie zoeken en een vraag sturen"),
            )
        )
    return steps


def _staff_steps(user: User, roles: Roles, *, coordinator: bool) -> list[NextStep]:
    org_ids = roles.organisation_ids(Role.COORDINATOR if coordinator else Role.TRAINER)
    received = received_requests(user).filter(deploying_organisation_id__in=org_ids)
    counts = dict(received.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    url = reverse("engagements:inbox")
    steps = []
    new = counts.get(RequestStatus.SUBMITTED, 0) + counts.get(RequestStatus.INTAKE, 0)
    steps += counted(
        new,
        title=_("Nieuwe vragen"),
        text=ngettext_lazy("%(count)s vraag wacht op de intake.", "%(count)s vragen wachten op de intake.", "count"),
        url=f"{url}?status={RequestStatus.SUBMITTED}",
        link_text=_("Vragen bekijken"),
    )
    steps += counted(
        counts.get(RequestStatus.MATCHING, 0),
        title=_("Ervaringsdeskundigen zoeken"),
        text=ngettext_lazy(
            "Voor %(count)s vraag zoeken we nog mensen.", "Voor %(count)s vragen zoeken we nog mensen.", "count"
        ),
        url=f"{url}?status={RequestStatus.MATCHING}",
        link_text=_("Naar de vragen"),
    )
    if coordinator:
        steps += counted(
            counts.get(RequestStatus.AGREED, 0),
            title=_("Klaar om te beginnen"),
            text=ngettext_lazy(
                "%(count)s vraag heeft akkoord en kan beginnen.",
                "%(count)s vragen hebben akkoord en kunnen beginnen.",
                "count",
            ),
            url=f"{url}?status={RequestStatus.AGREED}",
            link_text=_("Naar de vragen"),
        )
    if not steps:
        steps.append(
            NextStep(
                title=_("Binnengekomen vragen"),
                text=_("Er wacht nu geen vraag op u."),
                url=url,
                link_text=_("Alle vragen bekijken"),
            )
        )
    return steps


def _expert_steps(user: User) -> list[NextStep]:
    pending = list(
        Invitation.objects.filter(expert__user=user, state=Invitation.State.PENDING)
        .select_related("request")
        .order_by("expires_at")[:3]
    )
    steps = [
        NextStep(
            title=invitation.request.title,
            text=_("U bent uitgenodigd. Kijk of het bij u past en zeg ja of nee. Nee zeggen mag altijd."),
            url=reverse("engagements:invitation", args=[invitation.pk]),
            link_text=_("Uitnodiging bekijken"),
        )
        for invitation in pending
    ]
    running = Invitation.objects.filter(
        expert__user=user,
        state=Invitation.State.ACCEPTED,
        request__status__in=(RequestStatus.AGREED, RequestStatus.RUNNING),
    ).count()
    steps += counted(
        running,
        title=_("Mijn opdrachten"),
        text=ngettext_lazy("U doet mee aan %(count)s opdracht.", "U doet mee aan %(count)s opdrachten.", "count"),
        url=reverse("engagements:assignments"),
        link_text=_("Naar mijn opdrachten"),
    )
    return steps


def next_steps_for(user: User, roles: Roles, role: str | None = None) -> list[NextStep]:
    """What to do next about requests, for the home page.

    Without `role`, the steps of every role the person holds; with `role`, only that role's.
    """
    steps = []
    if roles.has(Role.ASKER) and role in (None, Role.ASKER):
        steps += _asker_steps(user)
    if roles.has(Role.COORDINATOR) and role in (None, Role.COORDINATOR):
        steps += _staff_steps(user, roles, coordinator=True)
    if roles.has(Role.TRAINER) and role in (None, Role.TRAINER):
        steps += _staff_steps(user, roles, coordinator=False)
    if roles.has(Role.EXPERT) and role in (None, Role.EXPERT):
        steps += _expert_steps(user)
    return steps
