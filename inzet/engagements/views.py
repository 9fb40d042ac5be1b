"""Pages for requests: the asker's wizard and list, the request page, the organisation's inbox and
intake, agreement, quote and sessions. Invitations are in invitation_views.py, the calendar in
calendar_views.py.

Every view authorises first (inzet/engagements/permissions.py), then validates a form, calls one
service and redirects.
"""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles, role_required
from inzet.engagements import pdf, referrals, rules, selectors, services, versions
from inzet.engagements.forms import (
    STEP_SLUGS,
    STEPS,
    AgreementForm,
    AttachmentForm,
    GoalStep,
    IntakeForm,
    NoteForm,
    SessionForm,
)
from inzet.engagements.models import EngagementRequest, RequestAttachment, RequestStatus
from inzet.engagements.panels import intake_panels
from inzet.engagements.permissions import ASKER, COORDINATOR, get_request_for_user
from inzet.engagements.tasks import invitations_housekeeping
from inzet.lib import uploads
from inzet.lib.views import add_service_errors, call_service, posted, posted_files, save_form
from inzet.organisations.models import Organisation, Role

# --- the asker: list, wizard, submit ---------------------------------------------------------------


@role_required(Role.ASKER)
def my_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engagements/mine.html",
        {"requests": selectors.requests_of_asker(request.user), "brokering": referrals.brokering()},
    )


def _asker_organisation(user) -> Organisation:
    org_ids = get_roles(user).organisation_ids(Role.ASKER)
    # A person asks for one organisation at a time; with several, the first by name.
    organisation = Organisation.objects.filter(pk__in=org_ids, kind=Organisation.Kind.ASKER).order_by("name").first()
    if organisation is None:
        raise PermissionDenied
    return organisation


def _steps_context(current: str, engagement: EngagementRequest | None) -> dict:
    index = STEP_SLUGS.index(current)
    return {
        "steps": [(slug, title) for slug, title, _form in STEPS],
        # For the shared step indicator (templates/components/step_indicator.html).
        "step_items": [
            {
                "number": number,
                "title": title,
                "url": reverse("engagements:edit", args=[engagement.pk, slug]) if engagement else "",
            }
            for number, (slug, title, _form) in enumerate(STEPS, start=1)
        ],
        "current_step": current,
        "step_number": index + 1,
        "step_count": len(STEPS),
        "step_title": STEPS[index][1],
        "previous_step": STEP_SLUGS[index - 1] if index > 0 else None,
        "engagement": engagement,
    }


@role_required(Role.ASKER)
def request_create(request: HttpRequest) -> HttpResponse:
    organisation = _asker_organisation(request.user)
    if not referrals.brokering():
        messages.info(
            request,
            _(
                "Op deze website zoeken wij niet zelf ervaringsdeskundigen voor u. Kies een organisatie en stuur uw vraag rechtstreeks."
            ),
        )
        return redirect("engagements:referral_find")
    form = GoalStep(posted(request))
    if request.method == "POST" and form.is_valid():
        data, m2m = form.data_for_service()
        saved = save_form(
            request,
            form,
            lambda: services.request_create(asker_organisation=organisation, actor=request.user, data=data, m2m=m2m),
            success=_("Uw vraag is bewaard. U heeft hem nog niet verstuurd."),
        )
        if saved:
            return redirect("engagements:edit", pk=saved.result.pk, step=STEP_SLUGS[1])
    context = _steps_context("doel", None) | {"form": form, "organisation": organisation}
    return render(request, "engagements/wizard_step.html", context)


@uploads.accepts_uploads("attachment")
@login_required
def request_edit(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=ASKER)
    if step not in STEP_SLUGS:
        raise Http404
    if engagement.status != RequestStatus.DRAFT:
        messages.info(request, _("Deze vraag is al verstuurd. U kunt hem niet meer aanpassen."))
        return redirect("engagements:detail", pk=pk)
    if step == "bijlagen":
        return _attachments_step(request, engagement)
    if step == "controleren":
        return _review_step(request, engagement)
    form_class = dict((slug, form) for slug, _title, form in STEPS)[step]
    form = form_class(posted(request), instance=engagement)
    if request.method == "POST" and form.is_valid():
        data, m2m = form.data_for_service()
        try:
            services.request_update(engagement=engagement, actor=request.user, data=data, m2m=m2m)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            following = STEP_SLUGS[STEP_SLUGS.index(step) + 1]
            return redirect("engagements:edit", pk=pk, step=following)
    context = _steps_context(step, engagement) | {"form": form, "organisation": engagement.asker_organisation}
    return render(request, "engagements/wizard_step.html", context)


