"""Referrals by partners: a public form without an account, the team's queue, take on or decline.

The public pages show nothing about residents: the form, and a status page behind an
unguessable link that says only received / taken on / not taken on.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import posted
from inzet.neighbourhood import permissions, services
from inzet.neighbourhood.forms import HONEYPOT, DeclineForm, ReferralForm
from inzet.neighbourhood.models import Referral, Team


def referral_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: a partner refers a resident to the team. No account; idempotent; spam-safe."""
    team = get_object_or_404(Team.objects.select_related("organisation"), pk=pk)
    form = ReferralForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            referral, _created = services.referral_submit(team=team, **form.cleaned_data)
        except services.ReferralRefused:
            form.add_error(
                None, _("Er komen nu te veel verwijzingen binnen. Probeer het over een uur opnieuw of bel ons.")
            )
        else:
            return redirect("neighbourhood:referral_status", token=referral.status_token)
    return render(request, "neighbourhood/referral_new.html", {"team": team, "form": form, "honeypot": HONEYPOT})


def referral_status(request: HttpRequest, token) -> HttpResponse:
    """Public, behind the unguessable link: only the status, never who or what."""
    referral = get_object_or_404(Referral.objects.select_related("team"), status_token=token)
    return render(request, "neighbourhood/referral_status.html", {"referral": referral, "team": referral.team})


@login_required
def referral_queue(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    waiting = list(team.referrals.filter(status=Referral.Status.NEW).order_by("received_at", "pk")[:200])
    decided = list(
        team.referrals.exclude(status=Referral.Status.NEW).select_related("decided_by").order_by("-decided_at")[:50]
    )
    return render(
        request,
        "neighbourhood/referral_queue.html",
        {"team": team, "waiting": waiting, "decided": decided, "decline_form": DeclineForm()},
    )


def _referral(user, pk: int) -> Referral:
    found = Referral.objects.filter(pk=pk, team__in=permissions.teams_of(user)).select_related("team").first()
    if found is None:
        raise Http404
    return found


@login_required
@require_POST
def referral_take_on(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request.user, pk)
    try:
        trajectory = services.referral_take_on(referral=referral, by=request.user)
    except PermissionDenied:
        messages.error(request, _("Deze verwijzing is al afgewezen."))
        return redirect("neighbourhood:referral_queue", pk=referral.team_id)
    messages.success(request, _("De verwijzing is aangenomen. Het traject is gemaakt."))
    return redirect("neighbourhood:trajectory", pk=trajectory.pk)


@login_required
@require_POST
def referral_decline(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral(request.user, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden op om de verwijzing af te wijzen."))
    elif services.referral_decline(referral=referral, by=request.user, reason=form.cleaned_data["reason"]):
        messages.success(request, _("De verwijzing is afgewezen."))
    return redirect("neighbourhood:referral_queue", pk=referral.team_id)
