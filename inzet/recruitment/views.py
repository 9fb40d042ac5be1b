from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles
from inzet.lib import uploads
from inzet.lib.views import add_service_errors, call_service, posted, posted_files, save_form
from inzet.organisations.models import Role
from inzet.recruitment import rules, selection, selectors, services
from inzet.recruitment.forms import (
    HONEYPOT,
    ApplicationForm,
    DecisionForm,
    EnterOnBehalfForm,
    RecruitmentPageForm,
    StageFormSet,
    TranscriptForm,
    stage_initial,
)
from inzet.recruitment.models import ApplicationAnswer, IntroTalk, RecruitmentPage
from inzet.recruitment.permissions import get_application_for_user, get_recruiting_organisation

# --- public ----------------------------------------------------------------------------------------


@uploads.accepts_uploads("motivation")
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.public_page(slug)
    context = {"page": page, "organisation": page.organisation, "stages": selectors.stages_of(page.organisation)}
    if not page.is_open:
        return render(request, "recruitment/apply.html", context)
    questions = selection.questions_of(page.organisation, active_only=True)
    form = ApplicationForm(posted(request), posted_files(request), questions=questions)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.application_submit(organisation=page.organisation, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("recruitment:thanks", slug=slug)
        form.ask_to_choose_file_again()
    return render(request, "recruitment/apply.html", {**context, "form": form, "honeypot": HONEYPOT})


def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.public_page(slug)
    return render(request, "recruitment/thanks.html", {"organisation": page.organisation})


# --- coordinators and trainers ---------------------------------------------------------------------


@login_required
def application_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug)
    return render(
        request,
        "recruitment/application_list.html",
        {
            "organisation": organisation,
            "overview": selectors.recruitment_overview(organisation),
            "has_page": RecruitmentPage.objects.filter(organisation=organisation).exists(),
            "can_manage": get_roles(request.user).has(Role.COORDINATOR, organisation_id=organisation.pk),
        },
    )


@login_required
def application_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    organisation = application.organisation
    intro_talk = IntroTalk.objects.filter(application=application).first()
    answers = list(ApplicationAnswer.objects.filter(application=application).select_related("question"))
    shown = [  # the special-category parts this page shows; one insert logs them all
        item
        for item, present in (
            ("motivation", selection.motivation_shown(application)),
            ("answers", bool(answers)),
            ("intro_talk", intro_talk is not None),
        )
        if present
    ]
    if shown:
        selection.reads_log(
            viewer=request.user, application=application, items=shown, context="page", path=request.path
        )
    return render(
        request,
        "recruitment/application_detail.html",
        {
            "organisation": organisation,
            "application": application,
            "stages": selectors.stages_of(organisation),
            "history": selectors.application_history(application),
            "answers": answers,
            "intro_talk": intro_talk,
            "progress": selection.shadow_progress(application),
            "can_manage": get_roles(request.user).has(Role.COORDINATOR, organisation_id=organisation.pk),
        },
    )


@login_required
def application_file(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    if not application.motivation_file:
        raise Http404
    selection.reads_log(
        viewer=request.user, application=application, items=["motivation"], context="page", path=request.path
    )
    extension = uploads.extension_of(application.motivation_file.name)
    response = FileResponse(
        application.motivation_file.open("rb"),
        as_attachment=True,
        filename=application.motivation_file_name or f"motivatie.{extension}",
        content_type=uploads.content_type(application.motivation_file.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def application_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    if not application.is_open:
        messages.info(request, _("Over deze aanmelding is al besloten."))
        return redirect("recruitment:application_detail", slug=slug, pk=pk)
    stages = selectors.stages_of(application.organisation)
    index = next(i for i, s in enumerate(stages) if s.pk == application.current_stage_id)
    is_last = index == len(stages) - 1
    allowed = rules.allowed_decisions([rules.Stage(s.code, s.can_skip) for s in stages], index)
    form = DecisionForm(posted(request), allowed=allowed, ask_email=is_last and not application.email)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.stage_decide(application=application, decided_by=request.user, **form.cleaned_data),
            success=_("Het besluit is vastgelegd. De aanmelder krijgt een e-mail."),
        )
    ):
        return redirect("recruitment:application_detail", slug=slug, pk=pk)
    return render(
        request,
        "recruitment/application_decide.html",
        {
            "organisation": application.organisation,
            "application": application,
            "form": form,
            "is_last": is_last,
            "next_stage": None if is_last else stages[index + 1],
        },
    )


@login_required
def application_transcript(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    form = TranscriptForm(posted(request), initial={"transcript": application.motivation_transcript})
    if request.method == "GET" and application.motivation_transcript:
        # the form shows the transcript of the motivation: a read like the detail page's
        selection.reads_log(
            viewer=request.user, application=application, items=["motivation"], context="page", path=request.path
        )
    if request.method == "POST" and form.is_valid():
        services.application_transcript_update(application=application, transcript=form.cleaned_data["transcript"])
        messages.success(request, _("De tekst is opgeslagen."))
        return redirect("recruitment:application_detail", slug=slug, pk=pk)
    return render(
        request,
        "recruitment/application_transcript.html",
        {"organisation": application.organisation, "application": application, "form": form},
    )


@login_required
@require_POST
def application_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug, manage=True)
    call_service(
        request,
        lambda: services.application_withdraw(application=application),
        success=_("De aanmelding is teruggetrokken."),
    )
    return redirect("recruitment:application_detail", slug=slug, pk=pk)


@uploads.accepts_uploads("motivation")
@login_required
def application_enter(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug, manage=True)
    questions = selection.questions_of(organisation, active_only=True)
    form = EnterOnBehalfForm(posted(request), posted_files(request), questions=questions)
    if request.method == "POST":
        if form.is_valid():
            saved = save_form(
                request,
                form,
                lambda: services.application_enter_on_behalf(
                    organisation=organisation, entered_by=request.user, **form.cleaned_data
                ),
                success=_("De aanmelding is ingevoerd."),
            )
            if saved:
                return redirect("recruitment:application_detail", slug=slug, pk=saved.result.pk)
        form.ask_to_choose_file_again()
    return render(request, "recruitment/application_enter.html", {"organisation": organisation, "form": form})


@login_required
def page_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug, manage=True)
    page = RecruitmentPage.objects.filter(organisation=organisation).first()
    form = RecruitmentPageForm(posted(request), instance=page or RecruitmentPage(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.recruitment_page_update(organisation=organisation, changes=changes, updated_by=request.user)
        messages.success(request, _("De wervingspagina is opgeslagen."))
        return redirect("recruitment:application_list", slug=slug)
    return render(
        request, "recruitment/page_edit.html", {"organisation": organisation, "form": form, "is_new": page is None}
    )


@login_required
def pipeline(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug, manage=True)
    stages = selectors.stages_of(organisation)
    in_use = selectors.stage_in_use_ids(organisation) if stages else set()
    formset = StageFormSet(posted(request), initial=stage_initial(stages), in_use=in_use, prefix="stappen")
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            services.pipeline_configure(organisation=organisation, stages=formset.specs())
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("De stappen zijn opgeslagen."))
            return redirect("recruitment:pipeline", slug=slug)
    return render(
        request,
        "recruitment/pipeline.html",
        {"organisation": organisation, "formset": formset, "errors": errors, "is_default": not stages},
    )
