"""Regional intervisie pages: groups across organisations, taking part, joining, sessions."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Organisation, Role
from inzet.support import intervision
from inzet.support.forms import DATETIME, _NonceForm, _PersonChoice
from inzet.support.meeting_views import staff_plan_form
from inzet.support.permissions import require_support_user, staff_org_ids


class GroupForm(_NonceForm):
    host = forms.ModelChoiceField(label=gettext_lazy("Organiseert"), queryset=None)
    name = forms.CharField(label=gettext_lazy("Naam van de groep"), max_length=150)
    region = forms.CharField(label=gettext_lazy("Regio"), max_length=100)
    description = forms.CharField(
        label=gettext_lazy("Uitleg (mag leeg blijven)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    facilitator = _PersonChoice(label=gettext_lazy("Begeleider"), queryset=User.objects.none())

    def __init__(self, *args, organisations, facilitators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = organisations
        self.fields["facilitator"].queryset = facilitators


class SessionForm(_NonceForm):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    starts_at = forms.DateTimeField(label=gettext_lazy("Begint"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    ends_at = forms.DateTimeField(label=gettext_lazy("Eindigt"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    location = forms.CharField(label=gettext_lazy("Plaats of link"), max_length=300, required=False)


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    return render(
        request,
        "support/intervision_list.html",
        {"groups": list(intervision.groups_for(request.user)[:200]), "can_create": bool(staff_org_ids(request.user))},
    )


@login_required
def group_new(request: HttpRequest) -> HttpResponse:
    return staff_plan_form(
        request,
        form_class=GroupForm,
        host_field="host",
        create=intervision.group_create,
        message=_("De groep is gemaakt. Andere organisaties in de regio kunnen meedoen."),
        detail="support:intervision_detail",
        template="support/intervision_form.html",
    )


@login_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    group = intervision.get_group_for_user(request.user, pk)
    roles = get_roles(request.user)
    taking_part = set(group.organisations.values_list("organisation_id", flat=True))
    my_coordinated = Organisation.objects.filter(
        pk__in=roles.organisation_ids(Role.COORDINATOR), kind=Organisation.Kind.DEPLOYING
    )
    profile = intervision._own_profile(request.user)
    member = group.members.filter(expert=profile).first() if profile else None
    return render(
        request,
        "support/intervision_detail.html",
        {
            "group": group,
            "organisations": list(group.organisations.select_related("organisation").order_by("organisation__name")),
            "coordinated": [(o, o.pk in taking_part) for o in my_coordinated],
            "members": intervision.members_for(request.user, group),
            "can_join": profile is not None and profile.organisation_id in taking_part,
            "member": member,
            "can_plan": intervision.can_plan(request.user, group),
            "sessions": list(group.sessions.order_by("-starts_at")[:50]),
        },
    )


@login_required
@require_POST
def group_take_part(request: HttpRequest, pk: int) -> HttpResponse:
    """A coordinator: POST organisation=<pk>, on=1|0."""
    require_support_user(request.user)
    group = intervision.get_group_for_user(request.user, pk)
    organisation = Organisation.objects.filter(pk=request.POST.get("organisation", "0") or 0).first()
    if organisation is None or organisation.pk not in get_roles(request.user).organisation_ids(Role.COORDINATOR):
        raise PermissionDenied
    call_service(
        request,
        lambda: intervision.organisation_take_part(
            actor=request.user, group=group, organisation=organisation, on=request.POST.get("on") == "1"
        ),
        success=_("Uw keuze is bewaard."),
    )
    return redirect("support:intervision_detail", pk=group.pk)


@login_required
@require_POST
def group_member(request: HttpRequest, pk: int) -> HttpResponse:
    """An expert: POST join=1|0, name_visible."""
    require_support_user(request.user)
    group = intervision.get_group_for_user(request.user, pk)
    call_service(
        request,
        lambda: intervision.member_set(
            actor=request.user,
            group=group,
            join=request.POST.get("join") == "1",
            name_visible=bool(request.POST.get("name_visible")),
        ),
        success=_("Uw keuze is bewaard."),
    )
    return redirect("support:intervision_detail", pk=group.pk)


@login_required
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    group = intervision.get_group_for_user(request.user, pk)
    if not intervision.can_plan(request.user, group):
        raise PermissionDenied
    form = SessionForm(posted(request), initial={"title": group.name})
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: intervision.session_plan(actor=request.user, group=group, **form.cleaned_data),
            success=_("De bijeenkomst is gepland. De deelnemers krijgen een uitnodiging."),
        )
        if saved:
            return redirect("support:meeting_detail", pk=saved.result.pk)
    return render(request, "support/intervision_session_form.html", {"form": form, "group": group})
