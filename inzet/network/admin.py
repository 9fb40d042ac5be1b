from django.contrib import admin

from inzet.network.models import Event, Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """The operator defines quality mark schemes here; applying and assessing happen on the pages."""

    list_display = ["name", "assessor", "validity_months", "is_active"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Operators delete past events here (their sign-ups, needs included, go with them)."""

    list_display = ["title", "kind", "starts_at", "capacity", "is_published"]
    date_hierarchy = "starts_at"
