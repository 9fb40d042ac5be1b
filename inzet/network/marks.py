"""Quality marks: apply with evidence, assessed by someone other than the applicant, valid for a period.

The seed warns against labels without a real assessment (001 l.1626–1629), so the assessor can
never be the applicant: refused here, and by a database constraint as well. An expired mark is
simply not "current": public pages only ever show current marks.
"""

from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.lib import uploads
from inzet.network import rules
from inzet.network.models import Award, Partner, Scheme


def current(today=None) -> QuerySet:
    """Marks awarded and valid today. Expired ones drop out by themselves."""
    today = today or timezone.localdate()
    return Award.objects.filter(status=Award.Status.AWARDED, valid_from__lte=today, valid_until__gte=today)


def evidence_problem(upload: UploadedFile) -> str | None:
    verdict = uploads.check("evidence", upload.name, upload, upload.size)
    if verdict.ok:
        return None
    if verdict.problem == uploads.TYPE:
        return _("Dit soort bestand kunnen we niet gebruiken. Kies een pdf, jpg of png.")
    if verdict.problem == uploads.TOO_LARGE:
        return _("Dit bestand is te groot. Het mag hoogstens %(mb)s MB zijn.") % {
            "mb": uploads.USES["evidence"].max_size // uploads.MB
        }
    if verdict.problem == uploads.EMPTY:
        return _("Dit bestand is leeg. Kies een ander bestand.")
    return _("Dit bestand is niet wat de naam zegt. Kies een ander bestand, of sla het opnieuw op.")


@transaction.atomic
def award_apply(
    *, applicant, scheme: Scheme, partner: Partner, scope: str = "", evidence: UploadedFile | None
) -> Award:
    """An application with its evidence. The file is stored encrypted and only when the row commits."""
    if evidence is None:
        raise ValidationError({"evidence": [_("Voeg het gevraagde bewijs toe.")]})
    problem = evidence_problem(evidence)
    if problem:
        raise ValidationError({"evidence": [problem]})
    award = Award(scheme=scheme, partner=partner, scope=scope.strip(), applicant=applicant)
    award.evidence_name = PurePath(evidence.name).name[-200:]
    award.evidence.save(evidence.name, evidence, save=False)
    award.save()
    return award


@transaction.atomic
def award_assess(*, award: Award, assessor, grant: bool, assessment: str, assessed_on=None) -> Award:
    """Decide on an application. Never by the applicant; deciding twice keeps the first decision."""
    award = Award.objects.select_for_update().select_related("scheme").get(pk=award.pk)
    if award.applicant_id == assessor.pk:
        raise PermissionDenied(_("U heeft dit keurmerk zelf aangevraagd. Iemand anders moet het beoordelen."))
    if award.status != Award.Status.APPLIED:
        return award
    if not assessment.strip():
        raise ValidationError({"assessment": [_("Schrijf kort op waarom u zo beslist.")]})
    assessed_on = assessed_on or timezone.localdate()
    award.assessor, award.assessment, award.assessed_on = assessor, assessment.strip(), assessed_on
    if grant:
        award.status = Award.Status.AWARDED
        award.valid_from = assessed_on
        award.valid_until = rules.valid_until(assessed_on, award.scheme.validity_months)
    else:
        award.status = Award.Status.REFUSED
    award.save()
    return award