def _attachments_step(request: HttpRequest, engagement: EngagementRequest) -> HttpResponse:
    form = AttachmentForm(posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if save_form(
            request,
            form,
            lambda: services.attachment_add(
                engagement=engagement, actor=request.user, upload=upload, original_name=upload.name
            ),
            success=_("De bijlage is toegevoegd."),
        ):
            return redirect("engagements:edit", pk=engagement.pk, step="bijlagen")
    context = _steps_context("bijlagen", engagement) | {
        "form": form,
        "attachments": engagement.attachments.order_by("uploaded_at"),
    }
    return render(request, "engagements/wizard_attachments.html", context)


def _review_step(request: HttpRequest, engagement: EngagementRequest) -> HttpResponse:
    context = _steps_context("controleren", engagement) | {
        "attachments": engagement.attachments.order_by("uploaded_at"),
        "last_review": engagement.intake_reviews.first(),
    }
    return render(request, "engagements/wizard_review.html", context)


@login_required
@require_POST
def request_submit(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=ASKER)
    call_service(
        request,
        lambda: services.request_submit(engagement=engagement, actor=request.user),
        success=_("Uw vraag is verstuurd. De organisatie bekijkt hem en laat het u weten."),
    )
    return redirect("engagements:detail", pk=pk)


@login_required
def request_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, access = get_request_for_user(request.user, pk)
    if not (access.is_asker or access.is_coordinator):
        raise PermissionDenied
    if engagement.status not in rules.CANCELLABLE:
        messages.info(request, _("Deze vraag kan niet meer worden geannuleerd."))
        return redirect("engagements:detail", pk=pk)
    form = NoteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        as_ = rules.Actor.ASKER if access.is_asker else rules.Actor.COORDINATOR
        if save_form(
            request,
            form,
            lambda: services.request_cancel(
                engagement=engagement, actor=request.user, as_=as_, note=form.cleaned_data["note"]
            ),
            success=_("De vraag is geannuleerd."),
        ):
            return redirect("engagements:detail", pk=pk)
    return render(request, "engagements/cancel.html", {"engagement": engagement, "form": form})


# --- the request page ------------------------------------------------------------------------------


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, access = get_request_for_user(
        request.user,
        pk,
        queryset=EngagementRequest.objects.select_related(
            "role", "practice_setting", "min_level", "created_by", "policy_phase", "research_rung", "influence"
        ),
    )
    page = selectors.request_page(request.user, engagement, access, path=request.path)
    context = {
        "engagement": engagement,
        "page": page,
        "access": access,
        "seats_left": rules.seats_left(engagement.experts_needed, page.seats_taken),
        "can_cancel": (access.is_asker or access.is_coordinator) and engagement.status in rules.CANCELLABLE,
        "matching_url": reverse("matching:request", args=[pk])
        if access.is_coordinator and engagement.status == RequestStatus.MATCHING
        else None,
        "quote": pdf.quote_for(page.agreement) if page.agreement else None,
        "session_states": services.SESSION_STATES,
    }
    return render(request, "engagements/detail.html", context)


@login_required
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    engagement, _access = get_request_for_user(request.user, pk, allow_expert=True)
    attachment = get_object_or_404(RequestAttachment, pk=attachment_pk, request=engagement)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=uploads.content_type(attachment.original_name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=ASKER)
    attachment = get_object_or_404(RequestAttachment, pk=attachment_pk, request=engagement)
    if call_service(
        request,
        lambda: services.attachment_delete(attachment=attachment, actor=request.user),
        success=_("De bijlage is weggehaald."),
    ):
        return redirect("engagements:edit", pk=pk, step="bijlagen")
    return redirect("engagements:detail", pk=pk)


# --- the organisation: inbox and intake ------------------------------------------------------------


@role_required(Role.COORDINATOR, Role.TRAINER)
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    if status not in RequestStatus.values:
        status = None
    page = Paginator(selectors.inbox(request.user, status=status), 50).get_page(request.GET.get("pagina"))
    context = {
        "page_obj": page,
        "counts": selectors.inbox_counts(request.user),
        "status": status,
        "status_label": RequestStatus(status).label if status else None,
        "can_run_housekeeping": get_roles(request.user).has(Role.COORDINATOR),
    }
    return render(request, "engagements/inbox.html", context)


@role_required(Role.COORDINATOR)
@require_POST
def run_housekeeping(request: HttpRequest) -> HttpResponse:
    invitations_housekeeping.enqueue()
    messages.success(
        request, _("Inzet sluit nu de verlopen uitnodigingen af en stuurt herinneringen. Dit kan even duren.")
    )
    return redirect("engagements:inbox")


@login_required
@require_POST
def intake_start(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    call_service(
        request,
        lambda: services.intake_start(engagement=engagement, actor=request.user),
        success=_("U heeft de vraag in behandeling genomen."),
    )
    return redirect("engagements:intake", pk=pk)


@login_required
def intake(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(
        request.user,
        pk,
        need=COORDINATOR,
        queryset=EngagementRequest.objects.select_related("role", "practice_setting"),
    )
    if engagement.status not in (RequestStatus.SUBMITTED, RequestStatus.INTAKE):
        messages.info(request, _("Over deze vraag is al besloten."))
        return redirect("engagements:detail", pk=pk)
    form = IntakeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            review = services.intake_review(engagement=engagement, actor=request.user, answers=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Het besluit is opgeslagen: %(decision)s.") % {"decision": review.get_decision_display()}
            )
            return redirect("engagements:detail", pk=pk)
    return render(
        request,
        "engagements/intake.html",
        {
            "engagement": engagement,
            "form": form,
            "attachments": engagement.attachments.order_by("uploaded_at"),
            "panels": intake_panels(request, engagement),
        },
    )


# --- agreement and quote ---------------------------------------------------------------------------


@login_required
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    if engagement.status != RequestStatus.MATCHING:
        messages.info(request, _("De afspraken kunt u alleen aanpassen voordat de vrager akkoord geeft."))
        return redirect("engagements:detail", pk=pk)
    agreement = getattr(engagement, "agreement", None)
    form = AgreementForm(posted(request), instance=agreement, request=engagement)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.agreement_save(engagement=engagement, actor=request.user, data=form.data_for_service()),
            success=_("De afspraken en de offerte zijn opgeslagen. De vrager krijgt een e-mail."),
        )
    ):
        return redirect("engagements:detail", pk=pk)
    change_request = versions.open_change_request(agreement) if agreement else None
    return render(
        request,
        "engagements/agreement_form.html",
        {"engagement": engagement, "form": form, "change_request": change_request},
    )


def _pdf_response(content: bytes, name: str) -> FileResponse:
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=name, content_type="application/pdf")


