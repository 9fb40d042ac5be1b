"""Catalogue, enrolment, attendance, completion and verification pages. Thin: authorise, one service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Organisation
from inzet.training import pdf, permissions, selectors, services
from inzet.training.forms import CourseForm, VerifyForm
from inzet.training.models import EnrolmentStatus


def _message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    permissions.require_catalogue_access(request.user)
    staff_ids = permissions.staff_organisation_ids(request.user)
    return render(
        request,
        "training/catalogue.html",
        {
            "courses": list(selectors.catalogue(request.user)),
            "mine": selectors.my_enrolments(request.user),
            "staff_ids": staff_ids,
            "staff_organisations": Organisation.objects.filter(pk__in=staff_ids).order_by("name"),
        },
    )


@login_required
def course_new(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = permissions.get_staff_organisation(request.user, org_pk)
    form = CourseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.course_create(organisation=organisation, by=request.user, **form.cleaned_data),
            success=_("De cursus staat in de catalogus."),
        )
        if saved:
            return redirect("training:course_detail", pk=saved.result.pk)
    return render(request, "training/course_form.html", {"form": form, "organisation": organisation})


@login_required
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user(request.user, pk, write=True)
    form = CourseForm(posted(request), instance=course)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.course_update(course=course, **form.cleaned_data),
            success=_("De cursus is opgeslagen."),
        )
    ):
        return redirect("training:course_detail", pk=course.pk)
    return render(
        request, "training/course_form.html", {"form": form, "organisation": course.organisation, "course": course}
    )


@login_required
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user(request.user, pk)
    staff = permissions.is_staff_of(request.user, course.organisation_id)
    mine = selectors.my_enrolments(request.user).get(course.pk)
    context = {
        "course": course,
        "staff": staff,
        "can_enrol": permissions.is_expert_of(request.user, course.organisation_id),
        "mine": mine,
        "position": selectors.waiting_position(mine) if mine else None,
        "enrolled": selectors.enrolled_count(course),
    }
    if staff:
        context["rows"] = selectors.course_rows(course)
        context["waiting"] = selectors.waiting_list(course)
        context["candidates"] = selectors.not_enrolled(course)
    return render(request, "training/course_detail.html", context)


@require_POST
@login_required
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user(request.user, pk)
    profile = permissions.own_profile(request.user, course)
    try:
        enrolment = services.enrolment_join(course=course, profile=profile)
    except ValidationError as exc:
        messages.error(request, _message(exc))
    else:
        if enrolment.status == EnrolmentStatus.WAITING:
            messages.success(request, _("De cursus is vol. U staat op de wachtlijst."))
        else:
            messages.success(request, _("U bent ingeschreven."))
    return redirect("training:course_detail", pk=pk)


@require_POST
@login_required
def enrol_for(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator or trainer enrols an expert of the organisation on their behalf (e.g. by phone)."""
    course = permissions.get_course_for_user(request.user, pk, write=True)
    profile = permissions.expert_of_course(course, request.POST.get("profile", ""))
    if profile is None:
        messages.error(request, _("Kies een ervaringsdeskundige uit de lijst."))
        return redirect("training:course_detail", pk=pk)
    try:
        enrolment = services.enrolment_join(course=course, profile=profile)
    except ValidationError as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(
            request,
            _("%(name)s staat nu: %(status)s.")
            % {"name": profile.user.full_name, "status": enrolment.get_status_display()},
        )
    return redirect("training:course_detail", pk=pk)


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user(request.user, pk)
    enrolment = selectors.my_enrolments(request.user).get(course.pk)
    if enrolment is None:
        return redirect("training:course_detail", pk=pk)
    call_service(request, lambda: services.enrolment_withdraw(enrolment=enrolment), success=_("U bent afgemeld."))
    return redirect("training:course_detail", pk=pk)


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user(request.user, pk, write=True)
    lessons = list(range(1, course.lessons + 1))
    if request.method == "POST":
        try:
            lesson = int(request.POST.get("lesson", ""))
            present = {int(v) for v in request.POST.getlist("present")}
            services.attendance_record(course=course, lesson=lesson, present_ids=present, by=request.user)
        except (ValueError, ValidationError):
            messages.error(request, _("Kies een les uit de lijst."))
        else:
            messages.success(request, _("De aanwezigheid bij les %(lesson)s is opgeslagen.") % {"lesson": lesson})
            return redirect("training:attendance", pk=pk)
    return render(
        request,
        "training/attendance.html",
        {"course": course, "lessons": lessons, "rows": selectors.course_rows(course)},
    )


@require_POST
@login_required
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = permissions.get_enrolment_for_user(request.user, pk, write=True)
    call_service(
        request,
        lambda: services.enrolment_complete(enrolment=enrolment, by=request.user),
        success=_("Afgerond. De opleiding staat gecontroleerd op het profiel."),
    )
    return redirect("training:course_detail", pk=enrolment.course_id)


@login_required
def certificate(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = permissions.get_enrolment_for_user(request.user, pk)
    if enrolment.status != EnrolmentStatus.COMPLETED:
        messages.error(request, _("Er is nog geen certificaat: de cursus is niet afgerond."))
        return redirect("training:course_detail", pk=enrolment.course_id)
    response = HttpResponse(
        pdf.certificate_pdf(enrolment, language=request.LANGUAGE_CODE), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificaat-{enrolment.pk}.pdf"'
    return response


@login_required
def records(request: HttpRequest) -> HttpResponse:
    if not permissions.staff_organisation_ids(request.user):
        permissions.require_catalogue_access(request.user)  # experts: 403 below, others: 404
        raise permissions.PermissionDenied
    return render(request, "training/records.html", {"records": list(selectors.records_to_verify(request.user)[:200])})


@login_required
def record_verify(request: HttpRequest, pk: int) -> HttpResponse:
    record = permissions.get_record_to_verify(request.user, pk)
    form = VerifyForm(posted(request), initial={"valid_until": record.valid_until})
    if request.method == "POST" and form.is_valid():
        services.record_verify(record=record, by=request.user, valid_until=form.cleaned_data["valid_until"])
        messages.success(request, _("Gecontroleerd: %(name)s telt nu mee in het register.") % {"name": record.name})
        return redirect("training:records")
    return render(request, "training/record_verify.html", {"record": record, "form": form})
