"""The rule rows, each with its validity and a public source (an address people can open).

Tax caps per year (Belastingdienst; older years from volunteer centres that quote it). 2026 and
later are left missing until the operator finds a source: the pages then say so, and every
benefit rule still runs. The 2018 benefit rows from the seed documents end on 31 December 2018;
the rows from 2019 follow UWV's and municipal pages as they read today. Indicatie, geen advies.
"""

import datetime as dt
from decimal import Decimal as D

from django.db import migrations

BD_VOLUNTEER = (
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/"
    "werk_en_inkomen/werken/werken-als-vrijwilliger/vrijwilligersvergoedingen"
)
BD_COSTS = (
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/prive/"
    "werk_en_inkomen/werken/werken-als-vrijwilliger/vergoeding_voor_inzet_en_voor_kosten"
)
UWV_WW = (
    "https://www.uwv.nl/particulieren/vrijwilligerswerk/detail/vrijwilligerswerk-tijdens-mijn-ww-uitkering/"
    "hoeveel-vergoeding-mag-ik-krijgen"
)
UWV_DISABILITY = (
    "https://www.uwv.nl/particulieren/vrijwilligerswerk/detail/"
    "vrijwilligerswerk-tijdens-mijn-ziektewet-wia-wao-wajong-uitkering/hoeveel-vergoeding-voor-vrijwilligerswerk-mag-ik-krijgen"
)
PW_2018 = "https://wetten.overheid.nl/BWBR0015703/2018-07-01#Hoofdstuk3_Paragraaf3.2_Artikel31"
PW_NOW = "https://wetten.overheid.nl/BWBR0015703/#Hoofdstuk3_Paragraaf3.2_Artikel31"
BIJSTAND_27 = "https://www.laborijn.nl/vrijlating%20vergoeding-vrijwilligerswerk"
VOLUNTEER_CENTRE_2018 = "https://vcra.nl/nl/informatie/vrijwilligersbeleid/vergoedingen/"
UWV_2018 = "http://vaisz.nl/index.php/nieuwsberichten/9-nieuwsberichten/167-vrijwilligerswerk-en-een-uitkering"

# year: (hourly from the age, hourly under it, the age, per month, per year, source)
CAPS = {
    2018: (D("4.50"), D("2.50"), 23, D(150), D(1500), VOLUNTEER_CENTRE_2018),
    2019: (D("5.00"), D("2.75"), 22, D(170), D(1700), "https://www.adfinadvies.nl/vrijwilligersvergoeding-2019/"),
    2020: (D("5.00"), D("2.75"), 22, D(170), D(1700), "https://vrijwilligershuis-nieuwegein.nl/faq/vergoeding/"),
    2021: (D("5.00"), D("2.75"), 21, D(180), D(1800), f"{BD_COSTS} https://www.swartenco.nl/blog/2021/10/25/wat-mag-een-vrijwilliger-verdienen/"),
    2022: (D("5.00"), D("2.75"), 21, D(180), D(1800), BD_COSTS),
    2023: (D("5.00"), D("2.75"), 21, D(190), D(1900), BD_COSTS),
    2024: (D("5.50"), D("3.25"), 21, D(210), D(2100), BD_VOLUNTEER),
    2025: (
        D("5.60"),
        D("3.30"),
        21,
        D(210),
        D(2100),
        "https://www.kennisnetwerk-belastingen-toeslagen.nl/forum/onderwerp/vrijwilligersbijdrage",
    ),
}

END_2018 = dt.date(2018, 12, 31)
START_2018 = dt.date(2018, 1, 1)
START_2019 = dt.date(2019, 1, 1)
UNDER_27 = ["21_22", "23_26", "under_21"]

