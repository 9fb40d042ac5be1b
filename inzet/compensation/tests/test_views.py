import datetime as dt
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from conftest import make_person
from inzet.compensation import services
from inzet.compensation.models import AllowanceCapRow, AssignmentRewardChoice, EntryState, HourEntry, Payout
from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog, Audience
from inzet.organisations.models import Role

WARNING = "Let op"


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def render_include(user, invitation) -> str:
    """What the engagements decision page shows when it includes our template."""
    request = RequestFactory().get("/vragen/uitnodigingen/1/")
    request.user = user
    return Template('{% include "compensation/_invitation_warning.html" %}').render(
        Context({"invitation": invitation, "request": request, "user": user})
    )


# --- the warning before yes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rate,hours,warns",
    [
        ("5.60", "10", False),  # € 56: exactly the hourly cap of 2025, well within the month
        ("5.61", "10", True),  # one cent an hour more
        ("5.00", "42", False),  # € 210: exactly the month cap
        ("5.00", "42.2", True),  # € 211: over the month cap
    ],
)
def test_the_warning_appears_exactly_when_a_cap_would_be_crossed(in_2025, orgs, expert, asker, rate, hours, warns):
    invitation = f.assignment(
        orgs, expert=expert, asker=asker, state="pending", amount_offered=rate, hours_estimate=hours
    )
    html = render_include(expert, invitation)
    assert "Uw vergoeding voor deze opdracht" in html
    assert (WARNING in html) is warns
    assert ("binnen de grenzen" in html) is not warns


def test_the_expert_sees_the_benefit_explanation_and_can_choose_another_form(in_2025, orgs, expert, asker):
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        state="pending",
        amount_offered="50.00",
        hours_estimate="8",
        profile_fields={"benefit_situation": "wajong"},
    )
    html = render_include(expert, invitation)
    # Changed with issue 8: UWV's current page has no hourly limit; € 400 passes the € 210 month cap.
    assert WARNING in html and "UWV" in html and "hele vergoeding" in html
    assert 'name="reward_form"' in html and "Een gift aan een goed doel" in html
    assert reverse("compensation:assignment_reward", args=[invitation.pk]) in html


def test_a_missing_year_is_said_plainly_and_is_not_the_cap_warning(orgs, expert, asker, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12), tick=False)
    invitation = f.assignment(orgs, expert=expert, asker=asker, state="pending", amount_offered="2", hours_estimate="1")
    html = render_include(expert, invitation)
    assert "De belastinggrenzen voor 2026 zijn nog niet bekend in Inzet" in html
    assert "Alleen de beheerder van Inzet kan ze invoeren" in html
    assert WARNING not in html  # € 2 and no benefit: nothing else to warn about


def test_a_coordinator_sees_which_cap_but_not_the_benefit_unless_the_expert_shares_it(
    in_2025, orgs, expert, asker, coordinator
):
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        state="pending",
        amount_offered="50.00",
        hours_estimate="8",
        profile_fields={"benefit_situation": "wajong", "vis_benefit": Audience.ONLY_ME},
    )
    hidden = render_include(coordinator, invitation)
    assert WARNING in hidden
    assert "Wajong" not in hidden and "UWV" not in hidden
    assert "boven een grens die alleen voor hem of haar geldt" in hidden
    assert "de grens per uur van € 5,60 (2025)" in hidden

    invitation.expert.vis_benefit = Audience.COORDINATORS
    invitation.expert.save()
    shared = render_include(coordinator, invitation)
    assert "UWV" in shared
    assert AccessLog.objects.filter(viewer=coordinator, item="benefit").count() == 2


def test_the_coordinator_is_told_which_tax_cap(in_2025, orgs, expert, asker, coordinator):
    invitation = f.assignment(orgs, expert=expert, asker=asker, amount_offered="50.00", hours_estimate="2")
    html = render_include(coordinator, invitation)
    assert "de grens per uur van € 5,60 (2025)" in html


