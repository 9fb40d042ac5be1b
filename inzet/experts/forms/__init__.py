"""Forms of the profile wizard and the profile page. Every message is Dutch and sits next to its field."""

from inzet.experts.forms.changes import STEP_FORM_FOR_FIELD, validated_changes
from inzet.experts.forms.fields import DATE_INVALID, NOT_SAY, REQUIRED, WHOLE_NUMBER
from inzet.experts.forms.profile import (
    AssistedSignupForm,
    BankForm,
    CompetenceForm,
    PauseForm,
    TrainingForm,
    UnavailableForm,
)
from inzet.experts.forms.steps import AboutForm, ExperienceForm, PracticalForm, VisibilityForm, WishesForm

__all__ = [
    "DATE_INVALID",
    "NOT_SAY",
    "REQUIRED",
    "STEP_FORM_FOR_FIELD",
    "WHOLE_NUMBER",
    "AboutForm",
    "AssistedSignupForm",
    "BankForm",
    "CompetenceForm",
    "ExperienceForm",
    "PauseForm",
    "PracticalForm",
    "TrainingForm",
    "UnavailableForm",
    "VisibilityForm",
    "WishesForm",
    "validated_changes",
]
