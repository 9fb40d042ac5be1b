from django.contrib import admin

from inzet.network.models import Scheme


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """The operator defines quality mark schemes here; applying and assessing happen on the pages."""

    list_display = ["name", "assessor", "validity_months", "is_active"]
