"""Which attachments a request may carry: checked by extension AND by the first bytes of the content.

Pure rules (no Django): `check_attachment(name, stream, size)` returns a problem code or None; the
form turns the code into a Dutch message.
"""

import zipfile
from pathlib import PurePath
from typing import BinaryIO

MB = 1024 * 1024
MAX_SIZE = 10 * MB

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
ACCEPT = ",".join(f".{ext}" for ext in CONTENT_TYPES)
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Problem codes
TYPE = "type"  # extension not accepted
CONTENT = "content"  # the content is not what the extension says
TOO_LARGE = "too_large"
EMPTY = "empty"


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _zip_has(stream: BinaryIO, check) -> bool:
    try:
        with zipfile.ZipFile(stream) as archive:
            return check(archive)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


def _is_docx(stream: BinaryIO) -> bool:
    return _zip_has(stream, lambda z: "[Content_Types].xml" in z.namelist() and "word/document.xml" in z.namelist())


def _is_odt(stream: BinaryIO) -> bool:
    return _zip_has(stream, lambda z: z.read("mimetype").strip() == _ODT_MIMETYPE)


def content_matches(extension: str, stream: BinaryIO) -> bool:
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("docx", "odt"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        ok = _is_docx(stream) if extension == "docx" else _is_odt(stream)
        stream.seek(0)
        return ok
    return False


def check_attachment(name: str, stream: BinaryIO, size: int) -> str | None:
    extension = extension_of(name)
    if extension not in CONTENT_TYPES:
        return TYPE
    if size == 0:
        return EMPTY
    if size > MAX_SIZE:
        return TOO_LARGE
    if not content_matches(extension, stream):
        return CONTENT
    return None
