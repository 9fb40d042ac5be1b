"""The POST handlers that undo an approval (see undo.py); the form sits on the assignment page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.compensation.permissions import get_expense_for_user, get_hour_entry_for_user, require_decider
from inzet.compensation.undo import approval_undo
from inzet.lib.views import call_service


class UndoForm(forms.Form):
    reason = forms.CharField(max_length=500)


def _undo(request: HttpRequest, entry, access) -> HttpResponse:
    require_decider(access)
    form = UndoForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Schrijf kort waarom u de goedkeuring terugdraait."))
    else:
        call_service(
            request,
            lambda: approval_undo(entry=entry, actor=request.user, reason=form.cleaned_data["reason"]),
            success=_("De goedkeuring is teruggedraaid. De regel wacht weer op een besluit."),
        )
    return redirect(reverse("compensation:assignment", args=[entry.invitation_id]))


@login_required
@require_POST
def hours_undo(request: HttpRequest, pk: int) -> HttpResponse:
    entry, access = get_hour_entry_for_user(request.user, pk)
    return _undo(request, entry, access)


@login_required
@require_POST
def expense_undo(request: HttpRequest, pk: int) -> HttpResponse:
    claim, access = get_expense_for_user(request.user, pk)
    return _undo(request, claim, access)
