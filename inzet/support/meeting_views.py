from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Organisation, Role
from inzet.support import intervision, meetings
from inzet.support.forms import MeetingForm, ReflectionForm
from inzet.support.permissions import STAFF, require_support_user, staff_org_ids


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    found = list(meetings.meetings_for(request.user)[:100])
    seats = {s.meeting_id: s for s in meetings.MeetingSeat.objects.filter(meeting__in=found, expert__user=request.user)}
    for meeting in found:
        meeting.my_seat = seats.get(meeting.pk)
    return render(
        request,
        "support/meeting_list.html",
        {"meetings": found, "can_plan": bool(staff_org_ids(request.user)), "now": timezone.now()},
    )


def staff_plan_form(
    request: HttpRequest, *, form_class, host_field: str, create, message: str, detail: str, template: str
) -> HttpResponse:
    """Plan a meeting or start an intervision group: the same form shape for staff of an organisation,
    with its facilitators to choose from; `create` is the service, `detail` the URL name to go to."""
    require_support_user(request.user)
    org_ids = staff_org_ids(request.user)
    if not org_ids:
        raise Http404
    facilitators = (
        User.objects.filter(
            memberships__organisation_id__in=org_ids, memberships__role__in=STAFF, memberships__is_active=True
        )
        .distinct()
        .order_by("full_name")
    )
    form = form_class(
        posted(request),
        organisations=Organisation.objects.filter(pk__in=org_ids),
        facilitators=facilitators,
        initial={"facilitator": request.user.pk, host_field: min(org_ids)},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, lambda: create(actor=request.user, **form.cleaned_data), success=message)
        if saved:
            return redirect(detail, pk=saved.result.pk)
    return render(request, template, {"form": form})


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    return staff_plan_form(
        request,
        form_class=MeetingForm,
        host_field="organisation",
        create=meetings.meeting_plan,
        message=_("De bijeenkomst is gepland. De ervaringsdeskundigen krijgen een uitnodiging."),
        detail="support:meeting_detail",
        template="support/meeting_form.html",
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    meeting, seat = meetings.get_meeting_for_user(request.user, pk)
    is_staff = meetings.is_staff_of(request.user, meeting)
    scope = intervision.seat_orgs(request.user, meeting)
    seats = meeting.seats.select_related("expert__user").order_by("expert__user__full_name")
    if scope is not None:  # a regional session: only one's own organisation's experts
        seats = seats.filter(expert__organisation_id__in=scope)
    seats = list(seats) if scope is None or scope else []
    is_facilitator = meeting.facilitator_id == request.user.pk
    can_mark = is_facilitator or (
        meeting.group_id is None
        and get_roles(request.user).has(Role.COORDINATOR, organisation_id=meeting.organisation_id)
    )
    return render(
        request,
        "support/meeting_detail.html",
        {
            "meeting": meeting,
            "seat": seat,
            "seats": seats,
            "is_staff": is_staff,
            "sees_seats": scope is None or bool(scope),
            "can_mark": can_mark,
            "is_facilitator": is_facilitator,
            "started": meeting.starts_at <= timezone.now(),
            "reflection_form": ReflectionForm(initial={"reflection": meeting.reflection}),
        },
    )


@login_required
@require_POST
def meeting_signup(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    meeting, seat = meetings.get_meeting_for_user(request.user, pk)
    if seat is None:
        raise PermissionDenied
    call_service(
        request,
        lambda: meetings.meeting_signup(meeting=meeting, actor=request.user, coming=request.POST.get("coming") != "no"),
        success=_("Uw keuze is bewaard."),
    )
    return redirect("support:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    meeting, _seat = meetings.get_meeting_for_user(request.user, pk)
    present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
    call_service(
        request,
        lambda: meetings.attendance_record(meeting=meeting, actor=request.user, present=present),
        success=_("De aanwezigheid is bewaard."),
    )
    return redirect("support:meeting_detail", pk=meeting.pk)


@login_required
@require_POST
def meeting_reflection(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    meeting, _seat = meetings.get_meeting_for_user(request.user, pk)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        call_service(
            request,
            lambda: meetings.reflection_save(meeting=meeting, actor=request.user, text=form.cleaned_data["reflection"]),
            success=_("De terugblik is bewaard."),
        )
    elif meeting.facilitator_id != request.user.pk:
        raise PermissionDenied
    else:
        messages.error(request, _("Schrijf een korte terugblik."))
    return redirect("support:meeting_detail", pk=meeting.pk)


@login_required
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    meeting, _seat = meetings.get_meeting_for_user(request.user, pk)
    response = HttpResponse(meetings.to_ics([meeting], name=meeting.title), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inzet-{slugify(meeting.title)[:40] or meeting.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
