"""The operator keeps the retention periods here (never below a legal minimum, checked in the
database). Erasure requests are handled on the privacy pages, not here."""

from django.contrib import admin

from inzet.privacy.models import RetentionRule, RetentionRun


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "period_days", "minimum_days", "is_active", "legal_basis"]
    readonly_fields = ["code", "minimum_days", "updated_at"]


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin):
    list_display = ["rule", "started_at", "count"]
    readonly_fields = ["rule", "started_at", "count"]
