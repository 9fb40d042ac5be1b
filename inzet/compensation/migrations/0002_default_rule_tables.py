"""Load the first rows of the rule tables from the pure rules module (its DEFAULT_* tuples).

Years without a row (2019, 2020, 2026 and later) stay missing: the operator enters them, and the
rules page shows "ontbreekt" until then.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations

BENEFIT_NAMES = {
    "uwv_hourly": "Wajong, WGA en WW: grens per uur en per maand (UWV)",
    "bijstand_27_plus": "Bijstand vanaf 27 jaar: deel van de inkomsten vrij",
    "bijstand_single_parent": "Bijstand, alleenstaande ouder met kind jonger dan 12",
    "bijstand_illness": "Bijstand bij ziekte of handicap",
    "bijstand_under_27": "Bijstand jonger dan 27: alleen echte kosten vrij",
    "toeslagen_income": "Toeslagen: belaste vergoeding telt als inkomen",
}


def load(apps, schema_editor):
    from inzet.compensation.rules import DEFAULT_ALLOWANCE_CAPS, DEFAULT_BENEFIT_RULES, SEED_000

    AllowanceCapRow = apps.get_model("compensation", "AllowanceCapRow")
    BenefitRuleRow = apps.get_model("compensation", "BenefitRuleRow")
    HourlyGuideline = apps.get_model("compensation", "HourlyGuideline")
    for cap in DEFAULT_ALLOWANCE_CAPS:
        AllowanceCapRow.objects.update_or_create(
            year=cap.year,
            defaults={
                "hourly_21_plus": cap.hourly_21_plus,
                "hourly_under_21": cap.hourly_under_21,
                "monthly": cap.monthly,
                "yearly": cap.yearly,
                "source": cap.source,
            },
        )
    for rule in DEFAULT_BENEFIT_RULES:
        BenefitRuleRow.objects.update_or_create(
            code=rule.code,
            valid_from=rule.valid_from,
            defaults={
                "name": BENEFIT_NAMES.get(rule.code, rule.code),
                "method": rule.method.value,
                "benefit_kinds": sorted(k.value for k in rule.benefit_kinds),
                "age_bands": sorted(b.value for b in rule.age_bands),
                "valid_to": rule.valid_to,
                "hourly_limit_23_plus": rule.hourly_limit_23_plus,
                "hourly_limit_under_23": rule.hourly_limit_under_23,
                "free_percentage": rule.free_percentage,
                "monthly_max": rule.monthly_max,
                "duration_months": rule.duration_months,
                "source": rule.source,
            },
        )
    HourlyGuideline.objects.get_or_create(
        name="Richtlijn VWS: vergoeding bij structurele betrokkenheid",
        defaults={
            "amount": Decimal(50),
            # The seed gives no date; 2018 is the year of the other first rows. The operator can correct it.
            "valid_from": dt.date(2018, 1, 1),
            "source": f"{SEED_000} l.54-57 (de bron noemt geen datum)",
        },
    )


def unload(apps, schema_editor):
    for name in ("AllowanceCapRow", "BenefitRuleRow", "HourlyGuideline"):
        apps.get_model("compensation", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("compensation", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
