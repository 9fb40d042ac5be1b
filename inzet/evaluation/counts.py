"""The one place a count becomes text: 1–4 read "minder dan 5" on the page, in the PDF and in XLSX."""

from django.utils.translation import gettext as _

from inzet.evaluation.rules import is_small


def shown(count: int | None) -> str | int:
    if count is None:
        return "–"
    if is_small(count):
        return _("minder dan 5")
    return count
