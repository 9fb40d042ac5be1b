"""Journey: fair pay without losing benefits, in a real browser, every page checked with axe-core.

The operator fills in the missing caps of this year; an expert sees the warning exactly when an
offer would cross a cap (and switches that one to a donation); an assignment gets hours and an
expense with a receipt; the coordinator approves, settles (invoice with VAT on zzp hours only),
approves the payouts and makes a SEPA file, a voucher list and a donation list; the asker opens the
invoice; the expert downloads a year statement. Amounts are checked to the cent in every file.
"""

import datetime as dt
import re
from decimal import Decimal as D
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sepaxml
import xmlschema
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD, make_person
from inzet.accounts.models import User
from inzet.compensation.models import AllowanceCapRow, AssignmentRewardChoice, HourEntry, Payout, PayoutBatch
from inzet.compensation.tests import factories as f
from inzet.engagements.models import Invitation
from inzet.organisations.models import Organisation, Role

pytestmark = pytest.mark.e2e

SEPA_XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"
DEMO_PASSWORD = "inzet-demo-2026"


def label(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*:?\s*\*?\s*$")


def log_in(page, email: str, password: str) -> None:
    page.wait_for_load_state("networkidle")  # a late request (unread counts) must not restore the old session cookie
    page.context.clear_cookies()
    page.goto("/account/inloggen/")
    page.get_by_label(label("E-mailadres")).fill(email)
    page.get_by_label(label("Wachtwoord")).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    assert urlsplit(page.url).path == "/", f"{email} did not log in: {page.url}"


def submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def pdf_text(page, href: str) -> str:
    response = page.request.get(href)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


@pytest.fixture
def cast(demo):
    """The demo's organisations and coordinator and asker, plus three experts with three reward forms."""
    deploying = Organisation.objects.get(slug="platform-utrecht")
    gemeente = Organisation.objects.get(slug="gemeente-utrecht")
    asker = User.objects.get(email="vrager@example.org")
    jan = make_person("jan.bank@example.org", "Jan Bank", [(deploying, Role.EXPERT)])
    vera = make_person("vera.bon@example.org", "Vera Bon", [(deploying, Role.EXPERT)])
    gijs = make_person("gijs.gift@example.org", "Gijs Gift", [(deploying, Role.EXPERT)])
    f.profile_for(jan, deploying, reward_form="bank_transfer", iban="")  # he enters it himself
    f.profile_for(vera, deploying, reward_form="voucher", iban="")
    f.profile_for(gijs, deploying, reward_form="donation", donation_charity="Voedselbank Utrecht", work_form="zzp")
    common = {"asker": asker, "deploying": deploying, "asker_organisation": gemeente, "rate": "50.00", "hours": "24"}
    work = f.engagement(
        None, title="Samen werken aan de wijkaanpak", amount_offered="5.00", hours_estimate="8", **common
    )
    work.experts_needed = 3
    work.save(update_fields=["experts_needed"])
    congress = f.engagement(None, title="Spreken op een congres", amount_offered="50.00", hours_estimate="8", **common)

    def invite(request, person, state):
        return f.assignment(None, expert=person, asker=asker, request=request, state=state)

    return {
        "deploying": deploying,
        "work": work,
        "jan_work": invite(work, jan, "pending"),
        "jan_congress": invite(congress, jan, "pending"),
        "vera_work": invite(work, vera, "accepted"),
        "gijs_work": invite(work, gijs, "accepted"),
        "jan": jan,
        "gijs": gijs,
    }


def test_an_assignment_ends_in_an_invoice_three_payout_forms_and_a_year_statement(page, axe, cast):
    problems: list[str] = []
    today = dt.date.today()
    year = today.year
    AllowanceCapRow.objects.filter(year=year).delete()  # the year must start out missing

    # --- the operator fills in the caps of this year, which the rules page shows as missing ---------
    log_in(page, "beheerder@example.org", DEMO_PASSWORD)
    page.goto("/vergoedingen/regels/")
    row = page.get_by_role("row", name=re.compile(rf"^{year}\b"))
    expect(row).to_contain_text("Ontbreekt")
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Grenzen voor {year} invullen").click()
    problems += axe(page)
    expect(page.get_by_label(label("Jaar"))).to_have_value(str(year))
    page.get_by_label(label("Per uur, 21 jaar en ouder")).fill("5,60")
    page.get_by_label(label("Per uur, jonger dan 21")).fill("3,30")
    page.get_by_label(label("Per maand")).fill("210")
    page.get_by_label(label("Per jaar")).fill("2.100")
    page.get_by_label(label("Bron")).fill("https://www.belastingdienst.nl/testwaarden-browsertest")
    submit(page, "Opslaan")
    expect(page.get_by_role("row", name=re.compile(rf"^{year}\b"))).to_contain_text("€ 2.100,00")
    assert AllowanceCapRow.objects.get(year=year).yearly == D("2100.00")

    # --- the expert sees the warning exactly when an offer would cross a cap ------------------------
    log_in(page, "jan.bank@example.org", PASSWORD)
    page.goto(f"/vergoedingen/opdrachten/{cast['jan_work'].pk}/beloning/")
    expect(page.get_by_text("Deze vergoeding blijft binnen de grenzen.")).to_be_visible()  # 8 × € 5 = € 40
    expect(page.get_by_role("heading", name=re.compile("^Let op"))).to_have_count(0)
    problems += axe(page)

    page.goto(f"/vergoedingen/opdrachten/{cast['jan_congress'].pk}/beloning/")  # 8 × € 50 = € 400
    expect(page.get_by_role("heading", name="Let op: deze vergoeding kan gevolgen hebben voor u")).to_be_visible()
    expect(page.locator("#grens-waarschuwing")).to_contain_text("maandgrens van € 210")
    problems += axe(page)
    # He chooses: this one goes to a charity, which does not count.
    page.get_by_label("Een gift aan een goed doel").check()
    page.get_by_label(label("Goed doel")).fill("Stichting Lotgenoten")
    submit(page, "Keuze voor deze opdracht opslaan")
    expect(page.get_by_role("heading", name=re.compile("^Let op"))).to_have_count(0)
    choice = AssignmentRewardChoice.objects.get(invitation=cast["jan_congress"])
    assert (choice.reward_form, choice.charity, choice.chosen_by) == ("donation", "Stichting Lotgenoten", cast["jan"])
    assert choice.chosen_at is not None

    # --- he enters his IBAN: a typo is refused in Dutch and his other input stays -------------------
    page.goto("/ervaringsdeskundigen/mijn-profiel/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^IBAN invullen")).click()
    problems += axe(page)
    page.get_by_label(label("IBAN")).fill("nl03 abna 0123 4567 89")
    page.get_by_label(label("Naam van de rekeninghouder")).fill("J. Bank")
    submit(page, "Bankgegevens opslaan")
    expect(page.get_by_text("Dit IBAN klopt niet: de controlecijfers passen niet bij het nummer.")).to_be_visible()
    expect(page.get_by_label(label("Naam van de rekeninghouder"))).to_have_value("J. Bank")
    problems += axe(page)
    page.get_by_label(label("IBAN")).fill("nl02 abna 0123 4567 89")
    submit(page, "Bankgegevens opslaan")
    expect(page.get_by_role("status")).to_contain_text("Uw bankgegevens zijn opgeslagen.")
    expect(page.get_by_text("NL** **** **** **67 89")).to_be_visible()
    problems += axe(page)
    assert User.objects.get(pk=cast["jan"].pk).expert_profile.iban == "NL02ABNA0123456789"

    # --- he says yes to the first one, choosing a voucher in the same form --------------------------
    page.goto(f"/vragen/uitnodigingen/{cast['jan_work'].pk}/")
    problems += axe(page)
    page.get_by_label("Een cadeaubon").check()
    submit(page, "Ja, ik doe mee")
    # After yes comes "Wat heeft u nodig?" (nothing needed here); the invitation page keeps the choice.
    expect(page.get_by_role("heading", name="Wat heeft u nodig om dit te kunnen doen?")).to_be_visible()
    page.goto(f"/vragen/uitnodigingen/{cast['jan_work'].pk}/")
    expect(page.get_by_text("Uw keuze voor de vergoeding: Een cadeaubon.")).to_be_visible()
    problems += axe(page)
    assert AssignmentRewardChoice.objects.filter(invitation=cast["jan_work"]).first().reward_form == "voucher"

    # --- hours and an expense with a receipt -------------------------------------------------------
    page.goto("/vergoedingen/")
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Samen werken aan de wijkaanpak").click()
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Uren schrijven").click()
    problems += axe(page)
    page.get_by_label(label("Datum")).fill(today.isoformat())
    page.get_by_label(label("Aantal uren")).fill("3,5")
    page.get_by_label(label("Wat heeft u gedaan? (niet verplicht)")).fill("Wijkgesprek en verslag")
    submit(page, "Uren opslaan")
    expect(page.get_by_role("status")).to_contain_text("De uren zijn opgeslagen.")

    with page.expect_navigation():
        page.get_by_role("link", name="Kosten declareren").click()
    problems += axe(page)
    page.get_by_label(label("Datum van de kosten")).fill(today.isoformat())
    page.get_by_label(label("Bedrag in euro")).fill("12,40")
    page.get_by_label(label("Waarvoor?")).fill("Trein Utrecht – Den Haag en terug")
    receipt = f.PDF_BYTES
    page.get_by_label(label("Bonnetje")).set_input_files(
        files=[{"name": "ns-kaartje.pdf", "mimeType": "application/pdf", "buffer": receipt}]
    )
    submit(page, "Kosten opslaan")
    expect(page.get_by_role("table", name="Gedeclareerde kosten")).to_contain_text("€ 12,40")
    problems += axe(page)

    # Gijs writes his own hours (through the API or the page; here directly).
    from inzet.compensation import services

    services.hours_log(invitation=cast["gijs_work"], actor=cast["gijs"], date=today, hours=D("1.5"))

    # --- the coordinator logs hours on behalf, approves, sets up payment and settles ----------------
    log_in(page, "coordinator@example.org", DEMO_PASSWORD)
    page.goto(f"/vergoedingen/opdrachten/{cast['vera_work'].pk}/")
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Uren schrijven").click()
    expect(page.get_by_text("U schrijft deze uren namens de ervaringsdeskundige.")).to_be_visible()
    page.get_by_label(label("Datum")).fill(today.isoformat())
    page.get_by_label(label("Aantal uren")).fill("2")
    submit(page, "Uren opslaan")
    assert HourEntry.objects.get(invitation=cast["vera_work"]).on_behalf is True

    page.goto("/vergoedingen/goedkeuren/")
    problems += axe(page)
    ours = page.get_by_role("button", name=re.compile(r"^Goedkeuren\s*: (Jan Bank|Vera Bon|Gijs Gift),"))
    expect(ours).to_have_count(4)  # three hour rows and one expense
    for _ in range(4):
        with page.expect_navigation():
            ours.first.click()
    expect(ours).to_have_count(0)

    page.goto(f"/vergoedingen/organisaties/{cast['deploying'].pk}/instellingen/")
    problems += axe(page)
    page.get_by_label(label("Naam bij de bank")).fill("Platform Ervaringsdeskundigheid Utrecht")
    page.get_by_label(label("IBAN van de organisatie")).fill("NL91 ABNA 0417 1643 00")
    page.get_by_label(label("BIC")).fill("ABNANL2A")
    submit(page, "Opslaan")
    expect(page.get_by_role("status")).to_contain_text("De instellingen zijn opgeslagen.")

    page.goto("/vergoedingen/afrekenen/")
    problems += axe(page)
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Afrekening maken\s*: Samen werken aan de wijkaanpak$")).click()
    problems += axe(page)
    expect(page.get_by_role("table", name="Wat nog open staat")).to_contain_text("Een cadeaubon")
    submit(page, "Factuur en betalingen maken")
    settlement = cast["work"].settlements.get()
    invoice = settlement.invoice
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Afrekening {invoice.number}")
    problems += axe(page)
    # 3,5 + 2 hours of volunteers and 1,5 of a zzp'er at € 50, € 12,40 costs; VAT only on the zzp hours.
    assert (invoice.subtotal, invoice.vat_total, invoice.total) == (D("362.40"), D("15.75"), D("378.15"))
    href = page.get_by_role("link", name=f"Factuur {invoice.number} openen (pdf)").get_attribute("href")
    text = pdf_text(page, href)
    assert invoice.number in text and "€ 362,40" in text and "€ 15,75" in text and "€ 378,15" in text

    payouts = {(p.expert.user.email, p.kind): p for p in settlement.payouts.select_related("expert__user")}
    expected = {
        ("jan.bank@example.org", "allowance"): ("voucher", D("17.50")),
        ("jan.bank@example.org", "costs"): ("bank_transfer", D("12.40")),
        ("vera.bon@example.org", "allowance"): ("voucher", D("10.00")),
        ("gijs.gift@example.org", "allowance"): ("donation", D("7.50")),
    }
    assert {key: (p.channel, p.amount) for key, p in payouts.items()} == expected
    for payout in payouts.values():
        page.goto(f"/vergoedingen/betalingen/{payout.pk}/")
        expect(page.get_by_role("heading", name=re.compile("^Let op"))).to_have_count(0)  # all within the caps
        problems += axe(page)
        submit(page, "Betaling goedkeuren")
    assert {p.state for p in settlement.payouts.all()} == {Payout.State.APPROVED}

    problems += axe(page)
    select = page.get_by_label("Soort bestand voor Platform Ervaringsdeskundigheid Utrecht")
    for kind, label_text in (
        ("bank_transfer", "Bankoverschrijving (SEPA-bestand)"),
        ("voucher", "Lijst met cadeaubonnen"),
        ("donation", "Lijst met giften aan goede doelen"),
    ):
        select.select_option(label=label_text)
        with page.expect_navigation():
            page.get_by_role(
                "button", name=re.compile(r"^Bestand maken\s*: Platform Ervaringsdeskundigheid Utrecht$")
            ).click()
        expect(page.get_by_role("status")).to_contain_text("is gemaakt")
    batches = {b.kind: b for b in PayoutBatch.objects.filter(payouts__settlement=settlement).distinct()}
    assert set(batches) == {"bank_transfer", "voucher", "donation"}

    sepa = download(page, batches["bank_transfer"].filename).decode()
    schema = xmlschema.XMLSchema(str(SEPA_XSD))
    schema.validate(sepa)
    transfers = schema.to_dict(sepa)["CstmrCdtTrfInitn"]["PmtInf"][0]["CdtTrfTxInf"]
    mine = [t for t in transfers if t["CdtrAcct"]["Id"]["IBAN"] == "NL02ABNA0123456789"]
    # Only his expense goes by bank (his allowance is a voucher); the statement says what it is.
    assert [D(str(t["Amt"]["InstdAmt"]["$"])) for t in mine] == [D("12.40")]
    assert "".join(mine[0]["RmtInf"]["Ustrd"]).startswith("Onkostenvergoeding")
    assert mine[0]["Cdtr"]["Nm"] == "J. Bank"
    vouchers = list(load_workbook(BytesIO(download(page, batches["voucher"].filename))).active.values)
    assert sorted(row[:3] for row in vouchers[1:]) == [
        ("Jan Bank", "jan.bank@example.org", 17.5),
        ("Vera Bon", "vera.bon@example.org", 10),
    ]
    donations = list(load_workbook(BytesIO(download(page, batches["donation"].filename))).active.values)
    assert donations[1][:3] == ("Voedselbank Utrecht", 7.5, "Gijs Gift")

    page.goto("/vergoedingen/boekhouding/")
    problems += axe(page)
    page.get_by_label(label("Van")).fill(today.replace(day=1).isoformat())
    page.get_by_label(label("Tot en met")).fill(today.isoformat())
    with page.expect_download() as info:
        page.get_by_role("button", name="Bestand downloaden (xlsx)").click()
    books = load_workbook(BytesIO(Path(info.value.path()).read_bytes()))
    assert books.sheetnames == ["Uren", "Betalingen", "Facturen"]
    assert invoice.number in [row[1] for row in books["Facturen"].values]

    # --- the asker sees the invoice addressed to their organisation --------------------------------
    log_in(page, "vrager@example.org", DEMO_PASSWORD)
    page.goto("/vergoedingen/facturen/")
    problems += axe(page)
    link = page.get_by_role("link", name=f"Factuur {invoice.number} (pdf)")
    assert "€ 378,15" in pdf_text(page, link.get_attribute("href"))

    # --- the expert downloads the year statement for the benefit agency -----------------------------
    log_in(page, "jan.bank@example.org", PASSWORD)
    page.goto("/vergoedingen/")
    expect(page.get_by_role("table", name="Goedgekeurde betalingen dit jaar")).to_contain_text("€ 17,50")
    problems += axe(page)
    statement = pdf_text(page, page.get_by_role("link", name=f"Jaaroverzicht {year} (pdf)").get_attribute("href"))
    assert f"Jaaroverzicht vergoedingen {year}" in statement
    assert "Platform Ervaringsdeskundigheid Utrecht" in statement
    assert "€ 17,50" in statement and "€ 12,40" in statement and "3,5" in statement
    assert f"bleven binnen de grenzen van {year}" in statement
    assert "Indicatie, geen advies." in statement

    assert Invitation.objects.get(pk=cast["jan_work"].pk).state == Invitation.State.ACCEPTED
    assert not problems, "\n".join(problems)
