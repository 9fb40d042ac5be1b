"""The report as page, PDF and XLSX for a coordinator, and the funder's link (made, used, revoked, expired)."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from inzet.evaluation.models import ReportGrant, ReportGrantAccess
from inzet.neighbourhood.models import Trajectory

YEAR = {"van": "2025-01-01", "tot": "2025-12-31"}


def _grant(orgs, coordinator, **fields) -> ReportGrant:
    values = {
        "organisation": orgs.deploying,
        "funder": "Fonds Wijk",
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "expires_on": dt.date(2025, 9, 1),
        "created_by": coordinator,
    }
    values.update(fields)
    return ReportGrant.objects.create(**values)


def test_the_page_shows_charts_as_images_with_tables_and_hides_small_counts(client, report_data, orgs, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("evaluation:report", kwargs={"org_pk": orgs.deploying.pk}), YEAR)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<script" not in html.split("<main", 1)[1]
    assert html.count("<table") >= html.count('<figure class="inzet-chart">') > 0
    # 2 referrals: hidden; 6 drop-in trajectories: shown.
    assert '<td data-count="channels-3">minder dan 5</td>' in html
    assert '<td data-count="channels-1">6</td>' in html


def test_a_wrong_period_gets_a_dutch_message_and_the_year_so_far(client, report_data, orgs, coordinator):
    client.force_login(coordinator)
    response = client.get(
        reverse("evaluation:report", kwargs={"org_pk": orgs.deploying.pk}), {"van": "2025-05-01", "tot": "2025-01-01"}
    )
    assert response.status_code == 200
    assert "De datum &#x27;tot en met&#x27; ligt vóór de datum &#x27;van&#x27;." in response.content.decode()
    assert response.context["report"].period.start == dt.date(2025, 1, 1)


def test_the_pdf_and_xlsx_hold_the_same_figures(client, report_data, orgs, coordinator):
    client.force_login(coordinator)
    kwargs = {"org_pk": orgs.deploying.pk}
    pdf = client.get(reverse("evaluation:report_pdf", kwargs=kwargs), YEAR)
    assert pdf["Content-Type"] == "application/pdf" and "attachment" in pdf["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "minder dan 5" in text and "Inloopspreekuur" in text
    xlsx = client.get(reverse("evaluation:report_xlsx", kwargs=kwargs), YEAR)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = {(r[1], r[2]): r[3] for r in sheet.iter_rows(values_only=True) if r and len(r) > 3}
    opened = Trajectory.objects.filter(opened_on__year=2025, channel="drop_in").count()
    assert rows[("Hoe kwamen bewoners binnen (nieuwe trajecten)", "Inloopspreekuur")] == opened
    assert rows[("Hoe kwamen bewoners binnen (nieuwe trajecten)", "Verwijzing")] == "minder dan 5"


def test_a_team_of_another_organisation_is_not_found(client, report_data, orgs, coordinator):
    from inzet.neighbourhood.models import Team

    elsewhere = Team.objects.create(organisation=orgs.other_deploying, name="Elders")
    client.force_login(coordinator)
    response = client.get(
        reverse("evaluation:report", kwargs={"org_pk": orgs.deploying.pk}), {**YEAR, "team": elsewhere.pk}
    )
    # The form refuses a team outside the organisation; the report stays the organisation's own.
    assert response.context["report"].team is None


def test_a_coordinator_makes_a_funder_link_and_bad_input_loses_nothing(client, orgs, coordinator, in_2025):
    client.force_login(coordinator)
    url = reverse("evaluation:grants", kwargs={"org_pk": orgs.deploying.pk})
    data = {
        "funder": "Fonds Wijk",
        "period_start": "2025-01-01",
        "period_end": "2025-06-30",
        "expires_on": "2024-01-01",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Kies een datum vanaf vandaag." in response.content.decode()
    assert 'value="Fonds Wijk"' in response.content.decode()
    assert not ReportGrant.objects.exists()
    response = client.post(url, {**data, "expires_on": "2025-09-01"})
    assert response.status_code == 302
    grant = ReportGrant.objects.get()
    assert (grant.funder, grant.period_end, grant.created_by) == ("Fonds Wijk", dt.date(2025, 6, 30), coordinator)


def test_the_funder_reads_only_through_a_live_link_and_each_use_is_logged(client, report_data, orgs, coordinator):
    grant = _grant(orgs, coordinator)
    url = reverse("evaluation:shared", kwargs={"token": grant.token})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Fonds Wijk" in response.content.decode()
    assert reverse("evaluation:grants", kwargs={"org_pk": orgs.deploying.pk}) not in response.content.decode()
    assert client.get(reverse("evaluation:shared_xlsx", kwargs={"token": grant.token})).status_code == 200
    assert list(ReportGrantAccess.objects.values_list("item", flat=True).order_by("pk")) == ["page", "xlsx"]
    assert client.get(reverse("evaluation:shared", kwargs={"token": grant.token[:-1] + "x"})).status_code == 404


def test_a_revoked_link_stops_working_and_revoking_twice_keeps_the_first(client, report_data, orgs, coordinator):
    grant = _grant(orgs, coordinator)
    client.force_login(coordinator)
    revoke = reverse("evaluation:grant_revoke", kwargs={"pk": grant.pk})
    assert client.post(revoke).status_code == 302
    first = ReportGrant.objects.get().revoked_at
    assert client.post(revoke).status_code == 302
    assert ReportGrant.objects.get().revoked_at == first
    client.logout()
    assert client.get(reverse("evaluation:shared", kwargs={"token": grant.token})).status_code == 404
    assert client.get(reverse("evaluation:shared_pdf", kwargs={"token": grant.token})).status_code == 404


def test_an_expired_link_stops_working(client, report_data, orgs, coordinator):
    grant = _grant(orgs, coordinator, expires_on=dt.date(2025, 6, 15))
    assert client.get(reverse("evaluation:shared", kwargs={"token": grant.token})).status_code == 404
    assert not ReportGrantAccess.objects.exists()


def test_another_coordinator_cannot_revoke(client, report_data, orgs, coordinator, other_coordinator):
    grant = _grant(orgs, coordinator)
    client.force_login(other_coordinator)
    assert client.post(reverse("evaluation:grant_revoke", kwargs={"pk": grant.pk})).status_code == 404
    assert ReportGrant.objects.get().revoked_at is None


@pytest.mark.parametrize("name", ["evaluation:report", "evaluation:report_pdf", "evaluation:report_xlsx"])
def test_pages_use_a_bounded_number_of_queries(
    client, report_data, orgs, coordinator, name, django_assert_max_num_queries
):
    client.force_login(coordinator)
    with django_assert_max_num_queries(40):
        client.get(reverse(name, kwargs={"org_pk": orgs.deploying.pk}), YEAR)


def test_the_page_takes_the_same_number_of_queries_with_more_data(
    client, report_data, orgs, coordinator, expert, asker, django_assert_max_num_queries
):
    """Rule 6: the report page's queries do not grow with the data (every figure is one aggregate)."""
    from inzet.compensation.tests import factories as f
    from inzet.evaluation.tests.conftest import contacts, trajectories
    from inzet.neighbourhood.models import Contact, GroupActivity, Partner, Referral

    url = reverse("evaluation:report", kwargs={"org_pk": orgs.deploying.pk})
    client.force_login(coordinator)
    client.get(url, YEAR)  # session and caches warm, as on a second visit
    with django_assert_max_num_queries(40) as before:
        assert client.get(url, YEAR).status_code == 200
    team = report_data["team"]
    made = trajectories(
        team,
        n=20,
        channel=Trajectory.Channel.PHONE,
        opened=dt.date(2025, 2, 1),
        closed=dt.date(2025, 8, 1),
        diff_equal=True,
        felt_heard=True,
    )
    contacts(made[0], n=10, kind=Contact.Kind.PHONE, on=dt.date(2025, 2, 2))
    for n in range(8):
        Partner.objects.create(team=team, name=f"Partner {n}", kind="gp")
        Referral.objects.create(team=team, partner_name="Huisarts", partner_kind="gp")
        GroupActivity.objects.create(team=team, title="Koffie", held_on=dt.date(2025, 3, n + 1), attendees=7)
    for _ in range(3):
        f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None)
    with django_assert_max_num_queries(len(before.captured_queries)):
        assert client.get(url, YEAR).status_code == 200
