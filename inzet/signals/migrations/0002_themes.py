"""The first list of themes. Operators change it in the admin afterwards."""

from django.db import migrations

THEMES = [
    ("benefits", "Uitkering en vergoeding", "Benefits and allowances"),
    ("accessibility", "Toegankelijkheid", "Accessibility"),
    ("care", "Zorg en ondersteuning", "Care and support"),
    ("work", "Werk en participatie", "Work and participation"),
    ("housing", "Wonen", "Housing"),
    ("debt", "Geld en schulden", "Money and debts"),
    ("information", "Informatie en communicatie", "Information and communication"),
    ("other", "Anders", "Other"),
]


def load(apps, schema_editor):
    Theme = apps.get_model("signals", "Theme")
    for order, (code, nl, en) in enumerate(THEMES):
        Theme.objects.get_or_create(code=code, defaults={"label_nl": nl, "label_en": en, "sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("signals", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
