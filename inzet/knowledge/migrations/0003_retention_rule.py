"""The retention rule for helpdesk questions, editable by the operator (privacy.RetentionRule)."""

from django.db import migrations

AVG = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"


def load(apps, schema_editor):
    apps.get_model("privacy", "RetentionRule").objects.update_or_create(
        code="helpdesk_questions",
        defaults={
            "name": "Vragen aan de vraagbaak",
            "period_days": 365,
            "action": "De vraag met naam, e-mailadres, telefoonnummer en antwoord verwijderen",
            "legal_basis": "AVG art. 5 lid 1 e: niet langer bewaren dan nodig",
            "source": AVG,
            "minimum_days": 1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_toolkit_content"), ("privacy", "0003_bookkeeping_text_rule")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
