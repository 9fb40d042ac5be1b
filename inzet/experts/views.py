"""Expert profile pages: the expert's own profile and wizard, the coordinator's view, assisted sign-up.

Authorise first (404 for what someone may not know exists, 403 for what they may see but not
change), then show only what inzet.experts.disclosure allows.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles, role_required
from inzet.experts import permissions, selectors, services
from inzet.experts.disclosure import SELF, can_see, can_view_profile, disclose, log_access, viewer_levels
from inzet.experts.forms import (
    AboutForm,
    AssistedSignupForm,
    BankForm,
    CompetenceForm,
    ExperienceForm,
    PauseForm,
    PracticalForm,
    TrainingForm,
    UnavailableForm,
    VisibilityForm,
    WishesForm,
)
from inzet.experts.models import Audience, ExpertCompetence, ExpertProfile, TrainingRecord, UnavailablePeriod
from inzet.lib import iban as iban_lib
from inzet.lib import uploads
from inzet.lib.views import add_service_errors, posted, posted_files, save_form
from inzet.organisations.models import Membership, Organisation, Role

STEPS = {
    1: gettext_lazy("Over u"),
    2: gettext_lazy("Uw ervaring"),
    3: gettext_lazy("Wat wilt u doen"),
    4: gettext_lazy("Praktisch"),
    5: gettext_lazy("Wie ziet wat"),
}
LOG_PAGE_SIZE = 25

# --- fetch and authorise -----------------------------------------------------------------------


def _light(pk: int) -> ExpertProfile:
    """Only what the permission checks need; the full profile is read after them."""
    profile = ExpertProfile.objects.only("pk", "user_id", "organisation_id", "managed_by_id").filter(pk=pk).first()
    if profile is None:
        raise Http404
    return profile


# One rule for the pages and the API (inzet/experts/permissions.py).
_is_coordinator_of = permissions.is_coordinator_of
_is_keeper = permissions.is_keeper
_may_edit = permissions.may_edit


def _refuse(user, profile: ExpertProfile):
    """403 for someone who may open the profile, 404 for anyone else."""
    if can_view_profile(user, profile):
        raise PermissionDenied
    raise Http404


def _editable(user, pk: int) -> ExpertProfile:
    """The expert themself, or a coordinator who keeps this profile on the person's behalf."""
    light = _light(pk)
    if not _may_edit(user, light):
        _refuse(user, light)
    return selectors.get_profile(pk)


def _expert_organisation(user) -> Organisation:
    membership = (
        Membership.objects.filter(
            user=user, role=Role.EXPERT, is_active=True, organisation__kind=Organisation.Kind.DEPLOYING
        )
        .select_related("organisation")
        .order_by("organisation_id")
        .first()
    )
    if membership is None:
        raise PermissionDenied
    return membership.organisation


def _profile_url(user, profile: ExpertProfile) -> str:
    if profile.user_id == user.pk:
        return reverse("experts:my_profile")
    return reverse("experts:detail", args=[profile.pk])


def _step_url(profile: ExpertProfile | None, step: int, own: bool) -> str:
    if own or profile is None:
        return reverse("experts:wizard", args=[step])
    return reverse("experts:wizard_for", args=[profile.pk, step])


def _summary_url(profile: ExpertProfile, own: bool) -> str:
    return reverse("experts:summary") if own else reverse("experts:summary_for", args=[profile.pk])


def _with_edit_links(view: selectors.ProfileView, profile: ExpertProfile, own: bool) -> selectors.ProfileView:
    for section in view.sections:
        for row in section.rows:
            if row.step:
                row.edit_url = f"{_step_url(profile, row.step, own)}?vanaf=profiel"
    return view


# --- the expert's own profile --------------------------------------------------------------------


@role_required(Role.EXPERT)
def my_profile(request: HttpRequest) -> HttpResponse:
    profile = selectors.own_profile(request.user)
    if profile is None:
        return redirect("experts:wizard", step=1)
    view = _with_edit_links(profile_view_for(request, profile, context="page"), profile, own=True)
    return render(request, "experts/my_profile.html", _page_context(request, profile, view, own=True))


