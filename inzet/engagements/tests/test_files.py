"""Which attachments are accepted, without Django."""

import io
import zipfile

from inzet.engagements import files


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def check(name: str, content: bytes, size: int | None = None):
    return files.check_attachment(name, io.BytesIO(content), len(content) if size is None else size)


def test_real_files_of_each_kind_pass():
    assert check("a.pdf", b"%PDF-1.7 ...") is None
    assert check("a.JPG", b"\xff\xd8\xff\xe0 ...") is None
    assert check("a.jpeg", b"\xff\xd8\xff\xdb ...") is None
    assert check("a.png", b"\x89PNG\r\n\x1a\n....") is None
    assert check("a.docx", _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})) is None
    assert (
        check("a.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})) is None
    )


def test_the_extension_must_be_on_the_list():
    assert check("a.exe", b"MZ") == files.TYPE
    assert check("a.txt", b"hello") == files.TYPE
    assert check("zonder-extensie", b"%PDF-") == files.TYPE


def test_the_content_must_match_the_extension():
    assert check("a.pdf", b"\x89PNG\r\n\x1a\n") == files.CONTENT
    assert check("a.png", b"%PDF-1.4") == files.CONTENT
    assert check("a.docx", _zip({"content.xml": b"<x/>"})) == files.CONTENT  # a zip, but no Word document
    assert check("a.odt", _zip({"mimetype": b"application/zip"})) == files.CONTENT
    assert check("a.docx", b"PK\x03\x04 broken zip") == files.CONTENT


def test_size_limits():
    assert check("a.pdf", b"") == files.EMPTY
    assert check("a.pdf", b"%PDF-", size=10 * 1024 * 1024) is None
    assert check("a.pdf", b"%PDF-", size=10 * 1024 * 1024 + 1) == files.TOO_LARGE
