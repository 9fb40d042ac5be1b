from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from inzet.engagements.permissions import get_invitable_expert
from inzet.engagements.selectors import invitation_rows
from inzet.engagements.services import invitation_create
from inzet.experts.models import ExpertProfile
from inzet.matching import selectors, services
from inzet.matching.forms import InviteForm, TeamInviteForm
from inzet.matching.permissions import get_request_for_matching

SELF_REFUSED = gettext_lazy("U kunt uzelf niet voorstellen of inzetten.")


def _refusal(exc: Exception) -> str:
    if isinstance(exc, PermissionDenied):
        return str(exc) or str(SELF_REFUSED)
    return " ".join(exc.messages)


@login_required
def request_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """The best 20 for a request with their explanations, and a team proposal with two alternatives."""
    engagement, access = get_request_for_matching(request.user, pk)
    page = selectors.matching_page(engagement, request.user, context="page", path=request.get_full_path())
    team_form = None
    if page.team and page.team.members:
        team_form = TeamInviteForm(initial={"experts": page.team.expert_ids})
    # Who already said yes or may still: shown with their answer and what they need (logged read).
    taken = []
    if page.someone_asked:  # no extra query when nobody was asked yet
        taken = [
            row
            for row in invitation_rows(request.user, engagement, path=request.path)
            if row.invitation.state in selectors.TAKEN_STATES
        ]
    return render(
        request,
        "matching/request.html",
        {
            "engagement": engagement,
            "page": page,
            "access": access,
            "can_invite": access.is_coordinator and selectors.can_invite_now(engagement),
            "team_form": team_form,
            "taken": taken,
        },
    )


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite one expert from the ranking (engagements.services.invitation_create)."""
    engagement, _access = get_request_for_matching(request.user, pk, write=True)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een ervaringsdeskundige."))
        return redirect("matching:request", pk=pk)
    expert = get_invitable_expert(engagement, form.cleaned_data["expert"])
    try:
        invitation_create(engagement=engagement, expert=expert, actor=request.user)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, _refusal(exc))
    else:
        messages.success(request, _("De uitnodiging is verstuurd. De ervaringsdeskundige krijgt een e-mail."))
    return redirect("matching:request", pk=pk)


@login_required
@require_POST
def invite_team(request: HttpRequest, pk: int) -> HttpResponse:
    """Invite the whole proposed team in one go (all or nothing)."""
    engagement, _access = get_request_for_matching(request.user, pk, write=True)
    form = TeamInviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("matching:request", pk=pk)
    ids = form.cleaned_data["experts"]
    found = ExpertProfile.objects.filter(pk__in=ids, organisation_id=engagement.deploying_organisation_id)
    by_id = {expert.pk: expert for expert in found.select_related("user")}
    if len(by_id) != len(ids):
        raise Http404
    try:
        result = services.team_invite(
            engagement=engagement,
            experts=[by_id[i] for i in ids],
            actor=request.user,
            message=form.cleaned_data["message"],
        )
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, _refusal(exc) + " " + _("Er is niemand uitgenodigd."))
        return redirect("matching:request", pk=pk)
    if result.invited:
        count = len(result.invited)
        messages.success(
            request,
            ngettext("%(count)s uitnodiging is verstuurd.", "%(count)s uitnodigingen zijn verstuurd.", count)
            % {"count": count},
        )
    if result.skipped:
        count = len(result.skipped)
        messages.info(
            request,
            ngettext("%(count)s persoon was al uitgenodigd.", "%(count)s personen waren al uitgenodigd.", count)
            % {"count": count},
        )
    return redirect("matching:request", pk=pk)
