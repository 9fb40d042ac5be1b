from django.contrib import admin

from inzet.experts.models import ExpertProfile


@admin.register(ExpertProfile)
class ExpertProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "level", "paused"]
    list_filter = ["level", "paused", "organisation"]
    raw_id_fields = ["user"]
    search_fields = ["user__full_name"]
