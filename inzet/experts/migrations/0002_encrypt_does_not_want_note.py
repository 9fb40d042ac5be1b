# Encrypt "what I do not want to do" at rest (issue 9, finding 7). Existing plaintext values are
# encrypted first, while the column is still a plain text field, then the field type changes.

from django.db import migrations

import inzet.lib.crypto


def _is_token(value: str) -> bool:
    try:
        inzet.lib.crypto.decrypt(value)
    except ValueError:
        return False
    return True


def encrypt_existing(apps, schema_editor):
    ExpertProfile = apps.get_model("experts", "ExpertProfile")
    rows = ExpertProfile.objects.exclude(does_not_want_note="").values_list("pk", "does_not_want_note")
    for pk, note in rows.iterator(chunk_size=2000):
        if not _is_token(note):
            ExpertProfile.objects.filter(pk=pk).update(does_not_want_note=inzet.lib.crypto.encrypt(note))


def decrypt_existing(apps, schema_editor):
    ExpertProfile = apps.get_model("experts", "ExpertProfile")
    rows = ExpertProfile.objects.exclude(does_not_want_note="").values_list("pk", "does_not_want_note")
    for pk, token in rows.iterator(chunk_size=2000):
        if _is_token(token):
            ExpertProfile.objects.filter(pk=pk).update(does_not_want_note=inzet.lib.crypto.decrypt(token))


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(encrypt_existing, decrypt_existing, elidable=False),
        migrations.AlterField(
            model_name="expertprofile",
            name="does_not_want_note",
            field=inzet.lib.crypto.EncryptedTextField(
                blank=True, verbose_name="wat ik niet wil doen, in mijn eigen woorden"
            ),
        ),
    ]
