"""Transactional tests flush the database; conftest puts the rows of data migrations back.
A data migration (one with a `load` function) that is missing from that list leaves its rows
out of every test that runs after a flush in the same worker, so CI fails in an order-dependent
way. Keep the list complete."""

from pathlib import Path

import conftest

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_migration_is_reloaded_after_a_flush():
    found = set()
    for path in sorted((ROOT / "inzet").glob("*/migrations/*.py")):
        if "\ndef load(apps, schema_editor)" in path.read_text():
            found.add(".".join(path.relative_to(ROOT).with_suffix("").parts))
    assert found, "no data migrations found: the scan is wrong"
    assert found == set(conftest._DATA_MIGRATIONS)
