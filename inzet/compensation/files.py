"""Receipts: a photo or a PDF, checked by inzet.lib.uploads, with the messages an expert reads."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inzet.lib import uploads


def validate_receipt(upload) -> str:
    """Return the kind ("pdf", "jpeg", "png") or raise ValidationError with a Dutch message."""
    if upload is None:
        raise ValidationError(_("Voeg een bonnetje toe: een foto (jpg of png) of een pdf."))
    verdict = uploads.check("receipt", upload.name or "", upload, upload.size)
    if verdict.problem == uploads.TYPE:
        raise ValidationError(_("Dit soort bestand kan niet. Kies een foto (jpg of png) of een pdf."))
    if verdict.problem == uploads.TOO_LARGE:
        raise ValidationError(_("Dit bestand is te groot. Het mag maximaal 10 MB zijn."))
    if verdict.problem == uploads.EMPTY:
        raise ValidationError(_("Dit bestand is leeg."))
    if verdict.problem == uploads.CONTENT:
        raise ValidationError(
            _("Dit bestand is geen echte %(kind)s. Kies een foto (jpg of png) of een pdf.")
            % {"kind": uploads.extension_of(upload.name)}
        )
    return verdict.kind