BENEFIT_ROWS = [
    # --- 2018, from the seed documents, now with a public source and an end date ---
    {
        "code": "uwv_hourly",
        "valid_from": START_2018,
        "valid_to": END_2018,
        "name": "Wajong, WGA en WW (2018): grens per uur, per maand en per jaar (UWV)",
        "method": "uwv_volunteer_limit",
        "benefit_kinds": ["wajong", "wga", "ww"],
        "age_bands": [],
        "hourly_limit_23_plus": D("4.50"),
        "hourly_limit_under_23": D("2.50"),
        "source": UWV_2018,
    },
    {
        "code": "bijstand_27_plus",
        "valid_from": START_2018,
        "valid_to": END_2018,
        "name": "Bijstand vanaf 27 jaar (2018): 25% van de inkomsten vrij",
        "method": "earnings_disregard",
        "benefit_kinds": ["bijstand"],
        "age_bands": ["27_plus"],
        "free_percentage": D(25),
        "monthly_max": D(202),
        "duration_months": 6,
        "source": PW_2018,
    },
    {
        "code": "bijstand_single_parent",
        "valid_from": START_2018,
        "valid_to": END_2018,
        "name": "Bijstand, alleenstaande ouder met kind jonger dan 12 (2018)",
        "method": "earnings_disregard",
        "benefit_kinds": ["bijstand"],
        "age_bands": ["27_plus"],
        "free_percentage": D("12.5"),
        "monthly_max": D("126.32"),
        "duration_months": 30,
        "source": PW_2018,
    },
    {
        "code": "bijstand_illness",
        "valid_from": dt.date(2018, 7, 1),
        "valid_to": END_2018,
        "name": "Bijstand bij ziekte of handicap (2018)",
        "method": "earnings_disregard",
        "benefit_kinds": ["bijstand"],
        "age_bands": ["27_plus"],
        "free_percentage": D(15),
        "monthly_max": D("128.81"),
        "source": PW_2018,
    },
    {
        "code": "bijstand_under_27",
        "valid_from": START_2018,
        "valid_to": END_2018,
        "name": "Bijstand jonger dan 27 (2018): alleen echte kosten vrij",
        "method": "only_real_costs_free",
        "benefit_kinds": ["bijstand"],
        "age_bands": UNDER_27,
        "source": VOLUNTEER_CENTRE_2018,
    },
    {
        "code": "toeslagen_income",
        "valid_from": START_2018,
        "valid_to": END_2018,
        "name": "Toeslagen (2018): belaste vergoeding telt als inkomen",
        "method": "counts_as_income",
        "benefit_kinds": ["toeslagen"],
        "age_bands": [],
        "source": BD_VOLUNTEER,
    },
    # --- from 2019, as UWV's and municipal pages describe it today ---
    {
        "code": "uwv_disability",
        "valid_from": START_2019,
        "valid_to": None,
        "name": "Wajong en WGA: binnen de grenzen per maand en jaar vrij, daarboven gaat de hele vergoeding af (UWV)",
        "method": "uwv_volunteer_limit",
        "benefit_kinds": ["wajong", "wga"],
        "age_bands": [],
        "source": UWV_DISABILITY,
    },
    {
        "code": "uwv_ww",
        "valid_from": START_2019,
        "valid_to": None,
        "name": "WW: geen grens per uur; boven de grenzen gaan de gewerkte uren × dagloon af (UWV)",
        "method": "uwv_hours_deduction",
        "benefit_kinds": ["ww"],
        "age_bands": [],
        "source": UWV_WW,
    },
    {
        "code": "bijstand_27_plus",
        "valid_from": START_2019,
        "valid_to": None,
        "name": "Bijstand vanaf 27 jaar: binnen de belastinggrenzen (uur, maand, jaar) vrij, daarboven telt alles",
        "method": "within_tax_caps_kept",
        "benefit_kinds": ["bijstand"],
        "age_bands": ["27_plus"],
        "source": f"{BIJSTAND_27} {PW_NOW}",
    },
    {
        "code": "bijstand_under_27",
        "valid_from": START_2019,
        "valid_to": None,
        "name": "Bijstand jonger dan 27: alleen echte kosten vrij",
        "method": "only_real_costs_free",
        "benefit_kinds": ["bijstand"],
        "age_bands": UNDER_27,
        "source": f"{BIJSTAND_27} {PW_NOW}",
    },
    {
        "code": "toeslagen_income",
        "valid_from": START_2019,
        "valid_to": None,
        "name": "Toeslagen: een belaste vergoeding telt als inkomen",
        "method": "counts_as_income",
        "benefit_kinds": ["toeslagen"],
        "age_bands": [],
        "source": BD_VOLUNTEER,
    },
]

NUMBERS = ("hourly_limit_23_plus", "hourly_limit_under_23", "free_percentage", "monthly_max", "duration_months")


def load(apps, schema_editor):
    AllowanceCapRow = apps.get_model("compensation", "AllowanceCapRow")
    BenefitRuleRow = apps.get_model("compensation", "BenefitRuleRow")
    HourlyGuideline = apps.get_model("compensation", "HourlyGuideline")
    for year, (hourly, hourly_young, age, monthly, yearly, source) in CAPS.items():
        AllowanceCapRow.objects.update_or_create(
            year=year,
            defaults={
                "hourly_21_plus": hourly,
                "hourly_under_21": hourly_young,
                "hourly_age": age,
                "monthly": monthly,
                "yearly": yearly,
                "source": source,
            },
        )
    for row in BENEFIT_ROWS:
        defaults = {key: value for key, value in row.items() if key not in ("code", "valid_from")}
        for name in NUMBERS:
            defaults.setdefault(name, None)
        BenefitRuleRow.objects.update_or_create(code=row["code"], valid_from=row["valid_from"], defaults=defaults)
    HourlyGuideline.objects.update_or_create(
        name="Richtlijn VWS: vergoeding bij structurele betrokkenheid",
        defaults={
            "amount": D(50),
            # No date is published with it; 2018 is the year of the other first rows. We found no public
            # page to cite yet, so the row says so instead of naming a file of ours.
            "valid_from": START_2018,
            "source": "Ministerie van VWS – openbare bron nog aan te vullen door de beheerder",
        },
    )


def unload(apps, schema_editor):
    for name in ("AllowanceCapRow", "BenefitRuleRow", "HourlyGuideline"):
        apps.get_model("compensation", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("compensation", "0003_cap_hourly_age_external_allowances")]

    operations = [migrations.RunPython(load, unload)]
