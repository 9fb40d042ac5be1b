"""One assignment: hours, expenses, the reward choice, and the invitation's yes/no with its reward."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.compensation import selectors, services
from inzet.compensation.forms import (
    DecisionForm,
    ExpenseCorrectionForm,
    ExpenseForm,
    HoursCorrectionForm,
    HoursForm,
    RewardChoiceForm,
)
from inzet.compensation.permissions import (
    get_assignment_for_user,
    get_expense_for_user,
    get_hour_entry_for_user,
    require_decider,
)
from inzet.compensation.views.common import _assignment_url, _next_or
from inzet.engagements.forms import RespondForm
from inzet.engagements.permissions import get_invitation_for_expert
from inzet.engagements.view_helpers import answer_thanks
from inzet.experts.disclosure import viewer_levels
from inzet.lib import uploads
from inzet.lib.views import add_service_errors, call_service, posted, posted_files


@login_required
def assignment(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    invitation = access.invitation
    hours, expenses = selectors.assignment_rows(invitation)
    level = viewer_levels(request.user, [invitation.expert])[invitation.expert.pk]
    return render(
        request,
        "compensation/assignment.html",
        {
            "access": access,
            "invitation": invitation,
            "engagement": invitation.request,
            "expert_name": selectors.expert_label(invitation.expert, level),
            "hours": hours,
            "expenses": expenses,
            "payouts": invitation.payouts.order_by("-created_at", "-pk"),
            "choices": invitation.reward_choices.select_related("chosen_by").order_by("-chosen_at", "-pk"),
        },
    )


@login_required
def assignment_reward(request: HttpRequest, pk: int) -> HttpResponse:
    """The rule check for an invitation or assignment, and choosing another reward form for it."""
    access = get_assignment_for_user(request.user, pk, pending_too=True)
    invitation = access.invitation
    form = RewardChoiceForm(posted(request), auto_id="id_keuze_%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.reward_choice_record(
                invitation=invitation,
                reward_form=form.cleaned_data["reward_form"],
                charity=form.cleaned_data["charity"],
                details=form.cleaned_data["details"],
                actor=request.user,
                on_behalf=access.on_behalf,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Uw keuze is opgeslagen."))
            return redirect(_next_or(request, request.path))
    check = selectors.invitation_check(request.user, invitation, path=request.path)
    if not form.is_bound:
        form = RewardChoiceForm(
            initial={"reward_form": check.reward.reward_form, "charity": check.reward.charity}, auto_id="id_keuze_%s"
        )
    return render(
        request,
        "compensation/reward.html",
        {"access": access, "invitation": invitation, "engagement": invitation.request, "cv": check, "form": form},
    )


def _entry_form(
    request: HttpRequest, *, form, save, message: str, invitation_id: int, template: str, access, correcting=None
) -> HttpResponse:
    """The one shape of writing or correcting an hour row or an expense claim: validate, call the
    service (`save(**cleaned_data)`), show its refusal on the form, or go back to the assignment."""
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect("compensation:assignment", pk=invitation_id)
    return render(
        request, template, {"access": access, "invitation": access.invitation, "form": form, "correcting": correcting}
    )


def _withdraw(request: HttpRequest, *, withdraw, message: str, invitation_id: int) -> HttpResponse:
    call_service(request, lambda: withdraw(), success=message)
    return redirect("compensation:assignment", pk=invitation_id)


@login_required
def hours_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    agreement = selectors.agreement_of(access.invitation.request)
    form = HoursForm(
        posted(request),
        initial={"date": selectors.today()},
        half_days=agreement is not None and agreement.half_day_rate is not None,
    )
    return _entry_form(
        request,
        form=form,
        save=partial(services.hours_log, invitation=access.invitation, actor=request.user),
        message=_("De uren zijn opgeslagen. De coördinator keurt ze goed."),
        invitation_id=pk,
        template="compensation/hours_form.html",
        access=access,
    )


@login_required
def hours_correct(request: HttpRequest, pk: int) -> HttpResponse:
    entry, access = get_hour_entry_for_user(request.user, pk)
    form = HoursCorrectionForm(
        posted(request), initial={"date": entry.date, "hours": entry.hours, "description": entry.description}
    )
    return _entry_form(
        request,
        form=form,
        save=partial(services.hours_correct, entry=entry, actor=request.user),
        message=_("De correctie is opgeslagen. De oude regel blijft bewaard."),
        invitation_id=entry.invitation_id,
        template="compensation/hours_form.html",
        access=access,
        correcting=entry,
    )


@login_required
@require_POST
def hours_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry, _access = get_hour_entry_for_user(request.user, pk)
    return _withdraw(
        request,
        withdraw=partial(services.hours_withdraw, entry=entry, actor=request.user),
        message=_("De regel is ingetrokken."),
        invitation_id=entry.invitation_id,
    )


def _decide(request: HttpRequest, access, invitation_id: int, decide) -> HttpResponse:
    """Approve or reject one hour row or expense claim; `decide(approve=, note=)` is the service call."""
    require_decider(access)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies goedkeuren of afwijzen."))
    else:
        call_service(
            request,
            lambda: decide(approve=form.cleaned_data["decision"] == "approve", note=form.cleaned_data["note"]),
            success=_("Het besluit is opgeslagen."),
        )
    return redirect(_next_or(request, _assignment_url(invitation_id)))


@login_required
@require_POST
def hours_decide(request: HttpRequest, pk: int) -> HttpResponse:
    entry, access = get_hour_entry_for_user(request.user, pk)
    return _decide(
        request, access, entry.invitation_id, lambda **kw: services.hours_decide(entry=entry, actor=request.user, **kw)
    )


@uploads.accepts_uploads("receipt")
@login_required
def expense_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    form = ExpenseForm(posted(request), posted_files(request), initial={"date": selectors.today()})
    return _entry_form(
        request,
        form=form,
        save=partial(services.expense_submit, invitation=access.invitation, actor=request.user),
        message=_("De kosten zijn opgeslagen. De coördinator keurt ze goed."),
        invitation_id=pk,
        template="compensation/expense_form.html",
        access=access,
    )


@uploads.accepts_uploads("receipt")
@login_required
def expense_correct(request: HttpRequest, pk: int) -> HttpResponse:
    claim, access = get_expense_for_user(request.user, pk)
    form = ExpenseCorrectionForm(
        posted(request),
        posted_files(request),
        initial={"date": claim.date, "amount": claim.amount, "description": claim.description},
    )
    return _entry_form(
        request,
        form=form,
        save=partial(services.expense_correct, claim=claim, actor=request.user),
        message=_("De correctie is opgeslagen. De oude regel blijft bewaard."),
        invitation_id=claim.invitation_id,
        template="compensation/expense_form.html",
        access=access,
        correcting=claim,
    )


@login_required
@require_POST
def expense_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    claim, _access = get_expense_for_user(request.user, pk)
    return _withdraw(
        request,
        withdraw=partial(services.expense_withdraw, claim=claim, actor=request.user),
        message=_("U heeft de onkosten teruggetrokken."),
        invitation_id=claim.invitation_id,
    )


@login_required
@require_POST
def expense_decide(request: HttpRequest, pk: int) -> HttpResponse:
    claim, access = get_expense_for_user(request.user, pk)
    return _decide(
        request,
        access,
        claim.invitation_id,
        lambda **kw: services.expense_decide(claim=claim, actor=request.user, **kw),
    )


@login_required
def expense_receipt(request: HttpRequest, pk: int) -> FileResponse:
    claim, _access = get_expense_for_user(request.user, pk)
    kind = uploads.USES["receipt"].kind_of(claim.receipt.name) or ""
    try:
        handle = claim.receipt.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=uploads.content_type(claim.receipt.name))
    response["Content-Disposition"] = f'inline; filename="bon-{claim.pk}.{"jpg" if kind == "jpeg" else kind}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- the invitation: reward choice and yes/no in one form ------------------------------------------


@login_required
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation page's form posts here: the reward form and yes/no are saved together.

    A mistake (a donation without a charity, no answer) shows this page with the message and keeps
    everything that was filled in; GET shows the same form."""
    invitation = get_invitation_for_expert(request.user, pk)
    current = selectors.effective_reward(invitation)
    answer = RespondForm(posted(request))
    reward = RewardChoiceForm(
        posted(request),
        initial={"reward_form": current.reward_form, "charity": current.charity, "details": current.details},
    )
    if request.method == "POST":
        answer_ok = answer.is_valid()
        accept = answer_ok and answer.cleaned_data["answer"] == "yes"
        if answer_ok and (not accept or reward.is_valid()):
            try:
                services.invitation_answer(
                    invitation=invitation,
                    actor=request.user,
                    accept=accept,
                    reason=answer.cleaned_data["reason"],
                    **({k: reward.cleaned_data[k] for k in ("reward_form", "charity", "details")} if accept else {}),
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    messages.error(request, " ".join(exc.messages))
                    return redirect("engagements:invitation", pk=pk)
                add_service_errors(reward, exc)
            else:
                messages.success(request, answer_thanks(accept))
                # Saying yes goes on to "what do you need to do this?" (engagements).
                return redirect("engagements:invitation_needs" if accept else "engagements:invitation", pk=pk)
    return render(
        request,
        "compensation/invitation_answer.html",
        {"invitation": invitation, "engagement": invitation.request, "answer": answer, "reward": reward},
    )
