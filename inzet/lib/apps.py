from django.apps import AppConfig


class LibConfig(AppConfig):
    """Shared glue with a few tables of its own (idempotency keys)."""

    name = "inzet.lib"
    label = "lib"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from inzet.lib.sessions import stamp_at_login

        user_logged_in.connect(stamp_at_login, dispatch_uid="inzet.lib.sessions.stamp_at_login")
        from inzet.lib.compiled import keep_long_queries_parsed

        keep_long_queries_parsed()
