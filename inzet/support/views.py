from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles
from inzet.experts.models import AccessLog, ExpertStatus
from inzet.lib.views import call_service, posted, save_form
from inzet.organisations.models import Role
from inzet.support import selectors, services
from inzet.support.forms import (
    BuddyAnswerForm,
    BuddyProposeForm,
    CheckInForm,
    EarlyConversationForm,
    TalkForm,
    partner_choices,
)
from inzet.support.permissions import (
    coordinator_org_ids,
    get_checkin_for_coordinator,
    get_pair_for_member,
    get_profile_for_staff,
    get_talk_for_user,
    own_profile,
    require_support_user,
    staff_profiles,
    words_visible,
)


def log_read(*, viewer, profile, item: str, context: str, path: str) -> None:
    """Which item someone other than the expert read, never its content (the expert sees this log)."""
    if viewer.pk != profile.user_id:
        AccessLog.objects.create(profile=profile, viewer=viewer, item=item, context=context, path=path[:300])


# --- the expert ------------------------------------------------------------------------------------


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    try:
        profile = own_profile(request.user)
    except Http404:
        return render(request, "support/no_profile.html")
    pairs = [selectors.buddy_view(p, profile) for p in selectors.pairs_of(profile)]
    return render(
        request,
        "support/mine.html",
        {
            "profile": profile,
            "talks": profile.mentor_talks.select_related("partner")[:24],
            "check_ins": profile.check_ins.select_related("invitation__request")[:12],
            "conversations": profile.early_conversations.all()[:12],
            "pairs": pairs,
            "answer_form": BuddyAnswerForm(),
        },
    )


@login_required
def checkin(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    profile = own_profile(request.user)
    assignments = selectors.assignments_of(profile)
    form = CheckInForm(posted(request), assignments=assignments, initial={"invitation": request.GET.get("opdracht")})
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.checkin_record(expert=profile, actor=request.user, **form.cleaned_data),
            success=_("Dank u wel. Fijn dat u het laat weten."),
        )
    ):
        return redirect("support:mine")
    return render(request, "support/checkin.html", {"form": form})


# --- talks -----------------------------------------------------------------------------------------


@login_required
def talk_new(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    roles = get_roles(request.user)
    if roles.has(Role.COORDINATOR, Role.TRAINER):
        experts = (
            staff_profiles(request.user)
            .filter(status=ExpertStatus.ACTIVE)
            .exclude(user=request.user)
            .select_related("user")
            .order_by("user__full_name")
        )
        profile = None
        form = TalkForm(posted(request), experts=experts, initial={"expert": request.GET.get("expert")})
    else:
        profile = own_profile(request.user)
        form = TalkForm(posted(request), partners=partner_choices(profile))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expert = data.pop("expert", None) or profile
        partner = data.pop("partner", None) or request.user
        saved = save_form(
            request,
            form,
            lambda: services.talk_record(actor=request.user, expert=expert, partner=partner, **data),
            success=_("Het gesprek is vastgelegd."),
        )
        if saved:
            return redirect("support:talk_detail", pk=saved.result.pk)
    return render(request, "support/talk_form.html", {"form": form, "is_expert": profile is not None})


@login_required
def talk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    talk, access = get_talk_for_user(request.user, pk)
    can_read = access.can_read_discussed(talk)
    if can_read and talk.discussed:
        log_read(viewer=request.user, profile=talk.expert, item="mentor_talk", context="page", path=request.path)
    return render(request, "support/talk_detail.html", {"talk": talk, "access": access, "can_read": can_read})


@login_required
@require_POST
def talk_share(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    talk, _access = get_talk_for_user(request.user, pk, expert_only=True)
    services.talk_share_set(talk=talk, actor=request.user, shared=request.POST.get("shared") == "1")
    messages.success(request, _("Uw keuze is bewaard."))
    return redirect("support:talk_detail", pk=talk.pk)


# --- coordinators and mentors ---------------------------------------------------------------------


@login_required
def team(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    roles = get_roles(request.user)
    if not roles.has(Role.COORDINATOR, Role.TRAINER):
        raise Http404
    is_coordinator = roles.has(Role.COORDINATOR)
    low = list(selectors.open_low_checkins(request.user)[:50]) if is_coordinator else []
    for check_in in low:
        check_in.visible_words = check_in.words if words_visible(request.user, check_in) else ""
        if check_in.visible_words:
            log_read(viewer=request.user, profile=check_in.expert, item="check_in", context="page", path=request.path)
    return render(
        request,
        "support/team.html",
        {
            "rows": selectors.team_experts(request.user),
            "low": low,
            "pairs": list(selectors.team_pairs(request.user)[:100]) if is_coordinator else [],
            "heavy": selectors.heavy_follow_ups(org_ids=coordinator_org_ids(request.user)) if is_coordinator else [],
            "is_coordinator": is_coordinator,
        },
    )


@login_required
def early_conversation(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator records the early conversation with an expert (pk: the expert's profile)."""
    require_support_user(request.user)
    if not coordinator_org_ids(request.user):
        raise Http404
    profile = get_profile_for_staff(request.user, pk, coordinator=True)
    check_in = None
    if request.GET.get("check_in", "").isdigit():
        check_in = get_checkin_for_coordinator(request.user, int(request.GET["check_in"]))
        if check_in.expert_id != profile.pk:
            raise Http404
    form = EarlyConversationForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.early_conversation_record(
                actor=request.user, expert=profile, check_in=check_in, **form.cleaned_data
            ),
            success=_("Het gesprek is vastgelegd."),
        )
    ):
        return redirect("support:team")
    return render(request, "support/early_form.html", {"form": form, "profile": profile})


# --- buddies ---------------------------------------------------------------------------------------


@login_required
def buddy_propose(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    if not coordinator_org_ids(request.user):
        raise Http404
    experts = (
        staff_profiles(request.user)
        .filter(organisation_id__in=coordinator_org_ids(request.user), status=ExpertStatus.ACTIVE)
        .exclude(user=request.user)
        .select_related("user")
        .order_by("user__full_name")
    )
    form = BuddyProposeForm(posted(request), experts=experts)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.buddy_propose(actor=request.user, **form.cleaned_data),
            success=_("Het voorstel is verstuurd. Beiden kiezen zelf of ze het willen."),
        )
    ):
        return redirect("support:team")
    return render(request, "support/buddy_form.html", {"form": form})


@login_required
@require_POST
def buddy_answer(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    pair = get_pair_for_member(request.user, pk)
    form = BuddyAnswerForm(request.POST)
    form.is_valid()  # two checkboxes: always valid
    accept = request.POST.get("answer") != "no"
    call_service(
        request,
        lambda: services.buddy_respond(pair=pair, actor=request.user, accept=accept, **form.cleaned_data),
        success=_("Uw keuze is bewaard."),
    )
    return redirect("support:mine")


@login_required
@require_POST
def buddy_end(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    pair = get_pair_for_member(request.user, pk)
    services.buddy_end(pair=pair, actor=request.user)
    messages.success(request, _("U bent gestopt als buddy's. U hoeft niet uit te leggen waarom."))
    return redirect("support:mine")
