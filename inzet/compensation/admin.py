"""The operator edits the rule tables here. Hours, expenses, invoices and payouts are not editable
in the admin on purpose: approved rows are never changed, only corrected by a new row."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inzet.compensation.models import (
    AllowanceCapRow,
    BenefitRuleRow,
    HourlyGuideline,
    OrganisationPaymentSettings,
    Tariff,
    WorkInstrument,
)
from inzet.experts.models import AgeBand, BenefitSituation


@admin.register(AllowanceCapRow)
class AllowanceCapRowAdmin(admin.ModelAdmin):
    list_display = ["year", "hourly_21_plus", "hourly_under_21", "monthly", "yearly", "source"]
    readonly_fields = ["updated_at", "updated_by"]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


class BenefitRuleRowForm(forms.ModelForm):
    benefit_kinds = forms.MultipleChoiceField(
        label=_("uitkeringen"),
        choices=[c for c in BenefitSituation.choices if c[0] != BenefitSituation.NONE],
        widget=forms.CheckboxSelectMultiple,
    )
    age_bands = forms.MultipleChoiceField(
        label=_("leeftijden"),
        choices=AgeBand.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Niets aangevinkt: voor elke leeftijd."),
    )

    class Meta:
        model = BenefitRuleRow
        fields = [
            "code",
            "name",
            "method",
            "benefit_kinds",
            "age_bands",
            "valid_from",
            "valid_to",
            "hourly_limit_23_plus",
            "hourly_limit_under_23",
            "free_percentage",
            "monthly_max",
            "duration_months",
            "source",
        ]


@admin.register(BenefitRuleRow)
class BenefitRuleRowAdmin(admin.ModelAdmin):
    form = BenefitRuleRowForm
    list_display = ["name", "code", "method", "valid_from", "valid_to", "source"]
    list_filter = ["method"]


@admin.register(HourlyGuideline)
class HourlyGuidelineAdmin(admin.ModelAdmin):
    list_display = ["name", "amount", "valid_from", "valid_to", "source"]


@admin.register(WorkInstrument)
class WorkInstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "provider", "valid_from", "valid_to", "source"]
    list_filter = ["provider"]


@admin.register(Tariff)
class TariffAdmin(admin.ModelAdmin):
    list_display = ["organisation", "role", "level", "hourly_rate", "valid_from", "valid_to"]
    list_filter = ["organisation"]


@admin.register(OrganisationPaymentSettings)
class OrganisationPaymentSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "vat_on_zzp_hours", "zzp_vat_rate", "coordination_share", "invoice_prefix"]
