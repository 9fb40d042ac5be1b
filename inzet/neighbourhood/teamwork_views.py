"""An expert's own klik fields, marking an agreed action done, and the team's group activities. Thin views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import add_service_errors, posted
from inzet.neighbourhood import casework, permissions, topics
from inzet.neighbourhood.casework_forms import GroupActivityForm, MemberKlikForm
from inzet.neighbourhood.views import _read_only

ACTIVITY_LIMIT = 100


@login_required
def member_klik(request: HttpRequest, pk: int) -> HttpResponse:
    """The expert edits what they tell the team for the klik; their coordinator may do it on their behalf."""
    member = permissions.get_member(request.user, pk)
    initial = {
        "gender": member.gender,
        "birth_year": member.birth_year,
        "knows_areas": member.knows_areas,
        "experience_domains": [code for code in member.experience_domains.split(",") if code],
    }
    form = MemberKlikForm(posted(request), domains=topics.life_domains(), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            casework.member_klik_save(member=member, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("birth_year", exc)
        else:
            messages.success(request, _("Uw gegevens voor de klik zijn bewaard."))
            return redirect("neighbourhood:member_klik", pk=member.pk)
    return render(
        request,
        "neighbourhood/member_klik.html",
        {"member": member, "form": form, "own": member.user_id == request.user.pk},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an agreed action done: its owner or a participant of its case meeting. Twice changes nothing."""
    action = permissions.get_action(request.user, pk)
    _read_only(request, action.trajectory)
    if casework.action_done(action=action):
        messages.success(request, _("De actie staat op gedaan."))
    else:
        messages.info(request, _("Deze actie stond al op gedaan."))
    if action.meeting_id and permissions.case_meetings_of(request.user).filter(pk=action.meeting_id).exists():
        return redirect("neighbourhood:case_meeting", pk=action.meeting_id)
    return redirect("neighbourhood:caseload")


@login_required
def group_activities(request: HttpRequest, pk: int) -> HttpResponse:
    """The team's group activities with attendance counts only, and a form to record one."""
    team = permissions.get_team(request.user, pk)
    form = GroupActivityForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            _activity, created = casework.group_activity_add(team=team, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if created:
                messages.success(request, _("De activiteit is bewaard."))
            return redirect("neighbourhood:group_activities", pk=team.pk)
    activities = list(team.group_activities.all()[:ACTIVITY_LIMIT])
    totals = team.group_activities.aggregate(count=Count("pk"), attendees=Sum("attendees"))
    return render(
        request,
        "neighbourhood/group_activities.html",
        {"team": team, "form": form, "activities": activities, "totals": totals},
        status=400 if request.method == "POST" else 200,
    )
