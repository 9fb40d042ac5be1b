from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_organisation_for_user, get_roles, role_required, visible_organisations
from inzet.lib.views import posted, save_form
from inzet.organisations import services
from inzet.organisations.forms import MemberAddForm, PolicySettingsForm
from inzet.organisations.models import Membership, PolicySettings, Role


@role_required(Role.COORDINATOR, Role.OPERATOR, Role.ASKER, Role.TRAINER)
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = visible_organisations(request.user)
    return render(request, "organisations/list.html", {"organisations": organisations})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    roles = get_roles(request.user)
    can_manage = roles.is_operator or roles.has(Role.COORDINATOR, organisation_id=pk)
    # Experts see their organisation but not the member list: that is the coordinator's work.
    members = (
        Membership.objects.filter(organisation=organisation).select_related("user").order_by("user__full_name")
        if can_manage or roles.has(Role.ASKER, organisation_id=pk)
        else Membership.objects.none()
    )
    # Experts choose who sees their name (coordinators, askers, public); the operator is none of
    # those, so an operator who does not coordinate here sees how many experts there are, not who.
    expert_count = None
    if roles.is_operator and not roles.has(Role.COORDINATOR, organisation_id=pk):
        expert_count = members.filter(role=Role.EXPERT, is_active=True).count()
        members = members.exclude(role=Role.EXPERT)
    return render(
        request,
        "organisations/detail.html",
        {"organisation": organisation, "members": members, "can_manage": can_manage, "expert_count": expert_count},
    )


@login_required
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, write=True)
    form = MemberAddForm(posted(request), organisation=organisation)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.member_add(organisation=organisation, added_by=request.user, **form.cleaned_data),
            success=_("De persoon is toegevoegd en krijgt een e-mail."),
        )
    ):
        return redirect("organisations:detail", pk=pk)
    return render(request, "organisations/member_add.html", {"organisation": organisation, "form": form})


@login_required
@require_POST
def member_deactivate(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, write=True)
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    if membership.user_id == request.user.pk:
        raise PermissionDenied
    services.member_deactivate(membership=membership)
    messages.success(request, _("De rol is gestopt."))
    return redirect("organisations:detail", pk=pk)


@role_required(Role.OPERATOR)
def policy(request: HttpRequest) -> HttpResponse:
    current = PolicySettings.current()
    form = PolicySettingsForm(posted(request), instance=current)
    if request.method == "POST" and form.is_valid():
        changes = {f: form.cleaned_data[f] for f in form.changed_data}
        services.policy_update(policy=current, changes=changes, updated_by=request.user)
        messages.success(request, _("De beleidsinstellingen zijn opgeslagen."))
        return redirect("organisations:policy")
    return render(request, "organisations/policy.html", {"form": form, "policy": current})
