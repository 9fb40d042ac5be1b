"""Case meetings, agreed actions and the klik between resident and expert. Thin views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import posted
from inzet.neighbourhood import casework, klik_selectors, permissions
from inzet.neighbourhood.casework_forms import ActionForm, AgreeForm, CaseMeetingForm, PreferencesForm, RecordForm
from inzet.neighbourhood.views import _read_only


@login_required
def case_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    """The case meetings of one trajectory that you take part in, and a form to plan one."""
    trajectory = permissions.get_trajectory(request.user, pk, item="case_meetings")
    read_only = _read_only(request, trajectory)
    form = CaseMeetingForm(posted(request), trajectory=trajectory)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting, _created = casework.case_meeting_plan(
                trajectory=trajectory,
                by=request.user,
                request_key=data["request_key"],
                planned_for=data["planned_for"],
                place=data["place"],
                participants=list(data["participants"]),
                partners=list(data["partners"]),
            )
        except ValidationError as exc:
            form.add_error("partners", exc)
        else:
            messages.success(request, _("Het overleg is gepland. Alleen wie meedoet, ziet het."))
            return redirect("neighbourhood:case_meeting", pk=meeting.pk)
    meetings = (
        permissions.case_meetings_of(request.user)
        .filter(trajectory=trajectory)
        .prefetch_related("participants", "partners")
    )
    return render(
        request,
        "neighbourhood/case_meetings.html",
        {"trajectory": trajectory, "meetings": meetings, "form": form, "read_only": read_only},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def case_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """One case meeting, for its participants only: who, the short record, the agreed actions."""
    meeting = permissions.get_case_meeting(request.user, pk)
    trajectory = meeting.trajectory
    read_only = _read_only(request, trajectory)
    form = RecordForm(posted(request), initial={"record": meeting.record})
    if request.method == "POST" and form.is_valid():
        casework.case_meeting_record(meeting=meeting, record=form.cleaned_data["record"])
        messages.success(request, _("Het verslag is bewaard."))
        return redirect("neighbourhood:case_meeting", pk=meeting.pk)
    return render(
        request,
        "neighbourhood/case_meeting.html",
        {
            "meeting": meeting,
            "trajectory": trajectory,
            "participants": meeting.participants.all(),
            "partners": meeting.partners.all(),
            "actions": meeting.actions.select_related("owner"),
            "form": form,
            "action_form": ActionForm(team=trajectory.team),
            "read_only": read_only,
        },
    )


@login_required
@require_POST
def case_meeting_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Add an agreed action to a case meeting (owner, due date). Once per click."""
    meeting = permissions.get_case_meeting(request.user, pk)
    _read_only(request, meeting.trajectory)
    form = ActionForm(request.POST, team=meeting.trajectory.team)
    if form.is_valid():
        casework.action_add(trajectory=meeting.trajectory, meeting=meeting, **form.cleaned_data)
        messages.success(request, _("De actie is toegevoegd."))
    else:
        messages.error(request, _("Schrijf op wat er is afgesproken."))
    return redirect("neighbourhood:case_meeting", pk=meeting.pk)


@login_required
def klik(request: HttpRequest, pk: int) -> HttpResponse:
    """What the resident finds important, and the team's experts in order of fit, with reasons."""
    trajectory = permissions.get_trajectory(request.user, pk, item="klik")
    read_only = _read_only(request, trajectory)
    languages, domains = klik_selectors.choices()
    prefs = klik_selectors.preferences(trajectory)
    form = PreferencesForm(
        posted(request),
        languages=languages,
        domains=domains,
        initial=klik_selectors.initial(trajectory, prefs),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        casework.preferences_save(
            trajectory=trajectory,
            languages=",".join(data["languages"]),
            age="" if data["age"] is None else str(data["age"]),
            expert_gender=data["expert_gender"],
            neighbourhood=data["neighbourhood"],
            domains=",".join(data["domains"]),
        )
        messages.success(request, _("De wensen zijn bewaard."))
        return redirect("neighbourhood:klik", pk=trajectory.pk)
    return render(
        request,
        "neighbourhood/klik.html",
        {
            "trajectory": trajectory,
            "form": form,
            "ranking": klik_selectors.ranking(trajectory, prefs, dict(languages + domains)),
            "prefs": prefs,
            "agree_form": AgreeForm(team=trajectory.team),
            "read_only": read_only,
        },
    )


@login_required
@require_POST
def klik_agree(request: HttpRequest, pk: int) -> HttpResponse:
    """The resident agrees to an expert: recorded, and the expert joins the trajectory."""
    trajectory = permissions.get_trajectory(request.user, pk, item="klik")
    _read_only(request, trajectory)
    form = AgreeForm(request.POST, team=trajectory.team)
    if form.is_valid():
        casework.expert_agree(trajectory=trajectory, expert=form.cleaned_data["expert"])
        messages.success(request, _("Vastgelegd: de bewoner stemt in met deze ervaringsdeskundige."))
    else:
        messages.error(request, _("Kies een ervaringsdeskundige van het team."))
    return redirect("neighbourhood:klik", pk=trajectory.pk)
