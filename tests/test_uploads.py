"""One check for every upload (inzet.lib.uploads), without a database."""

import io
import os
import resource
import zipfile

import pytest

from inzet.lib import uploads
from inzet.lib.tests import samples
from inzet.recruitment.tests.samples import SAMPLES

MB = uploads.MB


def check(use: str, name: str, content: bytes, size: int | None = None) -> uploads.Verdict:
    return uploads.check(use, name, io.BytesIO(content), len(content) if size is None else size)


def problem(use: str, name: str, content: bytes, size: int | None = None) -> str | None:
    return check(use, name, content, size).problem


# --- motivation files (recruitment) ------------------------------------------------------------


@pytest.mark.parametrize("extension", sorted(SAMPLES))
def test_it_accepts_each_motivation_type_with_matching_content(extension):
    verdict = check("motivation", f"motivatie.{extension}", SAMPLES[extension])
    assert verdict.ok, verdict.problem
    assert verdict.family == {"mp3": "audio", "m4a": "audio", "ogg": "audio", "wav": "audio"}.get(
        extension, "video" if extension in ("mp4", "webm", "mov") else "document"
    )


def test_the_extension_is_case_insensitive():
    assert check("motivation", "MOTIVATIE.PDF", SAMPLES["pdf"]).ok


@pytest.mark.parametrize("name", ["virus.exe", "script.js", "page.html", "zonder-extensie", "foto.jpg"])
def test_it_refuses_other_types(name):
    assert problem("motivation", name, b"MZ\x90\x00") == uploads.TYPE


@pytest.mark.parametrize(
    "name,content",
    [
        ("motivatie.pdf", b"MZ\x90\x00 this is a program"),
        ("motivatie.mp3", SAMPLES["pdf"]),
        ("motivatie.docx", SAMPLES["odt"]),
        ("motivatie.odt", SAMPLES["docx"]),
        ("motivatie.docx", b"PK\x03\x04 not really a zip"),
        ("motivatie.txt", b"binary\x00content"),
        ("motivatie.txt", b"\xff\xfe\xfa not utf-8"),
        ("motivatie.txt", b"<html><script>alert(1)</script></html>"),
        ("motivatie.webm", SAMPLES["mp4"]),
    ],
)
def test_it_refuses_content_that_does_not_match_the_name(name, content):
    assert problem("motivation", name, content) == uploads.CONTENT


def test_it_refuses_empty_files():
    assert problem("motivation", "motivatie.txt", b"") == uploads.EMPTY


def test_it_refuses_documents_over_10_mb_and_media_over_50_mb():
    assert problem("motivation", "motivatie.pdf", SAMPLES["pdf"], size=10 * MB + 1) == uploads.TOO_LARGE
    assert check("motivation", "motivatie.pdf", SAMPLES["pdf"], size=10 * MB).ok
    assert check("motivation", "motivatie.mp4", SAMPLES["mp4"], size=50 * MB).ok
    assert problem("motivation", "motivatie.mp4", SAMPLES["mp4"], size=50 * MB + 1) == uploads.TOO_LARGE


def test_it_leaves_the_file_ready_to_be_read_from_the_start():
    fileobj = io.BytesIO(SAMPLES["docx"])
    uploads.check("motivation", "motivatie.docx", fileobj, len(SAMPLES["docx"]))
    assert fileobj.tell() == 0


# --- request attachments -----------------------------------------------------------------------


def test_real_attachments_of_each_kind_pass():
    assert check("attachment", "a.pdf", samples.PDF_BYTES).ok
    assert check("attachment", "a.JPG", samples.JPEG_BYTES).ok
    assert check("attachment", "a.jpeg", samples.JPEG_BYTES).ok
    assert check("attachment", "a.png", samples.PNG_BYTES).ok
    assert check("attachment", "a.docx", samples.DOCX_BYTES).ok
    assert check("attachment", "a.odt", samples.ODT_BYTES).ok


def test_an_attachment_extension_must_be_on_the_list():
    assert problem("attachment", "a.exe", b"MZ") == uploads.TYPE
    assert problem("attachment", "a.txt", b"hello") == uploads.TYPE
    assert problem("attachment", "zonder-extensie", samples.PDF_BYTES) == uploads.TYPE


def test_an_attachment_content_must_match_the_extension():
    zip_of = samples.zip_bytes
    assert problem("attachment", "a.pdf", samples.PNG_BYTES) == uploads.CONTENT
    assert problem("attachment", "a.png", samples.PDF_BYTES) == uploads.CONTENT
    assert problem("attachment", "a.docx", zip_of([("content.xml", b"<x/>")])) == uploads.CONTENT
    assert problem("attachment", "a.odt", zip_of([("mimetype", b"application/zip")])) == uploads.CONTENT
    assert problem("attachment", "a.docx", b"PK\x03\x04 broken zip") == uploads.CONTENT


def test_attachment_size_limits():
    assert problem("attachment", "a.pdf", b"") == uploads.EMPTY
    assert check("attachment", "a.pdf", samples.PDF_BYTES, size=10 * MB).ok
    assert problem("attachment", "a.pdf", samples.PDF_BYTES, size=10 * MB + 1) == uploads.TOO_LARGE


def test_receipts_and_evidence_take_photos_and_pdfs_only():
    for use, limit in (("receipt", 10 * MB), ("evidence", 5 * MB)):
        assert check(use, "bon.pdf", samples.PDF_BYTES).ok
        assert check(use, "bon.jpg", samples.JPEG_BYTES).ok
        assert problem(use, "bon.docx", samples.DOCX_BYTES) == uploads.TYPE
        assert problem(use, "bon.pdf", samples.PDF_BYTES, size=limit + 1) == uploads.TOO_LARGE


