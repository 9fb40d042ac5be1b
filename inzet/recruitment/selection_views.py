"""Pages for the organisation's own questions, the printable vacancy and flyer, the intro talk,
shadowing with the joint evaluation, and the group overview (counts only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inzet.lib.views import posted
from inzet.recruitment import selection, selectors
from inzet.recruitment.forms import (
    IntroTalkForm,
    QuestionFormSet,
    ShadowDayForm,
    ShadowEvaluationForm,
    question_initial,
)
from inzet.recruitment.models import IntroTalk, ShadowDay, ShadowEvaluation
from inzet.recruitment.pdf import vacancy_pdf
from inzet.recruitment.permissions import get_application_for_user, get_recruiting_organisation


def _log(request: HttpRequest, application, item: str) -> None:
    selection.reads_log(viewer=request.user, application=application, items=[item], context="page", path=request.path)


@login_required
def questions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug, manage=True)
    current = selection.questions_of(organisation)
    formset = QuestionFormSet(posted(request), initial=question_initial(current), prefix="vragen")
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            selection.questions_configure(organisation=organisation, questions=formset.specs())
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("De vragen zijn opgeslagen."))
            return redirect("recruitment:questions", slug=slug)
    return render(
        request,
        "recruitment/questions.html",
        {"organisation": organisation, "formset": formset, "errors": errors},
    )


def vacancy(request: HttpRequest, slug: str) -> HttpResponse:
    """The vacancy as a printable page (poster, local paper); anyone may read it, like the page itself."""
    page = selectors.public_page(slug)
    return render(request, "recruitment/vacancy.html", {"page": page, "organisation": page.organisation})


def vacancy_flyer(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.public_page(slug)
    response = HttpResponse(vacancy_pdf(page), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="vacature-{page.organisation.slug}.pdf"'
    return response


@login_required
def intro_talk(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    talk = IntroTalk.objects.filter(application=application).first()
    if talk is not None and request.method == "GET":  # the form shows what was written
        _log(request, application, "intro_talk")
    form = IntroTalkForm(posted(request), instance=talk or IntroTalk(application=application))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in selection.INTRO_FIELDS}
        selection.intro_talk_record(application=application, recorded_by=request.user, **fields)
        messages.success(request, _("Het kennismakingsgesprek is opgeslagen."))
        return redirect("recruitment:application_detail", slug=slug, pk=pk)
    return render(
        request,
        "recruitment/intro_talk.html",
        {"organisation": application.organisation, "application": application, "form": form},
    )


@login_required
def shadowing(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    form = ShadowDayForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            selection.shadow_day_record(application=application, recorded_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De dag is geteld."))
            return redirect("recruitment:shadowing", slug=slug, pk=pk)
    days = list(ShadowDay.objects.filter(application=application))
    if any(day.notes for day in days):  # the page lists the notes
        _log(request, application, "shadow_days")
    return render(
        request,
        "recruitment/shadowing.html",
        {
            "organisation": application.organisation,
            "application": application,
            "form": form,
            "progress": selection.shadow_progress(application),
            "days": days,
            "evaluation": ShadowEvaluation.objects.filter(application=application).first(),
        },
    )


@login_required
def shadow_evaluation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_user(request.user, pk, slug=slug)
    evaluation = ShadowEvaluation.objects.filter(application=application).first()
    if evaluation is not None and request.method == "GET":
        _log(request, application, "shadow_evaluation")
    form = ShadowEvaluationForm(posted(request), instance=evaluation or ShadowEvaluation(application=application))
    if request.method == "POST" and form.is_valid():
        try:
            selection.shadow_evaluation_record(
                application=application,
                recorded_by=request.user,
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Het samen terugkijken is opgeslagen."))
            return redirect("recruitment:shadowing", slug=slug, pk=pk)
    return render(
        request,
        "recruitment/shadow_evaluation.html",
        {
            "organisation": application.organisation,
            "application": application,
            "form": form,
            "progress": selection.shadow_progress(application),
        },
    )


@login_required
def group(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_recruiting_organisation(request.user, slug, manage=True)
    return render(
        request,
        "recruitment/group.html",
        {"organisation": organisation, "overview": selection.group_overview(organisation)},
    )
