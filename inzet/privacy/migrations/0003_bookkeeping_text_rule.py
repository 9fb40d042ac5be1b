"""After the bookkeeping period, the free text about people in the kept rows is blanked."""

from django.db import migrations

AWR_52 = "https://wetten.overheid.nl/jci1.3:c:BWBR0002320&artikel=52"
SEVEN_YEARS = 7 * 365 + 2


def load(apps, schema_editor):
    apps.get_model("privacy", "RetentionRule").objects.update_or_create(
        code="bookkeeping_text",
        defaults={
            "name": "Tekst bij uren, onkosten, uitnodigingen en afspraken",
            "period_days": SEVEN_YEARS,
            "action": "Omschrijvingen, notities en vangnetcontacten wissen; bedragen blijven",
            "legal_basis": "Na de bewaarplicht van de Algemene wet inzake rijksbelastingen art. 52 lid 4",
            "source": AWR_52,
            "minimum_days": SEVEN_YEARS,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_retention_rules")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
