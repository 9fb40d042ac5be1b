import io
from decimal import Decimal

from django.urls import reverse
from pypdf import PdfReader

from inzet.engagements.tests import factories as f


def _text(response) -> tuple[str, PdfReader]:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_the_quote_is_an_a4_pdf_with_exact_totals_and_vat(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    f.with_agreement(request, coordinator, hours=Decimal("12.5"), hourly_rate=Decimal("50.00"), vat_rate=Decimal("21"))
    client.force_login(asker)
    response = client.get(reverse("engagements:quote_pdf", args=[request.pk]))
    assert response["Content-Type"] == "application/pdf"
    text, reader = _text(response)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert "Stichting Ervaring" in text and "Offerte" in text and "Gemeente Test" in text
    assert "€ 625,00" in text and "Btw 21%" in text and "€ 131,25" in text and "€ 756,25" in text


def test_a_first_assignment_is_a_discount_and_never_called_free(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    f.with_agreement(request, coordinator, first_assignment_discount=True)
    client.force_login(asker)
    text, _reader = _text(client.get(reverse("engagements:quote_pdf", args=[request.pk])))
    assert "Korting eerste opdracht" in text and "-€ 600,00" in text
    assert "wat de inzet mag kosten" in text  # the price is evaluated together afterwards
    assert "gratis" not in text.lower()
    page = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Korting eerste opdracht" in page and "gratis" not in page.lower()


def test_the_agreement_pdf_has_every_part_of_the_collaboration_agreement(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    f.with_agreement(request, coordinator)
    client.force_login(coordinator)
    text, _reader = _text(client.get(reverse("engagements:agreement_pdf", args=[request.pk])))
    for part in (
        "Samenwerkingsafspraken",
        "Stichting Ervaring",
        "Communicatie",
        "Tijd en vergoeding",
        "Taken en rollen",
        "Wat we van elkaar verwachten",
        "Wat mensen nodig hebben om mee te doen",
        "Mia Mentor",
        "Gerrit Gespreksleider",
        "Nog geen akkoord",
    ):
        assert part in text, part
    assert "€" not in text  # prices belong in the quote


def test_without_an_agreement_there_is_no_pdf(client, asker, coordinator, orgs):
    request = f.matching(orgs, asker, coordinator)
    client.force_login(asker)
    assert client.get(reverse("engagements:quote_pdf", args=[request.pk])).status_code == 404
