"""Quality mark pages: public list of current marks; applying and assessing for coordinators and operators."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.lib import uploads
from inzet.lib.views import posted, posted_files
from inzet.network import marks
from inzet.network.forms import ApplyForm, AssessForm
from inzet.network.models import Award, Scheme
from inzet.network.permissions import editors_only, is_editor

MAX_ROWS = 300


def mark_list(request: HttpRequest) -> HttpResponse:
    """Public: every mark valid today, with its scope; and what each scheme asks."""
    current = marks.current().select_related("scheme", "partner").order_by("scheme__name", "partner__name")[:MAX_ROWS]
    schemes = Scheme.objects.filter(is_active=True)
    return render(
        request, "network/marks.html", {"current": current, "schemes": schemes, "editor": is_editor(request.user)}
    )


def _apply(request: HttpRequest) -> HttpResponse:
    form = ApplyForm(posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        try:
            award = marks.award_apply(applicant=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field, errors)
        else:
            messages.success(request, _("De aanvraag is opgeslagen. Iemand anders beoordeelt haar."))
            return redirect("network:award", pk=award.pk)
    if form.errors and request.FILES:
        form.add_error("evidence", _("Kies uw bestand opnieuw. Dat moet na een foutmelding."))
    return render(request, "network/award_apply.html", {"form": form})


_apply.upload_use = "evidence"  # the upload limit middleware stops larger files early
award_apply = editors_only(_apply)
award_apply.upload_use = "evidence"


@editors_only
def award_list(request: HttpRequest) -> HttpResponse:
    awards = Award.objects.select_related("scheme", "partner", "applicant", "assessor")[:MAX_ROWS]
    return render(request, "network/awards.html", {"awards": awards, "today": timezone.localdate()})


@editors_only
def award_detail(request: HttpRequest, pk: int) -> HttpResponse:
    award = get_object_or_404(Award.objects.select_related("scheme", "partner", "applicant", "assessor"), pk=pk)
    own = award.applicant_id == request.user.pk
    form = AssessForm(posted(request), initial={"assessed_on": timezone.localdate()})
    if request.method == "POST":
        if own:
            return HttpResponse(
                _("U heeft dit keurmerk zelf aangevraagd. Iemand anders moet het beoordelen."), status=403
            )
        if form.is_valid():
            try:
                marks.award_assess(award=award, assessor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field, errors)
            else:
                messages.success(request, _("De beoordeling is opgeslagen."))
                return redirect("network:award", pk=award.pk)
    return render(request, "network/award.html", {"award": award, "form": form, "own": own})


@editors_only
def award_evidence(request: HttpRequest, pk: int) -> FileResponse:
    award = get_object_or_404(Award, pk=pk)
    if not award.evidence:
        raise Http404
    response = FileResponse(
        award.evidence.open("rb"),
        as_attachment=True,
        filename=award.evidence_name or f"bewijs.{uploads.extension_of(award.evidence.name)}",
        content_type=uploads.content_type(award.evidence.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
