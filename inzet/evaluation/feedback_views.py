"""Pages for closing a request both ways: the asker's answers, the experts' ratings, moderation, the word list.

Thin views: permissions and writes live in feedback.py (shared with the API).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles
from inzet.evaluation import feedback
from inzet.evaluation.forms import AskerFeedbackForm, ExpertFeedbackForm, ModerationForm, StigmaWordForm
from inzet.evaluation.models import AskerFeedback, StigmaWord
from inzet.lib.views import posted, save_form
from inzet.organisations.models import Role


@login_required
def feedback_index(request: HttpRequest) -> HttpResponse:
    roles = get_roles(request.user)
    if not roles.has(Role.ASKER, Role.EXPERT, Role.COORDINATOR):
        raise PermissionDenied
    on = feedback.reviews_on()
    context = {"on": on, "requests": feedback.requests_for(request.user) if on else []}
    context["pending"] = feedback.pending_for(request.user) if on else {"asker": [], "expert": []}
    return render(request, "evaluation/feedback_index.html", context)


@login_required
def feedback_request(request: HttpRequest, request_pk: int) -> HttpResponse:
    parties = feedback.parties(request.user, request_pk)
    return render(
        request,
        "evaluation/feedback_request.html",
        {"parties": parties, **feedback.visible_feedback(parties, request.user)},
    )


def _give(request, request_pk, *, form_class, allowed, service, template):
    parties = feedback.parties(request.user, request_pk)
    if not allowed(parties):
        raise PermissionDenied
    form = form_class(posted(request))
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
        if save_form(
            request,
            form,
            lambda: service(parties=parties, by=request.user, request_key=form.cleaned_data["request_key"], **data),
            success=_("Dank u wel. Een coördinator kijkt uw antwoorden na voordat anderen ze zien."),
        ):
            return redirect("evaluation:feedback_request", request_pk=parties.request.pk)
    return render(request, template, {"form": form, "parties": parties})


@login_required
def feedback_asker(request: HttpRequest, request_pk: int) -> HttpResponse:
    return _give(
        request,
        request_pk,
        form_class=AskerFeedbackForm,
        allowed=lambda p: p.is_asker,
        service=feedback.asker_feedback_give,
        template="evaluation/feedback_form.html",
    )


@login_required
def feedback_expert(request: HttpRequest, request_pk: int) -> HttpResponse:
    return _give(
        request,
        request_pk,
        form_class=ExpertFeedbackForm,
        allowed=lambda p: p.expert is not None,
        service=feedback.expert_feedback_give,
        template="evaluation/feedback_form.html",
    )


@login_required
def feedback_moderate(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = feedback.get_for_moderation(request.user, kind, pk)
    with_follow_up = isinstance(item, AskerFeedback)
    initial = {"remarks": item.remarks, **({"follow_up": item.follow_up} if with_follow_up else {})}
    form = ModerationForm(posted(request), initial=initial, with_follow_up=with_follow_up)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: feedback.feedback_moderate(
                item=item,
                by=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                remarks=form.cleaned_data["remarks"],
                follow_up=form.cleaned_data.get("follow_up") if with_follow_up else None,
            ),
            success=_("Uw besluit is bewaard."),
        )
    ):
        return redirect("evaluation:feedback_index")
    return render(request, "evaluation/feedback_moderate.html", {"item": item, "form": form, "kind": kind})


def _require_operator(user) -> None:
    if not get_roles(user).is_operator:
        raise PermissionDenied


@login_required
def stigma_words(request: HttpRequest) -> HttpResponse:
    _require_operator(request.user)
    form = StigmaWordForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: feedback.stigma_word_add(word=form.cleaned_data["word"], by=request.user),
            success=_("Het woord staat op de lijst."),
        )
    ):
        return redirect("evaluation:stigma_words")
    return render(request, "evaluation/stigma_words.html", {"form": form, "words": StigmaWord.objects.all()})


@require_POST
@login_required
def stigma_word_remove(request: HttpRequest, pk: int) -> HttpResponse:
    _require_operator(request.user)
    feedback.stigma_word_remove(pk=pk, by=request.user)
    messages.success(request, _("Het woord is van de lijst gehaald."))
    return redirect("evaluation:stigma_words")


@login_required
def budget(request: HttpRequest, org_pk: int) -> HttpResponse:
    from django.utils import timezone

    from inzet.evaluation import budget as budget_service
    from inzet.evaluation import permissions
    from inzet.evaluation.forms import BudgetForm

    organisation = permissions.get_report_organisation(request.user, org_pk)
    raw_year = request.POST.get("year") or request.GET.get("jaar") or ""
    year = int(raw_year) if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100 else timezone.localdate().year
    form = BudgetForm(posted(request), lines=budget_service.budget_for(organisation, year), initial={"year": year})
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: budget_service.budget_save(
                organisation=organisation, year=form.cleaned_data["year"], lines=form.lines(), by=request.user
            ),
            success=_("De begroting is bewaard."),
        )
    ):
        return redirect(f"{request.path}?jaar={form.cleaned_data['year']}")
    return render(request, "evaluation/budget.html", {"form": form, "organisation": organisation, "year": year})
