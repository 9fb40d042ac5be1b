"""Changing the work form (volunteer, employee, zzp): first see what changes, then confirm."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.compensation import selectors, services
from inzet.compensation.permissions import get_expert_for_allowances
from inzet.experts.models import WorkForm
from inzet.lib.views import add_service_errors


class WorkFormForm(forms.Form):
    work_form = forms.ChoiceField(
        label=gettext_lazy("Nieuwe werkvorm"),
        choices=WorkForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies een werkvorm.")},
    )
    kvk_number = forms.CharField(
        label=gettext_lazy("KvK-nummer"),
        max_length=8,
        required=False,
        help_text=gettext_lazy("Alleen voor zzp'ers: 8 cijfers."),
    )


@login_required
def work_form(request: HttpRequest, expert_pk: int) -> HttpResponse:
    profile, on_behalf = get_expert_for_allowances(request.user, expert_pk)
    confirming = request.method == "POST" and "confirm" in request.POST
    form = WorkFormForm(request.POST if request.method == "POST" else None, initial={"work_form": profile.work_form})
    change = None
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["work_form"]
        if confirming:
            try:
                services.work_form_change(profile=profile, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("De werkvorm is veranderd."))
                return redirect("compensation:work_form", expert_pk=profile.pk)
        change = selectors.work_form_change_view(viewer=request.user, profile=profile, new=new, path=request.path)
    return render(
        request,
        "compensation/work_form.html",
        {
            "profile": profile,
            "on_behalf": on_behalf,
            "form": form,
            "change": change,
            "instruments": selectors.work_instruments() if on_behalf else None,
        },
    )
