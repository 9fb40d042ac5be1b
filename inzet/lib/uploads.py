"""Uploaded files: one table of what each use accepts, one check, one streamed size limit.

`check(use, name, fileobj, size)` looks at the extension AND the content: the first bytes are
sniffed with the `filetype` library, a PDF must parse as a PDF (pypdf) without HTML or script in
the part browsers sniff, and a Word or OpenDocument file must be a sane zip. A zip is never
unpacked: we read its directory and at most a few bytes of one entry, and refuse archives whose
declared sizes are absurd (zip bombs). The form turns the problem code into a Dutch message.

`SizeLimitHandler` (installed by `UploadLimitMiddleware` for every view) stops storing a file as
soon as it passes the limit of the view's use, so nobody can fill the disk or memory with one
huge upload before the form ever sees it.
"""

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from pypdf import PdfReader
from pypdf.errors import PyPdfError

MB = 1024 * 1024
SNIFF_BYTES = 8192  # what `filetype` reads; also enough for a zip's first local header

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """One kind of file we accept: its extensions, what `filetype` must find, its content type."""

    extensions: tuple[str, ...]
    content_type: str
    family: str  # document, image, audio or video: limits and messages differ per family
    sniffed: tuple[str, ...] = ()  # extensions `filetype` may report for it; empty: own check


