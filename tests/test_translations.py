"""The English interface is complete: no message left untranslated or fuzzy (a fuzzy entry is
not used at run time, so the page would fall back to Dutch)."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[1] / "inzet" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    for block in text.split("\n\n"):
        lines = [line for line in block.strip().splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        yield lines


def _joined(lines, keyword):
    out, inside = [], False
    for line in lines:
        if re.match(rf"{keyword}(\[\d+\])? ", line):
            inside = True
            out.append(line.split(" ", 1)[1].strip('"'))
        elif inside and line.startswith('"'):
            out.append(line.strip('"'))
        else:
            inside = inside and not line.startswith(("msg", "#"))
    return "".join(out)


def test_every_message_has_an_english_translation_and_none_is_fuzzy():
    untranslated, fuzzy = [], []
    for lines in _entries(PO.read_text()):
        msgid = _joined(lines, "msgid")
        if not msgid:
            continue  # the header
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            fuzzy.append(msgid)
        if not _joined(lines, "msgstr"):
            untranslated.append(msgid)
    assert fuzzy == [] and untranslated == []


def test_the_check_finds_an_untranslated_message(tmp_path):
    sample = 'msgid ""\nmsgstr "Header"\n\nmsgid "Hallo"\nmsgstr ""\n\n#, fuzzy\nmsgid "Dag"\nmsgstr "Day"\n'
    entries = list(_entries(sample))
    assert [_joined(e, "msgstr") for e in entries] == ["Header", "", "Day"]
    assert any("fuzzy" in line for line in entries[2])
