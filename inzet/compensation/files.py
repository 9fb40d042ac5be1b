"""Receipts: a photo or a PDF, checked by extension AND by its first bytes, at most 10 MB."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_RECEIPT_BYTES = 10 * 1024 * 1024

# extension -> (kind, content type, magic bytes at the start of the file)
_KINDS = {
    ".pdf": ("pdf", "application/pdf", (b"%PDF-",)),
    ".jpg": ("jpeg", "image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("jpeg", "image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("png", "image/png", (b"\x89PNG\r\n\x1a\n",)),
}
CONTENT_TYPES = {kind: content_type for kind, content_type, _magic in _KINDS.values()}


def validate_receipt(upload) -> str:
    """Return the kind ("pdf", "jpeg", "png") or raise ValidationError with a Dutch message."""
    if upload is None:
        raise ValidationError(_("Voeg een bonnetje toe: een foto (jpg of png) of een pdf."))
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in _KINDS:
        raise ValidationError(_("Dit soort bestand kan niet. Kies een foto (jpg of png) of een pdf."))
    if upload.size > MAX_RECEIPT_BYTES:
        raise ValidationError(_("Dit bestand is te groot. Het mag maximaal 10 MB zijn."))
    if upload.size == 0:
        raise ValidationError(_("Dit bestand is leeg."))
    kind, _content_type, magic = _KINDS[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(m) for m in magic):
        raise ValidationError(
            _("Dit bestand is geen echte %(kind)s. Kies een foto (jpg of png) of een pdf.") % {"kind": suffix[1:]}
        )
    return kind


def receipt_kind(name: str) -> str:
    return _KINDS.get(Path(name).suffix.lower(), ("", "application/octet-stream", ()))[0]
