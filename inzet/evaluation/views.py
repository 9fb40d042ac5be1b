"""Evaluation report pages: thin — authorise, read the report through one selector, render."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.evaluation import charts, exports, permissions, selectors, services
from inzet.evaluation.forms import GrantForm, PeriodForm, ReflectionForm, StoryForm
from inzet.evaluation.models import Reflection, ReportGrant, Story
from inzet.evaluation.rules import Period
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Organisation

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _page(request, report: selectors.Report, **context) -> HttpResponse:
    charts_by_key = {
        table.key: charts.chart_data_url(table)
        for question in report.questions
        for table in question.tables
        if table.chart
    }
    charts_by_key.update({table.key: charts.chart_data_url(table) for table in report.figures if table.chart})
    return render(request, "evaluation/report.html", {"report": report, "charts": charts_by_key, **context})


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _filename(report: selectors.Report, ext: str) -> str:
    return f"evaluatie-{report.organisation.slug}-{report.period.start}-{report.period.end}.{ext}"


@login_required
def index(request: HttpRequest) -> HttpResponse:
    ids = permissions.require_reporting(request.user)
    return render(
        request, "evaluation/index.html", {"organisations": Organisation.objects.filter(pk__in=ids).order_by("name")}
    )


def _report_for(request, org_pk: int):
    organisation = permissions.get_report_organisation(request.user, org_pk)
    form = PeriodForm(request.GET or None, organisation=organisation)
    if form.is_valid():
        period, team = form.cleaned_data["period"], form.cleaned_data["team"]
    else:
        form_default = PeriodForm({}, organisation=organisation)
        form_default.is_valid()
        period, team = form_default.cleaned_data["period"], None
    report = selectors.evaluation_report(organisation=organisation, team=team, period=period)
    return report, form


@login_required
def report(request: HttpRequest, org_pk: int) -> HttpResponse:
    report, form = _report_for(request, org_pk)
    return _page(request, report, form=form, query=request.GET.urlencode())


@login_required
def report_pdf(request: HttpRequest, org_pk: int) -> HttpResponse:
    report, _form = _report_for(request, org_pk)
    return _download(exports.report_pdf(report), "application/pdf", _filename(report, "pdf"))


@login_required
def report_xlsx(request: HttpRequest, org_pk: int) -> HttpResponse:
    report, _form = _report_for(request, org_pk)
    return _download(exports.report_xlsx(report), XLSX, _filename(report, "xlsx"))


@login_required
def grants(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = permissions.get_report_organisation(request.user, org_pk)
    form = GrantForm(posted(request), organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in GrantForm.Meta.fields}
        if save_form(
            request,
            form,
            lambda: services.grant_create(organisation=organisation, by=request.user, **data),
            success=_("De link voor de financier is gemaakt."),
        ):
            return redirect("evaluation:grants", org_pk=organisation.pk)
    existing = ReportGrant.objects.filter(organisation=organisation).select_related("team")
    return render(
        request,
        "evaluation/grants.html",
        {"organisation": organisation, "form": form, "grants": existing, "today": timezone.localdate()},
    )


@require_POST
@login_required
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = permissions.get_grant_for_coordinator(request.user, pk)
    services.grant_revoke(grant=grant, by=request.user)
    messages.success(request, _("De link werkt niet meer."))
    return redirect("evaluation:grants", org_pk=grant.organisation_id)


def _shared_report(grant: ReportGrant) -> selectors.Report:
    return selectors.evaluation_report(
        organisation=grant.organisation, team=grant.team, period=Period(grant.period_start, grant.period_end)
    )


def shared(request: HttpRequest, token: str) -> HttpResponse:
    grant = permissions.open_grant(token, item="page")
    response = _page(request, _shared_report(grant), grant=grant)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address: never pass it on
    return response


def shared_pdf(request: HttpRequest, token: str) -> HttpResponse:
    grant = permissions.open_grant(token, item="pdf")
    report = _shared_report(grant)
    return _download(exports.report_pdf(report), "application/pdf", _filename(report, "pdf"))


def shared_xlsx(request: HttpRequest, token: str) -> HttpResponse:
    grant = permissions.open_grant(token, item="xlsx")
    report = _shared_report(grant)
    return _download(exports.report_xlsx(report), XLSX, _filename(report, "xlsx"))


@login_required
def stories(request: HttpRequest) -> HttpResponse:
    ids = permissions.require_story_writer(request.user)
    coordinated = permissions.report_organisation_ids(request.user)
    rows = (
        Story.objects.filter(Q(submitted_by=request.user) | Q(organisation_id__in=coordinated))
        .select_related("organisation")
        .order_by("-consent_at")[:200]
    )
    return render(
        request,
        "evaluation/stories.html",
        {"stories": rows, "organisations": Organisation.objects.filter(pk__in=ids).order_by("name")},
    )


@login_required
def story_new(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = permissions.get_writer_organisation(request.user, org_pk)
    form = StoryForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in StoryForm.Meta.fields}
        saved = save_form(
            request,
            form,
            lambda: services.story_submit(
                organisation=organisation, by=request.user, request_key=form.cleaned_data["request_key"], **data
            ),
            success=_("Dank u wel. Een coördinator kijkt het verhaal na voordat het gebruikt wordt."),
        )
        if saved:
            return redirect("evaluation:story", pk=saved.result.pk)
    return render(request, "evaluation/story_form.html", {"form": form, "organisation": organisation})


@login_required
def story(request: HttpRequest, pk: int) -> HttpResponse:
    story = permissions.get_story(request.user, pk)
    can_approve = (
        permissions.is_coordinator_of(request.user, story.organisation_id) and story.submitted_by_id != request.user.pk
    )
    return render(request, "evaluation/story.html", {"story": story, "can_approve": can_approve})


@require_POST
@login_required
def story_approve(request: HttpRequest, pk: int) -> HttpResponse:
    story = permissions.get_story(request.user, pk)
    if not permissions.is_coordinator_of(request.user, story.organisation_id):
        raise PermissionDenied
    call_service(
        request, lambda: services.story_approve(story=story, by=request.user), success=_("Het verhaal is goedgekeurd.")
    )
    return redirect("evaluation:story", pk=story.pk)


@require_POST
@login_required
def story_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    story = permissions.get_story(request.user, pk)
    services.story_withdraw(story=story)
    messages.success(
        request, _("De toestemming is ingetrokken. Het verhaal is gewist en staat in geen enkel rapport meer.")
    )
    return redirect("evaluation:story", pk=story.pk)


@login_required
def reflections(request: HttpRequest) -> HttpResponse:
    ids = permissions.require_story_writer(request.user)
    coordinated = permissions.report_organisation_ids(request.user)
    rows = (
        Reflection.objects.filter(Q(author=request.user) | Q(organisation_id__in=coordinated))
        .select_related("organisation", "meeting")
        .order_by("-held_on", "-pk")[:200]
    )
    return render(
        request,
        "evaluation/reflections.html",
        {"reflections": rows, "organisations": Organisation.objects.filter(pk__in=ids).order_by("name")},
    )


@login_required
def reflection_new(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = permissions.get_writer_organisation(request.user, org_pk)
    initial = {"request_key": uuid.uuid4()}
    if request.GET.get("bijeenkomst", "").isdigit():
        initial.update(meeting=int(request.GET["bijeenkomst"]), occasion=Reflection.Occasion.INTERVISION)
    form = ReflectionForm(posted(request), organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ReflectionForm.Meta.fields}
        saved = save_form(
            request,
            form,
            lambda: services.reflection_record(
                organisation=organisation, by=request.user, request_key=form.cleaned_data["request_key"], **data
            ),
            success=_("Uw terugblik is bewaard."),
        )
        if saved:
            return redirect("evaluation:reflection", pk=saved.result.pk)
    return render(request, "evaluation/reflection_form.html", {"form": form, "organisation": organisation})


@login_required
def reflection(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "evaluation/reflection.html", {"reflection": permissions.get_reflection(request.user, pk)})
