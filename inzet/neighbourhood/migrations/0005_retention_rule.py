"""The retention rule for closed trajectories, editable by the operator (privacy.RetentionRule)."""

from django.db import migrations

AVG_5 = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"


def load(apps, schema_editor):
    apps.get_model("privacy", "RetentionRule").objects.update_or_create(
        code="closed_trajectories",
        defaults={
            "name": "Afgesloten trajecten van bewoners in de wijk",
            "period_days": 365,
            "action": "Naam, bereikbaarheid, vraag, formulieren, notities en verslagtekst wissen; aantallen blijven",
            "legal_basis": "AVG art. 5 lid 1 e: niet langer bewaren dan nodig",
            "source": AVG_5,
            "minimum_days": 1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("neighbourhood", "0004_closure"), ("privacy", "0003_bookkeeping_text_rule")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