def _agreement_or_404(engagement: EngagementRequest):
    agreement = getattr(engagement, "agreement", None)
    if agreement is None:
        raise Http404
    return agreement


@login_required
def agreement_pdf(request: HttpRequest, pk: int) -> FileResponse:
    engagement, access = get_request_for_user(request.user, pk, allow_expert=True)
    if not (access.can_read or access.is_accepted_expert):
        raise Http404
    agreement = _agreement_or_404(engagement)
    return _pdf_response(pdf.agreement_pdf(agreement), f"samenwerkingsafspraken-{slugify(engagement.title)[:40]}.pdf")


@login_required
def quote_pdf(request: HttpRequest, pk: int) -> FileResponse:
    engagement, _access = get_request_for_user(request.user, pk)
    agreement = _agreement_or_404(engagement)
    return _pdf_response(pdf.quote_pdf(agreement), f"offerte-{slugify(engagement.title)[:40]}.pdf")


@login_required
@require_POST
def agreement_accept(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=ASKER)
    call_service(
        request,
        lambda: services.agreement_accept(engagement=engagement, actor=request.user),
        success=_("U heeft akkoord gegeven. De ervaringsdeskundigen krijgen bericht."),
    )
    return redirect("engagements:detail", pk=pk)


# --- running and completing ------------------------------------------------------------------------


@login_required
@require_POST
def request_start(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    call_service(
        request,
        lambda: services.request_start(engagement=engagement, actor=request.user),
        success=_("De inzet is begonnen. De ervaringsdeskundigen krijgen bericht."),
    )
    return redirect("engagements:detail", pk=pk)


@login_required
@require_POST
def request_complete(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    call_service(
        request,
        lambda: services.request_complete(engagement=engagement, actor=request.user, note=note),
        success=_("De inzet is afgerond."),
    )
    return redirect("engagements:detail", pk=pk)


@login_required
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, _access = get_request_for_user(request.user, pk, need=COORDINATOR)
    if engagement.status not in services.SESSION_STATES:
        messages.info(request, _("Bijeenkomsten plant u nadat de vraag is aangenomen, tot de inzet klaar is."))
        return redirect("engagements:detail", pk=pk)
    initial = {"location": _("Online") if engagement.online and not engagement.location else engagement.location}
    agreement = getattr(engagement, "agreement", None)
    if agreement is not None:
        initial["chair"] = agreement.meeting_chair
    form = SessionForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_add(engagement=engagement, actor=request.user, data=form.data_for_service())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De bijeenkomst staat in de agenda."))
            for warning in session.warnings:
                messages.warning(request, _("Let op: %(warning)s") % {"warning": warning})
            return redirect("engagements:detail", pk=pk)
    return render(request, "engagements/session_form.html", {"engagement": engagement, "form": form})
