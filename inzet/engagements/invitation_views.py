"""Invitation pages: the coordinator invites experts for a request; the expert reads an invitation, says
yes or no, tells what they need, and sees their invitations and assignments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from inzet.accounts.permissions import role_required
from inzet.engagements import changes, rules, selectors, services
from inzet.engagements.forms import (
    InvitationNeedsForm,
    InviteForm,
    PickerFilterForm,
    RespondForm,
)
from inzet.engagements.models import Invitation, RequestStatus
from inzet.engagements.permissions import (
    COORDINATOR,
    get_invitable_expert,
    get_invitation_for_expert,
    get_request_for_user,
)
from inzet.engagements.view_helpers import answer_thanks, error_text, safe_next, without_page
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Role

# --- invitations: the coordinator invites --------------------------------------------------------


@login_required
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: a simple list of active experts to invite. POST: invite one expert (also from the matching page)."""
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    if request.method == "POST":
        form = InviteForm(request.POST)
        back = safe_next(request, request.POST.get("next")) or reverse("engagements:invite", args=[pk])
        if not form.is_valid():
            messages.error(request, _("Kies een ervaringsdeskundige."))
            return redirect(back)
        expert = get_invitable_expert(engagement, form.cleaned_data["expert"])
        # The service refuses a coordinator who invites themselves (403): not only hidden in the list.
        call_service(
            request,
            lambda: services.invitation_create(
                engagement=engagement, expert=expert, actor=request.user, message=form.cleaned_data["message"]
            ),
            success=_("De uitnodiging is verstuurd. De ervaringsdeskundige krijgt een e-mail."),
        )
        return redirect(back)
    if engagement.status != RequestStatus.MATCHING:
        messages.info(request, _("U kunt alleen uitnodigen terwijl er gezocht wordt."))
        return redirect("engagements:detail", pk=pk)
    filters = PickerFilterForm(request.GET or None)
    query, only_matching = "", False
    if filters.is_valid():
        query, only_matching = filters.cleaned_data["q"].strip(), filters.cleaned_data["passend"]
    page, rows = selectors.expert_picker(
        request.user,
        engagement,
        query=query,
        only_matching=only_matching,
        page=request.GET.get("pagina") or 1,
        path=request.path,
    )
    seats_taken = selectors.seats_taken(engagement)
    return render(
        request,
        "engagements/invite.html",
        {
            "engagement": engagement,
            "filters": filters,
            "page_obj": page,
            "rows": rows,
            "seats_taken": seats_taken,
            "seats_left": rules.seats_left(engagement.experts_needed, seats_taken),
            "matching_url": reverse("matching:request", args=[pk]),
            "base_query": without_page(request),
        },
    )


# --- invitations: the expert decides -------------------------------------------------------------


@role_required(Role.EXPERT)
def my_invitations(request: HttpRequest) -> HttpResponse:
    invitations = list(selectors.invitations_of_expert(request.user))
    pending = [i for i in invitations if i.state == Invitation.State.PENDING]
    answered = [i for i in invitations if i.state != Invitation.State.PENDING]
    return render(request, "engagements/invitations.html", {"pending": pending, "answered": answered})


@role_required(Role.EXPERT)
def my_assignments(request: HttpRequest) -> HttpResponse:
    return render(
        request, "engagements/assignments.html", {"invitations": selectors.assignments_of_expert(request.user)}
    )


@login_required
def invitation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_expert(request.user, pk)
    engagement = invitation.request
    form = RespondForm(posted(request))
    if request.method == "POST":
        # The page's own form posts to compensation:invitation_answer (reward choice and yes/no together);
        # this handler stays for a plain yes/no without a reward choice.
        if form.is_valid():
            accept = form.cleaned_data["answer"] == "yes"
            try:
                services.invitation_respond(
                    invitation=invitation, actor=request.user, accept=accept, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                messages.error(request, error_text(exc))
            else:
                messages.success(request, answer_thanks(accept))
            return redirect("engagements:invitation", pk=pk)
        messages.error(request, _("Kies ja of nee."))
    seats_taken = selectors.seats_taken(engagement)
    accepted = invitation.state == Invitation.State.ACCEPTED
    context = {
        "invitation": invitation,
        "engagement": engagement,
        "form": form,
        "seats_taken": seats_taken,
        "seats_left": rules.seats_left(engagement.experts_needed, seats_taken),
        "attachments": engagement.attachments.order_by("uploaded_at")
        if invitation.state in (Invitation.State.PENDING, Invitation.State.ACCEPTED)
        else [],
        "agreement": getattr(engagement, "agreement", None) if accepted else None,
        "needs": selectors.needs_of(invitation) if accepted else None,
        "sessions": engagement.sessions.order_by("starts_at") if accepted else [],
        "can_withdraw": accepted and engagement.status in changes.WITHDRAW_STATES,
    }
    return render(request, "engagements/invitation.html", context)


@login_required
def invitation_needs(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Wat heb jij nodig om dit te kunnen doen?" — asked right after saying yes; can be changed later."""
    invitation = get_invitation_for_expert(request.user, pk)
    if invitation.state != Invitation.State.ACCEPTED:
        messages.info(request, _("U geeft aan wat u nodig heeft nadat u ja heeft gezegd."))
        return redirect("engagements:invitation", pk=pk)
    current = selectors.needs_of(invitation)
    initial = {}
    if current is not None:
        initial = {
            "kinds": current.kind_list,
            "duo_partner": current.duo_partner,
            "safety_net_person": current.safety_net_person,
            "safety_net_when": current.safety_net_when,
            "other": current.other,
            "share_with_asker": current.share_with_asker,
        }
    form = InvitationNeedsForm(posted(request), initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.invitation_needs_state(invitation=invitation, actor=request.user, **form.cleaned_data),
            success=_("Dank u wel. De coördinator ziet wat u nodig heeft."),
        )
    ):
        return redirect("engagements:invitation", pk=pk)
    return render(
        request,
        "engagements/invitation_needs.html",
        {"invitation": invitation, "engagement": invitation.request, "form": form},
    )