# --- finding 10: a PDF header in front of a web page -------------------------------------------


@pytest.mark.parametrize("use", sorted(uploads.USES))
def test_a_pdf_header_in_front_of_html_is_refused_at_every_upload(use):
    assert problem(use, "bewijs.pdf", samples.PDF_HTML_POLYGLOT) == uploads.CONTENT


def test_a_pdf_must_parse_not_only_start_with_the_magic_bytes():
    assert problem("receipt", "bon.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") == uploads.CONTENT
    assert problem("receipt", "bon.pdf", samples.PDF_BYTES.replace(b"%%EOF", b"")) == uploads.CONTENT
    head, tail = samples.PDF_BYTES.split(b"\n", 1)
    assert problem("receipt", "bon.pdf", head + b"\n<script>x</script>\n" + tail) == uploads.CONTENT


# --- finding 2: zip bomb ------------------------------------------------------------------------


def test_a_zip_bomb_odt_is_refused_without_unpacking_it():
    bomb = samples.odt_bomb(200)  # 200 MB of zeros in the mimetype entry, about 200 KB on disk
    assert len(bomb) < 400 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert problem("attachment", "verzoek.odt", bomb) == uploads.CONTENT
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 20 * 1024  # the whole entry would be 200 MB


def test_a_long_mimetype_entry_is_read_only_a_few_bytes_far(monkeypatch):
    # Within the declared-size limits (random bytes do not compress), yet longer than any real
    # mimetype: only its first bytes are unpacked.
    content = samples.zip_bytes([("mimetype", samples.ODT_MIMETYPE + os.urandom(2 * MB)), ("content.xml", b"<x/>")])
    read_sizes = []
    original = zipfile.ZipExtFile.read

    def spy(self, n=-1):
        read_sizes.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", spy)
    assert problem("attachment", "a.odt", content) == uploads.CONTENT
    assert read_sizes and all(0 < n <= 64 for n in read_sizes)


def test_an_archive_declaring_absurd_sizes_is_refused():
    many = samples.zip_bytes([(f"f{i}.xml", b"") for i in range(uploads.MAX_ZIP_ENTRIES + 1)])
    assert problem("attachment", "a.docx", many) == uploads.CONTENT


# --- the streamed size limit, for every upload path --------------------------------------------


def _multipart_request(content: bytes, name: str = "groot.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import RequestFactory

    return RequestFactory().post("/x/", {"file": SimpleUploadedFile(name, content), "note": "blijft"})


@pytest.mark.parametrize("use", sorted(uploads.USES))
def test_the_middleware_cuts_a_file_off_at_the_limit_of_the_views_use(use, monkeypatch, settings):
    monkeypatch.setattr(uploads, "SizeLimitHandler", _RecordingHandler)
    _RecordingHandler.passed_on = 0
    limit = uploads.USES[use].max_size
    request = _multipart_request(samples.PDF_BYTES + b"0" * limit)

    @uploads.accepts_uploads(use)
    def view(request):
        return None

    uploads.UploadLimitMiddleware(lambda r: None).process_view(request, view, (), {})
    cut = request.FILES["file"]
    assert isinstance(cut, uploads.TooLargeUpload)
    assert cut.size > limit and cut.name == "groot.pdf"
    assert request.POST["note"] == "blijft"  # the rest of the form arrives
    assert check(use, cut.name, b"", cut.size).problem == uploads.TOO_LARGE
    assert _RecordingHandler.passed_on <= limit  # nothing past the limit reached memory or disk


class _RecordingHandler(uploads.SizeLimitHandler):
    passed_on = 0

    def receive_data_chunk(self, raw_data, start):
        kept = super().receive_data_chunk(raw_data, start)
        _RecordingHandler.passed_on += len(kept or b"")
        return kept


def test_views_without_a_declared_use_get_the_largest_limit():
    request = _multipart_request(b"0" * 10)
    uploads.UploadLimitMiddleware(lambda r: None).process_view(request, lambda r: None, (), {})
    assert request.upload_handlers[0].limit == uploads.MAX_UPLOAD_SIZE


def test_every_upload_view_declares_its_use():
    from inzet.compensation import views as compensation
    from inzet.engagements import views as engagements
    from inzet.experts import views as experts
    from inzet.recruitment import views as recruitment

    assert engagements.request_edit.upload_use == "attachment"
    assert compensation.expense_add.upload_use == "receipt"
    assert compensation.expense_correct.upload_use == "receipt"
    assert experts.training_add.upload_use == "evidence"
    assert recruitment.apply.upload_use == "motivation"
    assert recruitment.application_enter.upload_use == "motivation"


def test_the_api_receipt_upload_is_cut_off_at_the_receipt_limit_not_the_largest():
    """django-ninja sends every operation through one view; the receipt endpoint declares its use
    by path, so an 11 MB receipt is cut off at 10 MB while streaming, not at 50 MB."""
    from django.test import RequestFactory
    from django.urls import resolve

    path = "/api/compensation/expenses"
    request = RequestFactory().post(path, {"receipt": b"0"})
    match = resolve(path)
    uploads.UploadLimitMiddleware(lambda r: None).process_view(request, match.func, (), {})
    assert request.upload_handlers[0].limit == uploads.USES["receipt"].max_size < uploads.MAX_UPLOAD_SIZE
