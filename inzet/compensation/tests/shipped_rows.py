"""The rule rows the data migration ships, as the pure rules' dataclasses (no database).

Tests use these so they check the rows people actually get, not a copy.
"""

import importlib

from inzet.compensation.rules import AllowanceCap, BenefitRule

_migration = importlib.import_module("inzet.compensation.migrations.0004_rule_rows_with_sources")

SHIPPED_CAPS: tuple[AllowanceCap, ...] = tuple(
    AllowanceCap(
        year=year,
        hourly_21_plus=hourly,
        hourly_under_21=young,
        hourly_age=age,
        monthly=monthly,
        yearly=yearly,
        source=source,
    )
    for year, (hourly, young, age, monthly, yearly, source) in _migration.CAPS.items()
)

SHIPPED_BENEFIT_RULES: tuple[BenefitRule, ...] = tuple(
    BenefitRule(**{key: value for key, value in row.items() if key != "name"}) for row in _migration.BENEFIT_ROWS
)
