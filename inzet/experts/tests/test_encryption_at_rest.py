"""Finding 7: what an expert writes about what they do not want is encrypted in the database."""

import importlib

from django.db import connection
from django.db.migrations.loader import MigrationLoader

from inzet.experts.models import ExpertProfile

NOTE = "Ik wil niet over mijn schulden praten met de pers."
migration = importlib.import_module("inzet.experts.migrations.0002_encrypt_does_not_want_note")


def _raw_note(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT does_not_want_note FROM experts_expertprofile WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_the_does_not_want_note_is_not_plaintext_in_the_database(expert_profile):
    expert_profile.does_not_want_note = NOTE
    expert_profile.save(update_fields=["does_not_want_note"])
    assert NOTE not in _raw_note(expert_profile.pk)
    assert "schulden" not in _raw_note(expert_profile.pk)
    assert ExpertProfile.objects.get(pk=expert_profile.pk).does_not_want_note == NOTE


def test_the_data_migration_encrypts_existing_plaintext_notes_once(expert_profile):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE experts_expertprofile SET does_not_want_note = %s WHERE id = %s", [NOTE, expert_profile.pk]
        )
    before = MigrationLoader(connection).project_state(("experts", "0001_initial")).apps
    migration.encrypt_existing(before, None)
    token = _raw_note(expert_profile.pk)
    assert NOTE not in token
    migration.encrypt_existing(before, None)  # run again: not encrypted twice
    assert _raw_note(expert_profile.pk) == token
    assert ExpertProfile.objects.get(pk=expert_profile.pk).does_not_want_note == NOTE
    migration.decrypt_existing(before, None)
    assert _raw_note(expert_profile.pk) == NOTE