def profile_view_for(request: HttpRequest, profile: ExpertProfile, *, context: str, full: bool = False):
    """Disclose and present. `full` is for the expert and for the coordinator who keeps the profile."""
    disclosed = disclose(
        request.user, profile, context=context, path=request.get_full_path(), level=SELF if full else None
    )
    return selectors.profile_view(disclosed)


def _page_context(request: HttpRequest, profile: ExpertProfile, view, *, own: bool) -> dict:
    user = request.user
    coordinator = _is_coordinator_of(user, profile) and profile.user_id != user.pk
    return {
        "profile": profile,
        "view": view,
        "own": own,
        "can_edit": _may_edit(user, profile),
        "is_keeper": _is_keeper(user, profile),
        "can_confirm": coordinator and view.competences_shown,
        "can_see_evidence": profile.user_id == user.pk or (coordinator and view.training_shown),
        "managed_name": profile.user.full_name if view.disclosed.sees("name") or own else _("deze persoon"),
        # Masked for everyone; only the expert's own input field holds the whole IBAN.
        "can_edit_bank": _may_edit_bank(user, profile),
        "bank_masked": iban_lib.masked(profile.iban),
        "bank_url": reverse("experts:my_bank") if own else reverse("experts:bank_for", args=[profile.pk]),
    }