KINDS = {
    "pdf": Kind(("pdf",), "application/pdf", "document", ("pdf",)),
    "docx": Kind(("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"),
    "odt": Kind(("odt",), "application/vnd.oasis.opendocument.text", "document"),
    "txt": Kind(("txt",), "text/plain; charset=utf-8", "document"),
    "jpeg": Kind(("jpg", "jpeg"), "image/jpeg", "image", ("jpg",)),
    "png": Kind(("png",), "image/png", "image", ("png",)),
    "mp3": Kind(("mp3",), "audio/mpeg", "audio", ("mp3",)),
    "m4a": Kind(("m4a",), "audio/mp4", "audio", ("m4a", "mp4", "mov")),
    "ogg": Kind(("ogg",), "audio/ogg", "audio", ("ogg", "oga", "opus")),
    "wav": Kind(("wav",), "audio/wav", "audio", ("wav",)),
    "mp4": Kind(("mp4",), "video/mp4", "video", ("mp4", "m4v", "m4a", "mov")),
    "webm": Kind(("webm",), "video/webm", "video", ("webm", "mkv")),
    "mov": Kind(("mov",), "video/quicktime", "video", ("mov", "mp4", "m4v")),
}


@dataclass(frozen=True)
class Use:
    """Where files are uploaded: which kinds, and the largest size per family."""

    kinds: tuple[str, ...]
    limits: dict[str, int]

    @property
    def max_size(self) -> int:
        return max(self.limits.values())

    @property
    def accept(self) -> str:
        """The value of the `accept` attribute of a file input."""
        return ",".join(f".{ext}" for kind in self.kinds for ext in KINDS[kind].extensions)

    def kind_of(self, name: str) -> str | None:
        extension = extension_of(name)
        return next((kind for kind in self.kinds if extension in KINDS[kind].extensions), None)


USES = {
    "attachment": Use(("pdf", "docx", "odt", "jpeg", "png"), {"document": 10 * MB, "image": 10 * MB}),
    "receipt": Use(("pdf", "jpeg", "png"), {"document": 10 * MB, "image": 10 * MB}),
    "evidence": Use(("pdf", "jpeg", "png"), {"document": 5 * MB, "image": 5 * MB}),
    "motivation": Use(
        ("mp3", "m4a", "ogg", "wav", "mp4", "webm", "mov", "pdf", "docx", "odt", "txt"),
        {"audio": 50 * MB, "video": 50 * MB, "document": 10 * MB},
    ),
}
MAX_UPLOAD_SIZE = max(use.max_size for use in USES.values())

# Problem codes
TYPE = "type"  # extension not accepted for this use
EMPTY = "empty"
TOO_LARGE = "too_large"
CONTENT = "content"  # the content is not what the extension says, or is unsafe


@dataclass(frozen=True)
class Verdict:
    kind: str | None
    family: str | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def content_type(name: str) -> str:
    extension = extension_of(name)
    kind = next((k for k in KINDS.values() if extension in k.extensions), None)
    return kind.content_type if kind else "application/octet-stream"


def check(use: str, name: str, fileobj: BinaryIO, size: int) -> Verdict:
    spec = USES[use]
    kind = spec.kind_of(name)
    if kind is None:
        return Verdict(None, None, TYPE)
    family = KINDS[kind].family
    if size <= 0:
        return Verdict(kind, family, EMPTY)
    if size > spec.limits[family]:
        return Verdict(kind, family, TOO_LARGE)
    try:
        fileobj.seek(0)
        ok = content_matches(kind, fileobj)
    finally:
        fileobj.seek(0)
    return Verdict(kind, family, None if ok else CONTENT)


def content_matches(kind: str, fileobj: BinaryIO) -> bool:
    head = fileobj.read(SNIFF_BYTES)
    fileobj.seek(0)
    own_check = _OWN_CHECKS.get(kind)
    if own_check is not None:
        return own_check(head, fileobj)
    guess = filetype.guess(head)
    return guess is not None and guess.extension in KINDS[kind].sniffed


# --- PDF ----------------------------------------------------------------------------------------

# Markers that make a browser, or a careless viewer, treat the start of a file as a web page.
_HTML_MARKERS = (b"<html", b"<!doctype", b"<script", b"<body", b"<head", b"<iframe", b"<svg", b"javascript:")
HTML_SNIFF_BYTES = 1024  # browsers sniff the first 512 bytes; we look twice as far


def looks_like_html(head: bytes) -> bool:
    lowered = head[:HTML_SNIFF_BYTES].lower()
    return any(marker in lowered for marker in _HTML_MARKERS)


def _is_pdf(head: bytes, fileobj: BinaryIO) -> bool:
    if not head.startswith(b"%PDF-") or looks_like_html(head):
        return False
    size = fileobj.seek(0, io.SEEK_END)
    fileobj.seek(max(0, size - 1024))
    if b"%%EOF" not in fileobj.read():
        return False
    fileobj.seek(0)
    try:
        # pypdf reads the cross-reference table, the trailer and the page tree; no content stream
        return len(PdfReader(fileobj, strict=False).pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError):
        return False


# --- zip-based documents ------------------------------------------------------------------------

MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNCOMPRESSED = 200 * MB  # declared total of all entries
MAX_ZIP_RATIO = 100  # declared uncompressed / compressed, for entries over 1 MB
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def zip_is_sane(archive: zipfile.ZipFile) -> bool:
    """Judge an archive by its directory alone: we never decompress it to find out."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        return False
    if sum(info.file_size for info in infos) > MAX_ZIP_UNCOMPRESSED:
        return False
    return all(info.file_size <= MB or info.file_size <= MAX_ZIP_RATIO * max(info.compress_size, 1) for info in infos)


def _with_zip(head: bytes, fileobj: BinaryIO, test: Callable[[zipfile.ZipFile], bool]) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(fileobj) as archive:
            return zip_is_sane(archive) and test(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        return False


def read_entry_start(archive: zipfile.ZipFile, name: str, limit: int = 64) -> bytes:
    """At most `limit` bytes of one entry: decompression stops there, whatever the entry holds."""
    with archive.open(name) as entry:
        return entry.read(limit)


def _is_docx(head: bytes, fileobj: BinaryIO) -> bool:
    def test(archive: zipfile.ZipFile) -> bool:
        names = set(archive.namelist())
        return "[Content_Types].xml" in names and "word/document.xml" in names

    return _with_zip(head, fileobj, test)


def _is_odt(head: bytes, fileobj: BinaryIO) -> bool:
    def test(archive: zipfile.ZipFile) -> bool:
        if "mimetype" not in archive.namelist():
            return False
        return read_entry_start(archive, "mimetype", len(_ODT_MIMETYPE) + 2).strip() == _ODT_MIMETYPE

    return _with_zip(head, fileobj, test)


# --- plain text ---------------------------------------------------------------------------------


def _is_text(head: bytes, fileobj: BinaryIO) -> bool:
    if b"\x00" in head or looks_like_html(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # the sniffed part may end inside a character; anything before that must be valid
        if error.start < len(head) - 3:
            return False
    return True


_OWN_CHECKS: dict[str, Callable[[bytes, BinaryIO], bool]] = {
    "pdf": _is_pdf,
    "docx": _is_docx,
    "odt": _is_odt,
    "txt": _is_text,
}


# --- streamed size limit ------------------------------------------------------------------------


class TooLargeUpload(UploadedFile):
    """Stands in for a file cut off while streaming in: it has a name and a size, no content.

    The form's check then says "too large" for the right kind, like for any other file.
    """

    def __init__(self, name: str, size: int, field_name: str):
        super().__init__(io.BytesIO(b""), name=name, content_type="application/octet-stream", size=size)
        self.field_name = field_name


class SizeLimitHandler(FileUploadHandler):
    """First in line: passes chunks on until the limit is passed, then keeps nothing more."""

    def __init__(self, request=None, limit: int = MAX_UPLOAD_SIZE):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.cut_off = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.cut_off = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.cut_off = True
            return None  # the next handlers (memory or temporary file) receive nothing more
        return raw_data

    def file_complete(self, file_size):
        if self.cut_off:
            logger.info("upload cut off at %s bytes", self.limit)
            return TooLargeUpload(self.file_name or "", self.received, self.field_name)
        return None  # the next handler builds the file


def accepts_uploads(use: str):
    """Declare which use a view uploads for; the middleware applies its size limit while streaming."""
    if use not in USES:
        raise ValueError(f"unknown upload use {use!r}")

    def decorate(view):
        view.upload_use = use
        return view

    return decorate


# API endpoints that take files: django-ninja dispatches every operation through one view, so
# the use is declared by path instead of by decorator.
PATH_USES: list[tuple[re.Pattern, str]] = []


def accepts_uploads_at(path_regex: str, use: str) -> None:
    """Declare that requests to paths matching `path_regex` upload for `use` (API endpoints)."""
    if use not in USES:
        raise ValueError(f"unknown upload use {use!r}")
    PATH_USES.append((re.compile(path_regex), use))


def use_for(view_func, path: str) -> str | None:
    use = getattr(view_func, "upload_use", None)
    if use:
        return use
    return next((use for pattern, use in PATH_USES if pattern.match(path)), None)


class UploadLimitMiddleware:
    """Puts the size limit in front of Django's upload handlers for every view.

    It must come before CsrfViewMiddleware: handlers can only change before the request body is
    read, and the CSRF check reads it. Views without `accepts_uploads` get the largest limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in ("POST", "PUT", "PATCH"):
            use = use_for(view_func, request.path_info)
            limit = USES[use].max_size if use else MAX_UPLOAD_SIZE
            request.upload_handlers.insert(0, SizeLimitHandler(request, limit))
        return None
