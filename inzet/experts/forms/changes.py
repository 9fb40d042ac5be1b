"""One validation path for single-field changes (the API)."""

from django.core.exceptions import ValidationError
from django.http import QueryDict

from inzet.experts.forms.steps import AboutForm, PracticalForm, WishesForm
from inzet.experts.models import ExpertProfile

# The wizard step that asks for each field an API client may change on its own.
STEP_FORM_FOR_FIELD = {
    "phone": AboutForm,
    "postcode": AboutForm,
    "travel_radius_km": AboutForm,
    "work_form": WishesForm,
    "kvk_number": WishesForm,
    "vat_kor": WishesForm,
    "reward_form": WishesForm,
    "donation_charity": WishesForm,
    "hours_per_week": PracticalForm,
    "represents": WishesForm,
    "professional_background": WishesForm,
    "quality_personality": WishesForm,
    "quality_knowledge": WishesForm,
    "quality_attitude": WishesForm,
    "quality_skills": WishesForm,
    "generic_skills": WishesForm,
}


def _as_data(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return value


def validated_changes(profile: ExpertProfile, changes: dict) -> dict:
    """Check changes with the wizard form that asks for those fields, so the API accepts exactly
    what the wizard accepts (and cleans it the same way). The other fields of that step keep their
    current values; problems there are the service's to report. Raises ValidationError per field."""
    cleaned, errors = {}, {}
    for form_class in dict.fromkeys(STEP_FORM_FOR_FIELD[field] for field in changes if field in STEP_FORM_FOR_FIELD):
        fields = [field for field in changes if STEP_FORM_FOR_FIELD.get(field) is form_class]
        initial = (
            form_class.initial_for(profile, profile.user)
            if form_class is AboutForm
            else form_class.initial_for(profile)
        )
        data = QueryDict(mutable=True)
        for name, value in {**initial, **{field: changes[field] for field in fields}}.items():
            value = _as_data(value)
            if isinstance(value, list):
                data.setlist(name, [str(v) for v in value])
            else:
                data[name] = str(value) if not isinstance(value, str) else value
        form = form_class(data)
        form.is_valid()
        for field in fields:
            if field in form.errors:
                errors[field] = list(form.errors[field])
            else:
                cleaned[field] = form.cleaned_data[field]
    if errors:
        raise ValidationError(errors)
    return {**changes, **cleaned}
