"""CSV and Excel files of the coordinator's filtered list: only what each expert shares."""

import csv
import io
from collections.abc import Callable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from inzet.directory.selectors import Row
from inzet.lib.spreadsheets import safe_cell


def _safe(value) -> str | int:
    return safe_cell(value if isinstance(value, int) and not isinstance(value, bool) else str(value))


def _columns() -> list[tuple[str, Callable[[Row], object]]]:
    hidden = _("niet gedeeld")

    def shown(get: Callable[[Row], object]) -> Callable[[Row], object]:
        def cell(row: Row):
            value = get(row)
            if value is None:
                return hidden
            if isinstance(value, bool):
                return _("ja") if value else _("nee")
            if isinstance(value, list):
                return ", ".join(value)
            return value

        return cell

    return [
        (_("Naam"), lambda r: r.name if r.name is not None else hidden),
        (_("Status"), lambda r: r.status),
        (_("Niveau"), shown(lambda r: r.expert_level)),
        (_("Ervaringsgebieden"), lambda r: ", ".join(r.areas)),
        (_("Rollen"), shown(lambda r: r.roles)),
        (_("Hoe iemand zich opstelt"), shown(lambda r: r.relational_roles)),
        (_("Waar iemand wil werken"), shown(lambda r: r.settings)),
        (_("Competenties"), shown(lambda r: r.competences)),
        (_("Talen"), shown(lambda r: r.languages)),
        (_("Afgeronde opleidingen"), shown(lambda r: r.training)),
        (_("Gemeente"), shown(lambda r: r.municipality)),
        (_("Regio"), shown(lambda r: r.region)),
        (_("Uren per week"), shown(lambda r: r.hours)),
        (_("Dagen"), shown(lambda r: r.days)),
        (_("Pauze"), shown(lambda r: r.paused)),
        (_("Werkvorm"), shown(lambda r: r.work_form)),
        (_("Beloning"), shown(lambda r: r.reward_form)),
        (_("E-mailadres"), shown(lambda r: r.email)),
        (_("Telefoon"), shown(lambda r: r.phone)),
        (_("Wat iemand nodig heeft"), shown(lambda r: r.needs)),
    ]


def table(rows: list[Row]) -> tuple[list[str], list[list]]:
    columns = _columns()
    header = [title for title, _get in columns]
    return header, [[_safe(get(row)) for _title, get in columns] for row in rows]


def to_csv(rows: list[Row]) -> bytes:
    """Semicolons and a byte-order mark, so Dutch Excel opens it correctly."""
    header, body = table(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(body)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[Row]) -> bytes:
    header, body = table(rows)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Ervaringsdeskundigen")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for line in body:
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
