from django.db import migrations


def load(apps, schema_editor):
    from inzet.taxonomy import reference_data

    Term = apps.get_model("taxonomy", "Term")
    PostcodeArea = apps.get_model("taxonomy", "PostcodeArea")
    for vocabulary, rows in reference_data.ALL.items():
        for order, (code, label_nl, label_en, source) in enumerate(rows):
            Term.objects.update_or_create(
                vocabulary=vocabulary,
                code=code,
                defaults={"label_nl": label_nl, "label_en": label_en, "source": source, "sort_order": order},
            )
    for pc4, lat, lon, municipality, region in reference_data.POSTCODE_AREAS:
        PostcodeArea.objects.update_or_create(
            pc4=pc4, defaults={"latitude": lat, "longitude": lon, "municipality": municipality, "region": region}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
