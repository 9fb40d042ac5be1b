"""Kept so the migration graph stays the same. The rule rows are loaded by 0004_rule_rows_with_sources.

(This migration first loaded the 2018 rows from constants in the rules module; the rows are data
now, with public sources, in one data migration the operator's later edits build on.)
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("compensation", "0001_initial")]

    operations = []
