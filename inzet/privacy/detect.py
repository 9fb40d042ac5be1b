"""Which models hold personal data, found from their fields (used by the register and its test)."""

from django.apps import apps
from django.conf import settings
from django.db import models

from inzet.lib.crypto import EncryptedTextField

# Field names that hold data about a person whatever their type.
PERSONAL_NAMES = {"full_name", "phone", "iban", "postcode", "email", "username", "ip_address", "user_agent"}
# Models whose rows are about one person (a reference to them makes a row personal data).
PERSON_MODELS = {settings.AUTH_USER_MODEL.lower(), "experts.expertprofile", "recruitment.application"}


def personal_fields(model: type[models.Model]) -> list[models.Field]:
    found = []
    for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if (
            isinstance(f, EncryptedTextField | models.EmailField | models.FileField | models.GenericIPAddressField)
            or f.name in PERSONAL_NAMES
            or (f.is_relation and f.related_model is not None and f.related_model._meta.label_lower in PERSON_MODELS)
        ):
            found.append(f)
    return found


def personal_models() -> dict[str, list[models.Field]]:
    """{app_label.ModelName: personal fields} for every installed, concrete model."""
    result = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = personal_fields(model)
        if fields:
            result[model._meta.label] = fields
    return result


def encrypted_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
