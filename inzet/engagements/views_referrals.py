"""Pages for referring (brokerage switch off): find an organisation, send a question, answer it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles, role_required
from inzet.engagements import referrals
from inzet.engagements.forms import ReferralAnswerForm, ReferralForm
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Organisation, Role


def _asker_organisation(user) -> Organisation:
    from inzet.engagements.views import _asker_organisation as first_asker_organisation

    return first_asker_organisation(user)


def _only_when_referring() -> None:
    # With brokerage on, the installation brokers: these pages do not exist.
    if referrals.brokering():
        raise Http404


@role_required(Role.ASKER)
def referral_find(request: HttpRequest) -> HttpResponse:
    _only_when_referring()
    return render(request, "engagements/referral_find.html", {"cards": referrals.organisations_to_refer_to()})


@role_required(Role.ASKER)
def referral_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    _only_when_referring()
    organisation = get_object_or_404(Organisation, pk=organisation_pk, kind=Organisation.Kind.DEPLOYING)
    asker_organisation = _asker_organisation(request.user)
    form = ReferralForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: referrals.referral_send(
                asker_organisation=asker_organisation,
                organisation=organisation,
                actor=request.user,
                **form.cleaned_data,
            ),
            success=_("Uw vraag is verstuurd. De organisatie laat u weten of zij hem oppakt."),
        )
    ):
        return redirect("engagements:referrals")
    return render(request, "engagements/referral_form.html", {"organisation": organisation, "form": form})


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    _only_when_referring()
    roles = get_roles(request.user)
    if not roles.has(Role.ASKER, Role.COORDINATOR, Role.TRAINER):
        raise Http404
    sent, received = referrals.referrals_for(request.user)
    answerable = roles.organisation_ids(Role.COORDINATOR)
    return render(
        request,
        "engagements/referrals.html",
        {
            "sent": list(sent),
            "received": list(received),
            "answerable": answerable,
            "is_asker": roles.has(Role.ASKER),
        },
    )


@login_required
@require_POST
def referral_answer(request: HttpRequest, pk: int) -> HttpResponse:
    _only_when_referring()
    referral = referrals.get_referral_to_answer(request.user, pk)
    form = ReferralAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies of u de vraag oppakt."))
        return redirect("engagements:referrals")
    call_service(
        request,
        lambda: referrals.referral_answer(
            referral=referral,
            actor=request.user,
            take_on=form.cleaned_data["decision"] == "take_on",
            answer=form.cleaned_data["answer"],
        ),
        success=_("Uw antwoord is opgeslagen. De vrager ziet het bij Doorverwijzingen."),
    )
    return redirect("engagements:referrals")
