"""Tiny files with real signatures, for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from inzet.lib.tests.samples import PDF_BYTES


def _zip(entries: list[tuple[str, bytes]], *, first_stored: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i, (name, data) in enumerate(entries):
            compress = zipfile.ZIP_STORED if first_stored and i == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    return buffer.getvalue()


SAMPLES = {
    "mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64,
    "m4a": b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + b"\x00" * 200,
    "ogg": b"OggS\x00\x02" + b"\x00" * 200,
    "wav": b"RIFF\x24\x08\x00\x00WAVEfmt " + b"\x00" * 200,
    "mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00" + b"\x00" * 200,
    "webm": b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 200,
    "mov": b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00" + b"\x00" * 200,
    "pdf": PDF_BYTES,
    "docx": _zip([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")]),
    "odt": _zip(
        [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office:document-content/>")],
        first_stored=True,
    ),
    "txt": "Ik wil graag helpen. Één keer per week.\n".encode(),
}


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    extension = name.rsplit(".", 1)[-1]
    return SimpleUploadedFile(name, SAMPLES[extension] if content is None else content)
