"""Which motivation files we accept: checked by extension AND by the first bytes of the content.

Pure rules: no Django. `check_file` takes the original name, a binary file object and its size and
returns a verdict with a problem code; the form turns the code into a Dutch message.
"""

import codecs
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

MB = 1024 * 1024

KIND_BY_EXTENSION = {
    "mp3": "audio",
    "m4a": "audio",
    "ogg": "audio",
    "wav": "audio",
    "mp4": "video",
    "webm": "video",
    "mov": "video",
    "pdf": "document",
    "docx": "document",
    "odt": "document",
    "txt": "document",
}
# Largest size per kind, in bytes. Audio and video are larger by nature.
LIMITS = {"audio": 50 * MB, "video": 50 * MB, "document": 10 * MB}

CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "mov": "video/quicktime",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain; charset=utf-8",
}

_ISO_BOXES = {b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class Verdict:
    extension: str
    kind: str | None
    problem: str | None  # None, or: type, content, too_large, empty

    @property
    def ok(self) -> bool:
        return self.problem is None


def max_upload_size() -> int:
    return max(LIMITS.values())


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _is_mp3(head: bytes) -> bool:
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _is_iso_media(head: bytes) -> bool:
    # MP4, M4A and MOV are ISO base media files: a box size, then a box type such as "ftyp".
    return len(head) >= 8 and head[4:8] in _ISO_BOXES


def _zip_names(fileobj: BinaryIO) -> set[str] | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _is_docx(head: bytes, fileobj: BinaryIO) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(fileobj)
    return names is not None and "[Content_Types].xml" in names and "word/document.xml" in names


def _is_odt(head: bytes, fileobj: BinaryIO) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    # The ODF standard puts an uncompressed "mimetype" entry first, right after its 30-byte header.
    if head[30:38] == b"mimetype" and head[38 : 38 + len(_ODT_MIMETYPE)] == _ODT_MIMETYPE:
        return True
    names = _zip_names(fileobj)
    return names is not None and "mimetype" in names and "content.xml" in names


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _content_matches(extension: str, head: bytes, fileobj: BinaryIO) -> bool:
    match extension:
        case "mp3":
            return _is_mp3(head)
        case "m4a" | "mp4" | "mov":
            return _is_iso_media(head)
        case "ogg":
            return head.startswith(b"OggS")
        case "wav":
            return head.startswith(b"RIFF") and head[8:12] == b"WAVE"
        case "webm":
            return head.startswith(b"\x1a\x45\xdf\xa3")
        case "pdf":
            return head.startswith(b"%PDF-")
        case "docx":
            return _is_docx(head, fileobj)
        case "odt":
            return _is_odt(head, fileobj)
        case "txt":
            return _is_text(head)
    return False


def check_file(name: str, fileobj: BinaryIO, size: int) -> Verdict:
    extension = extension_of(name)
    kind = KIND_BY_EXTENSION.get(extension)
    if kind is None:
        return Verdict(extension, None, "type")
    if size <= 0:
        return Verdict(extension, kind, "empty")
    if size > LIMITS[kind]:
        return Verdict(extension, kind, "too_large")
    fileobj.seek(0)
    head = fileobj.read(8192)
    fileobj.seek(0)
    matches = _content_matches(extension, head, fileobj)
    fileobj.seek(0)
    if not matches:
        return Verdict(extension, kind, "content")
    return Verdict(extension, kind, None)
