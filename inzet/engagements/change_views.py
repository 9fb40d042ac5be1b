"""Pages for changing one's mind: the asker asks for changes to the agreement and quote; an
expert steps back after saying yes. Authorise, validate, one service call (engagements/changes.py).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.engagements import changes
from inzet.engagements.models import Invitation
from inzet.engagements.permissions import ASKER, get_invitation_for_expert, get_request_for_user
from inzet.lib.views import posted, save_form


class ChangeRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Wat wilt u anders, en waarom?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Schrijf wat u anders wilt en waarom.")},
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Wilt u zeggen waarom? (niet verplicht)"),
        help_text=gettext_lazy("Alleen de coördinator leest dit. De vrager ziet het nooit."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@login_required
def agreement_change(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=ASKER)
    form = ChangeRequestForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: changes.agreement_change_request(
                engagement=engagement, actor=request.user, reason=form.cleaned_data["reason"]
            ),
            success=_("Uw vraag om een aanpassing is verstuurd. U krijgt bericht als er een nieuwe versie is."),
        )
    ):
        return redirect("engagements:detail", pk=pk)
    return render(request, "engagements/agreement_change.html", {"engagement": engagement, "form": form})


@login_required
def invitation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_invitation_for_expert(request.user, pk)
    if invitation.state != Invitation.State.ACCEPTED and request.method != "POST":
        return redirect("engagements:invitation", pk=pk)
    form = WithdrawForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            changes.invitation_withdraw(invitation=invitation, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("U heeft zich teruggetrokken. Dat mag, en het telt niet tegen u. De coördinator weet het.")
            )
        return redirect("engagements:invitation", pk=pk)
    return render(
        request,
        "engagements/invitation_withdraw.html",
        {"invitation": invitation, "engagement": invitation.request, "form": form},
    )