def test_outsiders_see_nothing_of_the_check(in_2025, orgs, expert, asker, other_coordinator):
    invitation = f.assignment(orgs, expert=expert, asker=asker, amount_offered="50.00", hours_estimate="2")
    assert render_include(other_coordinator, invitation).strip() == ""
    assert render_include(asker, invitation).strip() == ""


def test_choosing_a_donation_records_it_and_goes_back(in_2025, client, orgs, expert, asker):
    invitation = f.assignment(
        orgs, expert=expert, asker=asker, state="pending", amount_offered="50", hours_estimate="8"
    )
    client.force_login(expert)
    url = reverse("compensation:assignment_reward", args=[invitation.pk])
    response = client.post(
        url, {"reward_form": "donation", "charity": "Voedselbank", "next": "/vragen/uitnodigingen/9/"}
    )
    assert response.status_code == 302 and response.url == "/vragen/uitnodigingen/9/"
    choice = AssignmentRewardChoice.objects.get()
    assert (choice.reward_form, choice.charity, choice.on_behalf) == ("donation", "Voedselbank", False)
    # With a donation nothing counts, so the warning is gone.
    assert WARNING not in client.get(url).content.decode()


def test_a_donation_without_a_charity_keeps_the_choice_and_explains(client, job, expert):
    client.force_login(expert)
    response = client.post(
        reverse("compensation:assignment_reward", args=[job.pk]), {"reward_form": "donation", "charity": ""}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf op aan welk goed doel het geld gaat." in body
    assert 'value="donation" required id="id_keuze_reward_form_2" checked' in body
    assert not AssignmentRewardChoice.objects.exists()


def test_an_unsafe_next_is_ignored(client, job, expert):
    client.force_login(expert)
    response = client.post(
        reverse("compensation:assignment_reward", args=[job.pk]),
        {"reward_form": "voucher", "next": "https://evil.example/"},
    )
    assert response.url == reverse("compensation:assignment_reward", args=[job.pk])


# --- hours and expenses pages ----------------------------------------------------------------------


def test_a_coordinator_logs_hours_on_behalf_and_bad_input_keeps_what_was_typed(client, job, coordinator):
    client.force_login(coordinator)
    url = reverse("compensation:hours_add", args=[job.pk])
    bad = client.post(url, {"date": "2025-03-01", "hours": "twee", "description": "Sessie met raad"})
    body = bad.content.decode()
    assert "Vul een getal in, bijvoorbeeld 2,5." in body and 'value="Sessie met raad"' in body
    assert client.post(url, {"date": "2025-03-01", "hours": "2,5", "description": "Sessie"}).status_code == 302
    entry = HourEntry.objects.get()
    assert (entry.hours, entry.on_behalf) == (D("2.5"), True)
    assert (
        "namens de ervaringsdeskundige"
        in client.get(reverse("compensation:assignment", args=[job.pk])).content.decode()
    )


def test_a_wrong_receipt_is_refused_next_to_the_field(client, job, expert):
    client.force_login(expert)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("compensation:expense_add", args=[job.pk]),
        {
            "date": "2025-03-01",
            "amount": "12,40",
            "description": "Trein",
            "receipt": SimpleUploadedFile("bon.pdf", b"GIF89a fake"),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "geen echte pdf" in body and 'value="Trein"' in body


def test_the_receipt_is_served_only_through_the_checked_view(client, job, expert, coordinator, other_coordinator):
    claim = f.approved_expense(job, coordinator, "12.40")
    url = reverse("compensation:expense_receipt", args=[claim.pk])
    client.force_login(expert)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(other_coordinator)
    assert client.get(url).status_code == 404


def test_the_assignment_page_shows_the_history_of_a_correction(client, job, expert, coordinator):
    original = f.approved_hours(job, coordinator, "3", dt.date(2025, 3, 1))
    services.hours_correct(
        entry=original, actor=expert, date=original.date, hours=D(2), description="", reason="Eerder klaar"
    )
    client.force_login(expert)
    body = client.get(reverse("compensation:assignment", args=[job.pk])).content.decode()
    assert "Correctie van 1 maart 2025 (3 uur)" in body and "Eerder klaar" in body


def test_the_assignment_page_uses_a_fixed_number_of_queries(
    client, job, expert, coordinator, django_assert_max_num_queries
):
    for day in range(1, 13):
        f.approved_hours(job, coordinator, "1", dt.date(2025, 3, day))
        f.approved_expense(job, coordinator, "2.00", dt.date(2025, 3, day))
    client.force_login(expert)
    with django_assert_max_num_queries(22):
        assert client.get(reverse("compensation:assignment", args=[job.pk])).status_code == 200


def test_approving_from_the_list_and_the_list_stays_bounded(
    client, orgs, asker, coordinator, django_assert_max_num_queries
):
    for i in range(6):
        person = make_person(f"p{i}@test.nl", f"Persoon {i}", [(orgs.deploying, Role.EXPERT)])
        job = f.assignment(orgs, expert=person, asker=asker, title=f"Vraag {i}")
        services.hours_log(invitation=job, actor=person, date=dt.date(2025, 3, 1), hours=D(2))
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("compensation:approvals")).content.decode()
    assert body.count("Vraag ") >= 6
    entry = HourEntry.objects.first()
    response = client.post(
        reverse("compensation:hours_decide", args=[entry.pk]),
        {"decision": "approve", "next": "/vergoedingen/goedkeuren/"},
    )
    assert response.url == "/vergoedingen/goedkeuren/"
    entry.refresh_from_db()
    assert entry.state == EntryState.APPROVED


# --- settle, invoice, payouts ----------------------------------------------------------------------


def test_settling_makes_an_invoice_whose_pdf_has_the_right_totals(client, orgs, expert, asker, coordinator):
    zzp = make_person("zzp@test.nl", "Zeynep Zzp", [(orgs.deploying, Role.EXPERT)])
    request = f.engagement(orgs, asker=asker, rate="50.00")
    f.approved_hours(f.assignment(orgs, expert=expert, asker=asker, request=request), coordinator, "3")
    zzp_job = f.assignment(orgs, expert=zzp, asker=asker, request=request, profile_fields={"work_form": "zzp"})
    f.approved_hours(zzp_job, coordinator, "2")
    f.approved_expense(zzp_job, coordinator, "18.90")
    services.payment_settings_update(organisation=orgs.deploying, changes={"coordination_share": D(10)})

    client.force_login(coordinator)
    preview = client.get(reverse("compensation:settle", args=[request.pk])).content.decode()
    assert "Zeynep Zzp" in preview
    response = client.post(reverse("compensation:settle", args=[request.pk]))
    settlement = request.settlements.get()
    assert response.url == reverse("compensation:settlement", args=[settlement.pk])
    summary = client.get(response.url).content.decode()
    assert "€ 25,00" in summary  # 10% of € 250 hours income for coordination

    pdf = client.get(reverse("compensation:invoice_pdf", args=[settlement.invoice.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert settlement.invoice.number in text
    assert "€ 268,90" in text  # without VAT: 150 + 100 + 18,90
    assert "€ 21,00" in text  # 21% over the zzp hours only
    assert "€ 289,90" in text  # total
    assert "21%" in text and "0%" in text


def test_an_asker_sees_only_invoices_addressed_to_their_organisation(
    client, orgs, expert, asker, other_asker, coordinator
):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    client.force_login(other_asker)
    assert settlement.invoice.number not in client.get(reverse("compensation:invoices")).content.decode()
    assert client.get(reverse("compensation:invoice_pdf", args=[settlement.invoice.pk])).status_code == 404
    client.force_login(asker)
    assert settlement.invoice.number in client.get(reverse("compensation:invoices")).content.decode()


def test_approving_a_payout_over_a_cap_asks_to_confirm_the_conversation(
    in_2025, client, orgs, expert, asker, coordinator
):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="6", costs=None)
    payout = settlement.payouts.get()
    client.force_login(coordinator)
    url = reverse("compensation:payout", args=[payout.pk])
    page = client.get(url).content.decode()
    assert WARNING in page and "Ik heb de waarschuwing besproken" in page
    refused = client.post(url, {})
    assert "Bespreek die eerst" in refused.content.decode()
    assert client.post(url, {"acknowledged": "on"}).status_code == 302
    payout.refresh_from_db()
    assert payout.state == Payout.State.APPROVED and payout.warned


def test_the_bank_file_downloads_for_the_coordinator(client, orgs, expert, asker, coordinator):
    f.bank_settings(orgs.deploying)
    for payout in f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator).payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    client.force_login(coordinator)
    response = client.post(reverse("compensation:batch_create", args=[orgs.deploying.pk]), {"kind": "bank_transfer"})
    assert response.status_code == 302
    payouts_page = client.get(reverse("compensation:payouts")).content.decode()
    assert ".xml" in payouts_page
    batch = Payout.objects.first().batch
    download = client.get(reverse("compensation:batch_download", args=[batch.pk]))
    assert b"pain.001.001.03" in b"".join(download.streaming_content)


# --- statement, export, rules ------------------------------------------------------------------------


def test_the_year_statement_pdf_lists_the_year_per_organisation_with_costs_apart(
    in_2025, client, orgs, expert, asker, coordinator
):
    for payout in f.settled(
        orgs, expert=expert, asker=asker, coordinator=coordinator, hours="3.5", costs="11.20"
    ).payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    f.bank_settings(orgs.deploying)
    services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)
    client.force_login(expert)
    response = client.get(reverse("compensation:statement", args=[2025]))
    text = pdf_text(response.content)
    assert "Jaaroverzicht vergoedingen 2025" in text
    assert "Stichting Ervaring" in text
    assert "€ 175,00" in text and "€ 11,20" in text and "3,5" in text
    assert "Indicatie, geen advies." in text
    assert "grens per uur" in text or "€ 5,60" in text


def test_the_year_statement_pdf_lists_an_unpaid_payout_apart_and_keeps_the_disclaimer_with_the_rules(
    in_2025, client, orgs, expert, asker, coordinator
):
    paid = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="3", costs=None)
    for payout in paid.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    f.bank_settings(orgs.deploying)
    services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)
    unpaid = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="1", costs=None)
    for payout in unpaid.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    client.force_login(expert)

    content = client.get(reverse("compensation:statement", args=[2025])).content

    pages = [page.extract_text() for page in PdfReader(BytesIO(content)).pages]
    text = "\n".join(pages)
    assert "Goedgekeurd, nog niet betaald" in text
    head, _sep, unpaid_part = text.partition("Goedgekeurd, nog niet betaald")
    assert "€ 150,00" in head and "€ 50,00" not in head  # only the paid € 150 counts
    assert "€ 50,00" in unpaid_part
    disclaimer_page = next(p for p in pages if "Indicatie, geen advies." in p)
    assert "Wat zeggen de regels?" in disclaimer_page  # never alone on a page