def _wizard(request: HttpRequest, profile: ExpertProfile | None, step: int, *, own: bool) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    if profile is None and step != 1:
        return redirect("experts:wizard", step=1)
    form = _step_form(step, profile, request.user, posted(request))
    from_profile = (request.POST or request.GET).get("vanaf") == "profiel"
    if request.method == "POST" and form.is_valid():
        try:
            profile = _save_step(step, form, profile, request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            direction = request.POST.get("richting")
            if from_profile or direction == "stoppen":
                messages.success(request, _("Uw gegevens zijn opgeslagen."))
                return redirect(_profile_url(request.user, profile))
            if direction == "terug":
                return redirect(_step_url(profile, max(1, step - 1), own))
            if step < len(STEPS):
                return redirect(_step_url(profile, step + 1, own))
            return redirect(_summary_url(profile, own))
    if profile is not None and profile.user_id != request.user.pk:
        _log_step_read(request, profile, step)
    steps = [
        {"number": n, "title": title, "url": _step_url(profile, n, own) if profile else ""}
        for n, title in STEPS.items()
    ]
    return render(
        request,
        "experts/wizard.html",
        {
            "form": form,
            "step": step,
            "step_title": STEPS[step],
            "steps": steps,
            "total": len(STEPS),
            "profile": profile,
            "own": own,
            "from_profile": from_profile,
            "back_url": _profile_url(request.user, profile) if profile else reverse("dashboard:home"),
        },
    )


def _step_form(step: int, profile: ExpertProfile | None, user, data):
    if step == 1:
        return AboutForm(data, initial=AboutForm.initial_for(profile, user))
    if step == 2:
        return ExperienceForm(data, initial=ExperienceForm.initial_for(profile))
    if step == 3:
        return WishesForm(data, initial=WishesForm.initial_for(profile))
    if step == 4:
        return PracticalForm(data, initial=PracticalForm.initial_for(profile))
    return VisibilityForm(data, profile=profile, initial=VisibilityForm.initial_for(profile))


def _save_step(step: int, form, profile: ExpertProfile | None, user) -> ExpertProfile:
    if step == 1:
        if profile is None:
            profile = services.profile_create(user=user, organisation=_expert_organisation(user))
        changes = form.changes()
        services.profile_update(profile=profile, changes=changes)
    elif step == 2:
        services.profile_update(profile=profile, changes={"level": form.cleaned_data["level"]})
        services.experiences_set(profile=profile, stories=form.stories())
    elif step in (3, 4):
        services.profile_update(profile=profile, changes=form.changes())
    else:
        services.visibility_set(
            profile=profile,
            items=form.items(),
            experiences=form.experience_choices(),
            consent_matching=form.cleaned_data["consent_matching"],
        )
    return profile


def _log_step_read(request: HttpRequest, profile: ExpertProfile, step: int) -> None:
    """A coordinator who fills in a profile on someone's behalf reads what that step shows."""
    items = set()
    if step in (2, 5) and profile.experiences.all():
        items.add("experience")
    if step == 3 and (profile.unwanted.all() or profile.does_not_want_note):
        items.add("does_not_want")
    if step == 4 and (profile.needs not in ("", "[]") or profile.needs_note):
        items.add("needs")
    if (step == 4 and profile.benefit_situation) or (step == 1 and profile.age_band):
        items.add("benefit")
    log_access(viewer=request.user, profile=profile, items=items, context="page", path=request.get_full_path())


@role_required(Role.EXPERT)
def wizard(request: HttpRequest, step: int) -> HttpResponse:
    return _wizard(request, selectors.own_profile(request.user), step, own=True)


@login_required
def wizard_for(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    return _wizard(request, _editable(request.user, pk), step, own=False)


def _summary(request: HttpRequest, profile: ExpertProfile, *, own: bool) -> HttpResponse:
    view = _with_edit_links(profile_view_for(request, profile, context="page", full=True), profile, own)
    context = _page_context(request, profile, view, own=own)
    context["last_step_url"] = _step_url(profile, len(STEPS), own)
    return render(request, "experts/summary.html", context)


@role_required(Role.EXPERT)
def summary(request: HttpRequest) -> HttpResponse:
    profile = selectors.own_profile(request.user)
    if profile is None:
        return redirect("experts:wizard", step=1)
    return _summary(request, profile, own=True)


@login_required
def summary_for(request: HttpRequest, pk: int) -> HttpResponse:
    return _summary(request, _editable(request.user, pk), own=False)


@role_required(Role.EXPERT)
def access_log(request: HttpRequest) -> HttpResponse:
    profile = ExpertProfile.objects.filter(user=request.user).first()
    if profile is None:
        return redirect("experts:wizard", step=1)
    page = Paginator(selectors.access_log_queryset(profile), LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = [
        {
            "entry": entry,
            "viewer": entry.viewer.full_name if entry.viewer else _("Iemand die er niet meer is"),
            "roles": selectors.viewer_roles(entry.viewer),
            "item": selectors.ITEM_LABELS.get(entry.item, entry.item),
            "context": selectors.CONTEXT_LABELS.get(entry.context, entry.context),
        }
        for entry in page.object_list
    ]
    return render(request, "experts/access_log.html", {"page": page, "rows": rows})


@login_required
@require_POST
def take_over(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _light(pk)
    if profile.user_id != request.user.pk:
        _refuse(request.user, profile)
    services.profile_take_over(profile=profile)
    messages.success(request, _("U houdt uw profiel nu zelf bij."))
    return redirect("experts:my_profile")


# --- bank details ----------------------------------------------------------------------------------


def _may_edit_bank(user, profile: ExpertProfile) -> bool:
    """The expert, or any coordinator of their organisation: fixing an IBAN must not wait for a payout run."""
    return profile.user_id == user.pk or _is_coordinator_of(user, profile)


def _bank(request: HttpRequest, profile: ExpertProfile, *, own: bool) -> HttpResponse:
    # Only the owner gets the whole IBAN back in the input field; everyone else sees it masked.
    initial = {"iban": iban_lib.formatted(profile.iban) if own else "", "account_holder": profile.account_holder}
    form = BankForm(posted(request), initial=initial)
    if not own and (profile.iban or profile.account_holder):
        log_access(viewer=request.user, profile=profile, items=["bank"], context="page", path=request.get_full_path())
    if request.method == "POST" and form.is_valid():
        new_iban = form.cleaned_data["iban"]
        if not own and not new_iban.strip() and profile.iban and form.cleaned_data["account_holder"]:
            new_iban = profile.iban  # a coordinator who only corrects the name keeps the IBAN
        if save_form(
            request,
            form,
            lambda: services.bank_details_set(
                profile=profile, iban=new_iban, account_holder=form.cleaned_data["account_holder"]
            ),
            success=_("Uw bankgegevens zijn opgeslagen.") if own else _("De bankgegevens zijn opgeslagen."),
        ):
            return redirect(_profile_url(request.user, profile))
    return render(
        request,
        "experts/bank.html",
        {
            "form": form,
            "profile": profile,
            "own": own,
            "masked": iban_lib.masked(profile.iban),
            "name": profile.user.full_name,
            "back_url": _profile_url(request.user, profile),
        },
    )


@role_required(Role.EXPERT)
def my_bank(request: HttpRequest) -> HttpResponse:
    profile = selectors.own_profile(request.user)
    if profile is None:
        return redirect("experts:wizard", step=1)
    return _bank(request, profile, own=True)


@login_required
def bank_for(request: HttpRequest, pk: int) -> HttpResponse:
    light = _light(pk)
    if not _may_edit_bank(request.user, light):
        _refuse(request.user, light)
    profile = selectors.get_profile(pk)
    return _bank(request, profile, own=profile.user_id == request.user.pk)


# --- pause ---------------------------------------------------------------------------------------


@login_required
def pause(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    form = PauseForm(posted(request), initial={"until": profile.paused_until})
    if request.method == "POST":
        if request.POST.get("actie") == "hervatten":
            services.profile_resume(profile=profile)
            messages.success(request, _("Fijn dat u er weer bent. Uw pauze is gestopt."))
            return redirect(_profile_url(request.user, profile))
        if form.is_valid():
            services.profile_pause(profile=profile, until=form.cleaned_data["until"])
            messages.success(request, _("Uw pauze is ingesteld. U krijgt nu geen vragen voor opdrachten."))
            return redirect(_profile_url(request.user, profile))
    return render(request, "experts/pause.html", {"profile": profile, "form": form})


# --- unavailable periods, training, competences -------------------------------------------------


@login_required
def unavailable_add(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    form = UnavailableForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.unavailable_add(profile=profile, **form.cleaned_data),
            success=_("De periode is toegevoegd."),
        )
    ):
        return redirect(_profile_url(request.user, profile))
    return render(request, "experts/unavailable_add.html", {"profile": profile, "form": form})


@login_required
@require_POST
def unavailable_remove(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    period = get_object_or_404(UnavailablePeriod, pk=period_pk, profile=profile)
    services.unavailable_remove(period=period)
    messages.success(request, _("De periode is verwijderd."))
    return redirect(_profile_url(request.user, profile))


@uploads.accepts_uploads("evidence")
@login_required
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    form = TrainingForm(posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        evidence = fields.pop("evidence")
        services.training_add(profile=profile, evidence=evidence, **fields)
        messages.success(request, _("De opleiding is toegevoegd."))
        return redirect(_profile_url(request.user, profile))
    return render(request, "experts/training_add.html", {"profile": profile, "form": form})


@login_required
@require_POST
def training_remove(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    record = get_object_or_404(TrainingRecord, pk=record_pk, profile=profile)
    services.training_remove(record=record)
    messages.success(request, _("De opleiding is verwijderd."))
    return redirect(_profile_url(request.user, profile))


@login_required
def evidence(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    """The evidence file, only for the expert and the coordinators of their organisation who may
    see their training (or keep the profile). Never served from MEDIA_URL."""
    profile = _light(pk)
    user = request.user
    allowed = profile.user_id == user.pk or _is_keeper(user, profile)
    if not allowed and _is_coordinator_of(user, profile):
        full = ExpertProfile.objects.only("vis_training").get(pk=pk)
        if not can_see(Audience.COORDINATORS, full, "training"):
            raise Http404  # training not shared: the coordinator may not know the file exists
        allowed = True
    if not allowed:
        _refuse(user, profile)
    record = get_object_or_404(TrainingRecord, pk=record_pk, profile_id=profile.pk)
    if not record.evidence:
        raise Http404
    kind = uploads.USES["evidence"].kind_of(record.evidence.name) or "pdf"
    response = FileResponse(
        record.evidence.open("rb"),
        as_attachment=True,
        filename=record.evidence_name or f"bewijs.{'jpg' if kind == 'jpeg' else kind}",
        content_type=uploads.KINDS[kind].content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def competence_add(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    taken = [c.competence_id for c in profile.competences.all()]
    form = CompetenceForm(posted(request), taken=taken)
    if request.method == "POST" and form.is_valid():
        services.competence_add(profile=profile, competence=form.cleaned_data["competence"])
        messages.success(request, _("De competentie is toegevoegd."))
        return redirect(_profile_url(request.user, profile))
    return render(request, "experts/competence_add.html", {"profile": profile, "form": form})


@login_required
@require_POST
def competence_remove(request: HttpRequest, pk: int, competence_pk: int) -> HttpResponse:
    profile = _editable(request.user, pk)
    competence = get_object_or_404(ExpertCompetence, pk=competence_pk, profile=profile)
    services.competence_remove(competence=competence)
    messages.success(request, _("De competentie is verwijderd."))
    return redirect(_profile_url(request.user, profile))


@login_required
@require_POST
def competence_confirm(request: HttpRequest, pk: int, competence_pk: int) -> HttpResponse:
    """A coordinator of the expert's organisation confirms a competence the expert shares with them."""
    profile = _light(pk)
    user = request.user
    if profile.user_id == user.pk or not _is_coordinator_of(user, profile):
        _refuse(user, profile)
    full = ExpertProfile.objects.only("vis_competences", "user_id").get(pk=pk)
    if not can_see(Audience.COORDINATORS, full, "competences"):
        raise Http404
    competence = get_object_or_404(ExpertCompetence.objects.select_related("profile"), pk=competence_pk, profile_id=pk)
    services.competence_confirm(competence=competence, confirmed_by=user)
    messages.success(request, _("De competentie is bevestigd."))
    return redirect("experts:detail", pk=pk)


# --- other people's view -------------------------------------------------------------------------


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A profile as this viewer may see it: hidden items say "Niet gedeeld", never their value."""
    light = _light(pk)
    if light.user_id == request.user.pk:
        return redirect("experts:my_profile")
    if not can_view_profile(request.user, light):
        raise Http404
    profile = selectors.get_profile(pk)
    view = profile_view_for(request, profile, context="page")
    context = _page_context(request, profile, view, own=False)
    if context["is_keeper"]:
        _with_edit_links(view, profile, own=False)
    if context["can_edit_bank"] and profile.iban:
        log_access(viewer=request.user, profile=profile, items=["bank"], context="page", path=request.get_full_path())
    return render(request, "experts/detail.html", context)


@login_required
def print_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole profile on paper, with boxes for corrections and a line to sign. Logged as "print"."""
    profile = _editable(request.user, pk)
    view = profile_view_for(request, profile, context="print", full=True)
    return render(request, "experts/print.html", {"profile": profile, "view": view})


# --- assisted sign-up ---------------------------------------------------------------------------


def _coordinated_deploying(user):
    return Organisation.objects.filter(
        pk__in=get_roles(user).organisation_ids(Role.COORDINATOR), kind=Organisation.Kind.DEPLOYING
    )


@role_required(Role.COORDINATOR)
def assisted_signup(request: HttpRequest) -> HttpResponse:
    organisations = _coordinated_deploying(request.user)
    if not organisations:
        raise PermissionDenied
    form = AssistedSignupForm(posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: services.assisted_signup(
                organisation=form.cleaned_data["organisation"],
                full_name=form.cleaned_data["full_name"],
                email=form.cleaned_data["email"],
                invite=form.cleaned_data["invite"],
                coordinator=request.user,
            ),
            success=_("Het profiel is gemaakt. Vul nu samen de 5 stappen in."),
        )
        if saved:
            return redirect("experts:wizard_for", pk=saved.result.pk, step=1)
    return render(request, "experts/assisted_signup.html", {"form": form})


@role_required(Role.COORDINATOR)
def managed_list(request: HttpRequest) -> HttpResponse:
    org_ids = get_roles(request.user).organisation_ids(Role.COORDINATOR)
    page = Paginator(selectors.managed_profiles(org_ids), LOG_PAGE_SIZE).get_page(request.GET.get("pagina"))
    profiles = list(page.object_list)
    levels = viewer_levels(request.user, profiles)
    rows = [
        {
            "profile": p,
            "name": p.user.full_name if can_see(levels[p.pk], p, "name") else _("Naam niet gedeeld"),
        }
        for p in profiles
    ]
    return render(request, "experts/managed_list.html", {"rows": rows, "page": page})
