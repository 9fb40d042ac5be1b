"""The kennismaking page: plan it (coordinator or asker), then go / no-go per side.

Authorise, validate, one service call (engagements/introductions.py). Trainers read only; an
expert who said yes sees it and gives their own outcome; everyone else 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.engagements import introductions
from inzet.engagements.form_widgets import DateInput, DayAndTimes, TimeInput
from inzet.engagements.permissions import get_request_for_user
from inzet.engagements.service_helpers import coordinators_of


class PlanForm(DayAndTimes, forms.Form):
    day = forms.DateField(
        label=gettext_lazy("Datum"),
        widget=DateInput(),
        error_messages={
            "required": gettext_lazy("Vul een datum in."),
            "invalid": gettext_lazy("Vul een datum in, bijvoorbeeld 15-03-2026."),
        },
    )
    start = forms.TimeField(
        label=gettext_lazy("Begint om"),
        widget=TimeInput(),
        error_messages={
            "required": gettext_lazy("Vul een begintijd in."),
            "invalid": gettext_lazy("Vul een tijd in, bijvoorbeeld 13:30."),
        },
    )
    end = forms.TimeField(
        label=gettext_lazy("Eindigt om"),
        widget=TimeInput(),
        error_messages={
            "required": gettext_lazy("Vul een eindtijd in."),
            "invalid": gettext_lazy("Vul een tijd in, bijvoorbeeld 14:30."),
        },
    )
    online = forms.BooleanField(label=gettext_lazy("Online"), required=False)
    location = forms.CharField(label=gettext_lazy("Waar (plaats en adres)"), max_length=300, required=False)
    link = forms.URLField(
        label=gettext_lazy("Link voor het online gesprek"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": gettext_lazy("Vul een hele link in, bijvoorbeeld https://meet.example.nl/abc.")},
    )
    coordinator = forms.ModelChoiceField(
        label=gettext_lazy("Welke coördinator is erbij?"),
        queryset=None,
        error_messages={"required": gettext_lazy("Kies een coördinator.")},
    )

    def __init__(self, *args, engagement, **kwargs):
        super().__init__(*args, **kwargs)
        from inzet.accounts.models import User

        ids = [u.pk for u in coordinators_of(engagement.deploying_organisation_id)]
        self.fields["coordinator"].queryset = User.objects.filter(pk__in=ids)


class OutcomeForm(forms.Form):
    side = forms.CharField(widget=forms.HiddenInput)
    go = forms.TypedChoiceField(
        label=gettext_lazy("Gaan we door?"),
        choices=[("1", gettext_lazy("Ja, we gaan door")), ("0", gettext_lazy("Nee, het gaat niet door"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies ja of nee.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Waarom niet? (nodig bij nee)"),
        help_text=gettext_lazy("Alleen de coördinator leest dit."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _load(user, pk):
    engagement, access = get_request_for_user(user, pk, allow_expert=True)
    if not introductions.is_required(engagement):
        raise Http404
    if not access.can_read and not access.is_accepted_expert:
        raise Http404
    return engagement, access


def _outcome_sides(access, state) -> list[tuple[str, str]]:
    """Which sides this person may give an outcome for: ("asker", label) or (invitation pk, name)."""
    sides = []
    if (access.is_asker or access.is_coordinator) and state.get("asker_outcome") is None:
        sides.append(("asker", _("De vrager")))
    for invitation, outcome in state.get("expert_outcomes", []):
        if outcome is None and (access.is_coordinator or (access.invitation and access.invitation.pk == invitation.pk)):
            sides.append((str(invitation.pk), invitation.expert.user.get_full_name() or invitation.expert.user.email))
    return sides


@login_required
def introduction(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, access = _load(request.user, pk)
    state = introductions.status(engagement)
    may_plan = (access.is_asker or access.is_coordinator) and not state.get("held") and not state.get("asker_outcome")
    plan_form = outcome_form = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "plan":
                if not may_plan:
                    raise PermissionDenied
                plan_form = PlanForm(request.POST, engagement=engagement)
                if plan_form.is_valid():
                    c = plan_form.cleaned_data
                    introductions.introduction_plan(
                        engagement=engagement,
                        actor=request.user,
                        starts_at=c["starts_at"],
                        ends_at=c["ends_at"],
                        online=c["online"],
                        location=c["location"],
                        link=c["link"],
                        coordinator=c["coordinator"],
                    )
                    messages.success(request, _("De kennismaking is gepland. Iedereen die erbij is krijgt bericht."))
                    return redirect("engagements:introduction", pk=pk)
            elif action == "outcome":
                outcome_form = OutcomeForm(request.POST)
                if outcome_form.is_valid():
                    side = outcome_form.cleaned_data["side"]
                    invitation = None
                    if side != "asker":
                        invitation = next((i for i in state.get("accepted", []) if str(i.pk) == side), None)
                        if invitation is None:
                            raise Http404
                    introductions.introduction_outcome(
                        engagement=engagement,
                        actor=request.user,
                        go=outcome_form.cleaned_data["go"],
                        reason=outcome_form.cleaned_data["reason"],
                        invitation=invitation,
                    )
                    messages.success(request, _("De uitkomst is opgeslagen."))
                    return redirect("engagements:introduction", pk=pk)
            else:
                raise PermissionDenied
        except ValidationError as exc:
            form = plan_form if action == "plan" else outcome_form
            if hasattr(exc, "error_dict") and all(k in form.fields for k in exc.error_dict):
                for field, errors in exc.error_dict.items():
                    form.add_error(field, errors)
            else:
                form.add_error(None, " ".join(exc.messages))
    if may_plan and plan_form is None:
        current = state.get("introduction")
        initial = {}
        if current is not None:
            start = timezone.localtime(current.starts_at)
            initial = {
                "day": start.date(),
                "start": start.time(),
                "end": timezone.localtime(current.ends_at).time(),
                "online": current.online,
                "location": current.location,
                "link": current.link,
                "coordinator": current.coordinator_id,
            }
        plan_form = PlanForm(initial=initial, engagement=engagement)
    sides = _outcome_sides(access, state) if state.get("held") else []
    return render(
        request,
        "engagements/introduction.html",
        {
            "engagement": engagement,
            "access": access,
            "state": state,
            "plan_form": plan_form,
            "outcome_form": outcome_form or OutcomeForm(),
            "sides": sides,
            "people": introductions.asker_contacts(engagement) if state.get("introduction") else [],
        },
    )
