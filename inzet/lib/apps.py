from django.apps import AppConfig


class LibConfig(AppConfig):
    """Shared glue with a few tables of its own (idempotency keys)."""

    name = "inzet.lib"
    label = "lib"
    default_auto_field = "django.db.models.BigAutoField"