def test_the_bookkeeping_export_has_hours_payments_and_invoices(in_2025, client, orgs, expert, asker, coordinator):
    for payout in f.settled(
        orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs="4.50"
    ).payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    client.force_login(coordinator)
    response = client.get(
        reverse("compensation:export"), {"organisation": orgs.deploying.pk, "start": "2025-06-01", "end": "2025-06-30"}
    )
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["Uren", "Betalingen", "Facturen"]
    hours = list(workbook["Uren"].iter_rows(min_row=2, values_only=True))
    payments = list(workbook["Betalingen"].iter_rows(min_row=2, values_only=True))
    invoices = list(workbook["Facturen"].iter_rows(min_row=2, values_only=True))
    assert hours[0][1:5] == ("Eef Expert", "Meedenken over armoedebeleid", "Gemeente Test", 2)
    assert sorted(row[6] for row in payments) == [4.5, 100]
    assert invoices[0][5] == 104.5


def test_the_export_form_explains_a_wrong_period(client, coordinator, orgs):
    client.force_login(coordinator)
    response = client.get(
        reverse("compensation:export"), {"organisation": orgs.deploying.pk, "start": "2025-06-30", "end": "2025-06-01"}
    )
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_the_rules_page_shows_sources_and_missing_years(client, operator, expert, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12), tick=False)
    client.force_login(expert)
    body = client.get(reverse("compensation:rules")).content.decode()
    assert body.count("Ontbreekt</strong>") == 1  # 2026: no citable public source yet
    assert 'href="https://www.belastingdienst.nl/' in body and "€ 50,00" in body
    assert ".txt" not in body and "000_" not in body
    assert reverse("compensation:cap_add") not in body

    client.force_login(operator)
    body = client.get(reverse("compensation:rules")).content.decode()
    assert f"{reverse('compensation:cap_add')}?jaar=2026" in body
    response = client.post(
        reverse("compensation:cap_add"),
        {
            "year": "2026",
            "hourly_21_plus": "",
            "hourly_under_21": "",
            "monthly": "220",
            "yearly": "2.200,00",
            "source": "Testbron.txt",
            "hourly_age": "21",
        },
    )
    assert "begint met https://" in response.content.decode()  # a file name is refused, nothing lost
    response = client.post(
        reverse("compensation:cap_add"),
        {
            "year": "2026",
            "hourly_21_plus": "",
            "hourly_under_21": "",
            "monthly": "220",
            "yearly": "2.200,00",
            "source": "https://www.belastingdienst.nl/vrijwilligers-2026",
            "hourly_age": "21",
        },
    )
    assert response.status_code == 302
    row = AllowanceCapRow.objects.get(year=2026)
    assert (row.yearly, row.updated_by) == (D("2200.00"), operator)
    assert client.get(reverse("compensation:rules")).content.decode().count("Ontbreekt</strong>") == 0


