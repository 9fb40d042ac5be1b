import io

import pytest

from inzet.recruitment import files
from inzet.recruitment.tests.samples import SAMPLES


def check(name: str, content: bytes, size: int | None = None) -> files.Verdict:
    return files.check_file(name, io.BytesIO(content), len(content) if size is None else size)


@pytest.mark.parametrize("extension", sorted(SAMPLES))
def test_it_accepts_each_allowed_type_with_matching_content(extension):
    verdict = check(f"motivatie.{extension}", SAMPLES[extension])
    assert verdict.ok, verdict.problem
    assert verdict.kind == files.KIND_BY_EXTENSION[extension]


def test_the_extension_is_case_insensitive():
    assert check("MOTIVATIE.PDF", SAMPLES["pdf"]).ok


@pytest.mark.parametrize("name", ["virus.exe", "script.js", "page.html", "zonder-extensie", "foto.jpg"])
def test_it_refuses_other_types(name):
    assert check(name, b"MZ\x90\x00").problem == "type"


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
        ("motivatie.webm", SAMPLES["mp4"]),
    ],
)
def test_it_refuses_content_that_does_not_match_the_name(name, content):
    assert check(name, content).problem == "content"


def test_it_refuses_empty_files():
    assert check("motivatie.txt", b"").problem == "empty"


def test_it_refuses_documents_over_10_mb_and_media_over_50_mb():
    assert check("motivatie.pdf", SAMPLES["pdf"], size=10 * files.MB + 1).problem == "too_large"
    assert check("motivatie.pdf", SAMPLES["pdf"], size=10 * files.MB).ok
    assert check("motivatie.mp4", SAMPLES["mp4"], size=50 * files.MB).ok
    assert check("motivatie.mp4", SAMPLES["mp4"], size=50 * files.MB + 1).problem == "too_large"


def test_it_leaves_the_file_ready_to_be_read_from_the_start():
    fileobj = io.BytesIO(SAMPLES["docx"])
    files.check_file("motivatie.docx", fileobj, len(SAMPLES["docx"]))
    assert fileobj.tell() == 0
