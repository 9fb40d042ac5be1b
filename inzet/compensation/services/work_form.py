"""Changing an expert's work form, after seeing what it changes (the benefit check runs again)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inzet.experts import services as expert_services
from inzet.experts.models import ExpertProfile, WorkForm


@transaction.atomic
def work_form_change(*, profile: ExpertProfile, work_form: str, kvk_number: str = "") -> ExpertProfile:
    """Set the new work form through the experts' own profile service (its checks, e.g. KvK for zzp).
    Choosing the form it already has changes nothing, so a double click is harmless."""
    if work_form not in WorkForm.values:
        raise ValidationError({"work_form": _("Kies een werkvorm.")})
    profile = ExpertProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.work_form == work_form and (work_form != WorkForm.ZZP or profile.kvk_number == kvk_number.strip()):
        return profile
    changes: dict = {"work_form": work_form}
    if work_form == WorkForm.ZZP:
        changes["kvk_number"] = kvk_number.strip()
    return expert_services.profile_update(profile=profile, changes=changes)
