from django.contrib import admin

from inzet.experts.models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    """Operators manage accounts, not stories: special-category fields are left out here on purpose."""

    list_display = ["user", "organisation", "status", "paused"]
    list_filter = ["status", "paused", "organisation"]
    search_fields = ["user__full_name"]
    fields = ["user", "organisation", "status", "paused", "managed_by"]
    raw_id_fields = ["user", "managed_by"]