def test_the_payment_settings_refuse_a_wrong_iban(client, coordinator, orgs):
    client.force_login(coordinator)
    response = client.post(
        reverse("compensation:org_settings", args=[orgs.deploying.pk]),
        {
            "zzp_vat_rate": "21",
            "coordination_share": "12,5",
            "iban": "NL00BANK0123456789",
            "bic": "",
            "account_name": "Stichting",
            "payment_days": "30",
            "vat_on_zzp_hours": "on",
        },
    )
    body = response.content.decode()
    assert "Dit IBAN klopt niet." in body and 'value="12,5"' in body


@pytest.mark.parametrize(
    "persona,name,shows",
    [
        ("expert", "compensation:overview", "Vraag 0"),
        ("coordinator", "compensation:overview", "Vraag 4"),
        ("coordinator", "compensation:payouts", "Vraag 4"),
        ("coordinator", "compensation:settlements", "Vraag 4"),
        ("coordinator", "compensation:invoices", "Vraag 4"),
        ("asker", "compensation:invoices", "Vraag 4"),
        ("operator", "compensation:rules", "Ontbreekt</strong>"),
    ],
)
def test_list_pages_use_a_fixed_number_of_queries(
    client, personas, orgs, expert, asker, coordinator, persona, name, shows, django_assert_max_num_queries
):
    for i in range(5):
        person = expert if i == 0 else make_person(f"n{i}@test.nl", f"Nummer {i}", [(orgs.deploying, Role.EXPERT)])
        settlement = f.settled(orgs, expert=person, asker=asker, coordinator=coordinator, title=f"Vraag {i}")
        for payout in settlement.payouts.all():
            services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
        job = settlement.payouts.first().invitation
        f.approved_hours(job, coordinator, "1")  # open for the next settlement
    client.force_login(personas[persona])
    with django_assert_max_num_queries(17):
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert shows in response.content.decode()
