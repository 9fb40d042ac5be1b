from django.contrib import admin

from inzet.signals.models import Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The operator edits the list of themes here; signals themselves are handled on the pages."""

    list_display = ["label_nl", "label_en", "code", "sort_order", "is_active"]
    list_editable = ["sort_order", "is_active"]
