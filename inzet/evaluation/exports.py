"""The evaluation report as PDF (WeasyPrint) and XLSX (openpyxl), from the same Report as the page."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from inzet.evaluation.counts import shown
from inzet.evaluation.selectors import Report
from inzet.lib.spreadsheets import safe_row


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL.
    raise ValueError(f"External resources are not loaded: {url}")


def report_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    html = render_to_string("evaluation/pdf/report.html", {"report": report})
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def _tables(report: Report):
    for question in report.questions:
        for table in question.tables:
            yield question.title, table
    for table in report.figures:
        yield _("Cijfers"), table


def report_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Evaluatie")
    bold = Font(bold=True)
    sheet.append(safe_row([_("Evaluatierapport"), report.scope]))
    sheet.append([_("Periode"), report.period.start, report.period.end])
    sheet.append([])
    sheet.append(
        safe_row([_("Vraag of onderdeel"), _("Tabel"), _("Wat"), _("Aantal"), _("Uren of bedrag"), _("Uitgegeven")])
    )
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for part, table in _tables(report):
        for row in table.rows:
            sheet.append(safe_row([part, table.title, row.label, shown(row.count), row.amount, row.extra]))
    sheet.append([])
    for story in report.stories:
        sheet.append(safe_row([_("Verhaal"), story.title, story.text, story.teller, story.name or _("Anoniem")]))
    sheet.append([])
    for line in report.left_out:
        sheet.append(safe_row([_("Nog niet in dit rapport"), line]))
    sheet.append(safe_row([_("Aantallen van 1 tot en met 4 staan er als 'minder dan 5'.")]))
    for column, width in zip("ABCDEF", (40, 50, 50, 14, 16, 16), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
