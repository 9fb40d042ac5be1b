"""Issue 8 in pages and API: warnings with and without a cap row, the operator's notice, allowances
from outside Inzet, English explanations, and the API answering exactly like the page."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from inzet.accounts.models import ApiToken
from inzet.accounts.permissions import get_roles
from inzet.compensation import selectors, services
from inzet.compensation.models import AllowanceCapRow, ExternalAllowance
from inzet.compensation.tests import factories as f
from inzet.compensation.tests.test_views import WARNING, render_include
from inzet.experts.models import AccessLog

AMSTERDAM = dt.timezone(dt.timedelta(hours=1))


def _at(time_machine, day: dt.date):
    time_machine.move_to(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=AMSTERDAM), tick=False)


def _auth(user):
    _token, raw = ApiToken.issue(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- warnings in a year with and without a tax-cap row -------------------------------------------


@pytest.mark.parametrize("day", [dt.date(2025, 6, 16), dt.date(2026, 11, 27)], ids=["with-caps", "without-caps"])
@pytest.mark.parametrize(
    "profile_fields,rate,hours,says",
    [
        ({"benefit_situation": "wajong", "age_band": "under_21"}, "50.00", "8", "UWV"),
        ({"benefit_situation": "bijstand", "age_band": "23_26"}, "50.00", "6", "jonger dan 27"),
    ],
    ids=["wajong-under-21", "bijstand-under-27"],
)
def test_the_benefit_warning_shows_whether_or_not_the_year_has_caps(
    time_machine, orgs, expert, asker, day, profile_fields, rate, hours, says
):
    _at(time_machine, day)
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        state="pending",
        amount_offered=rate,
        hours_estimate=hours,
        profile_fields=profile_fields,
    )
    html = render_include(expert, invitation)
    assert WARNING in html and says in html
    missing = "De belastinggrenzen voor 2026 zijn nog niet bekend in Inzet"
    assert (missing in html) is (day.year == 2026)
    if day.year == 2026:
        assert "Alleen de beheerder van Inzet kan ze invoeren" in html


def test_the_bijstand_exemption_chosen_on_the_profile_is_used(orgs, expert):
    profile = f.profile_for(expert, orgs.deploying, bijstand_exemption="bijstand_illness")
    assert selectors.expert_exemption(profile).value == "bijstand_illness"
    profile.bijstand_exemption = "nonsense"
    assert selectors.expert_exemption(profile).value == "bijstand_27_plus"


def test_the_profile_step_offers_every_bijstand_exemption(client, expert, orgs):
    f.profile_for(expert, orgs.deploying)
    client.force_login(expert)
    body = client.get(reverse("experts:wizard", args=[4])).content.decode()
    for code in ("bijstand_27_plus", "bijstand_single_parent", "bijstand_illness"):
        assert f'value="{code}"' in body


# --- the operator's notice ----------------------------------------------------------------------


def test_the_operator_is_told_this_years_caps_are_missing(time_machine, operator):
    _at(time_machine, dt.date(2026, 11, 30))
    texts = [s.text for s in selectors.next_steps_for(operator, get_roles(operator))]
    assert any("dit jaar (2026) ontbreken" in t for t in texts)
    assert not any("2027" in t for t in texts)  # not before 1 December


def test_from_1_december_the_operator_is_told_next_years_caps_are_missing(client, time_machine, operator):
    _at(time_machine, dt.date(2026, 12, 1))
    AllowanceCapRow.objects.create(year=2026, monthly=D(220), yearly=D(2200), source="https://example.org/2026")
    texts = [s.text for s in selectors.next_steps_for(operator, get_roles(operator))]
    assert any("begint 2027" in t for t in texts)
    assert not any("dit jaar" in t for t in texts)
    client.force_login(operator)
    assert "begint 2027" in client.get(reverse("dashboard:home")).content.decode()


def test_no_notice_when_both_years_are_there(time_machine, operator):
    _at(time_machine, dt.date(2026, 12, 5))
    for year in (2026, 2027):
        AllowanceCapRow.objects.create(year=year, monthly=D(220), yearly=D(2200), source="https://example.org/")
    steps = selectors.next_steps_for(operator, get_roles(operator))
    assert not any(s.title == "Belastinggrenzen invullen" for s in steps)


# --- allowances from outside Inzet --------------------------------------------------------------


def _form(**overrides):
    data = {"organisation_name": "Voedselbank", "amount": "85,00", "from_month": "2025-01", "to_month": ""}
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["expert", "coordinator"])
def test_the_expert_or_their_coordinator_declares_an_outside_allowance(client, personas, orgs, expert, who):
    profile = f.profile_for(expert, orgs.deploying)
    client.force_login(personas[who])
    url = reverse("compensation:external", args=[profile.pk])
    response = client.post(url, _form())
    assert response.status_code == 302
    client.post(url, _form())  # a double click makes no second row
    (row,) = ExternalAllowance.objects.filter(expert=profile)
    assert (row.amount_decimal, row.organisation_name, row.from_month) == (
        D("85.00"),
        "Voedselbank",
        dt.date(2025, 1, 1),
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT amount, organisation_name FROM compensation_externalallowance")
        stored = cursor.fetchone()
    # encrypted at rest ("85.00" cannot stand in a token by chance: "." is not in its alphabet; "85" can)
    assert "85.00" not in stored[0] and "Voedselbank" not in stored[1]
    assert "Voedselbank" in client.get(url).content.decode()
    assert AccessLog.objects.filter(viewer=personas[who], item="benefit").exists() is (who == "coordinator")


@pytest.mark.parametrize("who", ["other_coordinator", "asker", "trainer", "outsider"])
def test_others_cannot_see_or_declare_outside_allowances(client, personas, orgs, expert, who):
    profile = f.profile_for(expert, orgs.deploying)
    row = services.external_allowance_save(
        expert=profile, actor=expert, organisation_name="Buurthuis", amount=D(50), from_month=dt.date(2025, 1, 1)
    )
    client.force_login(personas[who])
    assert client.get(reverse("compensation:external", args=[profile.pk])).status_code == 404
    assert client.post(reverse("compensation:external", args=[profile.pk]), _form()).status_code == 404
    assert client.post(reverse("compensation:external_delete", args=[row.pk])).status_code == 404
    assert ExternalAllowance.objects.filter(expert=profile).count() == 1
    api = client.get(f"/api/compensation/external-allowances?expert_id={profile.pk}", **_auth(personas[who]))
    assert api.status_code == 404


def test_bad_input_gets_a_dutch_message_and_keeps_what_was_typed(client, orgs, expert):
    profile = f.profile_for(expert, orgs.deploying)
    client.force_login(expert)
    body = client.post(
        reverse("compensation:external", args=[profile.pk]), _form(from_month="2025-05", to_month="2025-02")
    ).content.decode()
    assert "De laatste maand ligt voor de eerste maand." in body and 'value="Voedselbank"' in body
    assert not ExternalAllowance.objects.exists()


def test_the_api_lists_and_adds_outside_allowances_for_the_expert_and_coordinator(client, orgs, expert, coordinator):
    profile = f.profile_for(expert, orgs.deploying)
    body = {"expert_id": profile.pk, "organisation_name": "Kerk", "amount": "40.00", "from_month": "2025-03-01"}
    created = client.post(
        "/api/compensation/external-allowances", json.dumps(body), content_type="application/json", **_auth(coordinator)
    )
    assert created.status_code == 201 and created.json()["amount"] == "40.00"
    listed = client.get(f"/api/compensation/external-allowances?expert_id={profile.pk}", **_auth(expert)).json()
    assert [a["organisation_name"] for a in listed] == ["Kerk"]


def test_an_outside_allowance_turns_an_ok_offer_into_a_warning(time_machine, orgs, expert, asker):
    _at(time_machine, dt.date(2025, 6, 16))
    invitation = f.assignment(
        orgs, expert=expert, asker=asker, state="pending", amount_offered="5.00", hours_estimate="10"
    )
    assert WARNING not in render_include(expert, invitation)  # € 50 on its own is fine
    services.external_allowance_save(
        expert=invitation.expert,
        actor=expert,
        organisation_name="Sportclub",
        amount=D(200),
        from_month=dt.date(2025, 1, 1),
    )
    html = render_include(expert, invitation)
    assert WARNING in html and "alle organisaties samen" in html


# --- English, and the same answers from the API as on the page ----------------------------------


def test_an_explanation_is_english_in_the_english_interface(time_machine, orgs, expert, asker):
    _at(time_machine, dt.date(2025, 6, 16))
    invitation = f.assignment(
        orgs, expert=expert, asker=asker, state="pending", amount_offered="50.00", hours_estimate="2"
    )
    with translation.override("en"):
        html = render_include(expert, invitation)
    assert "This payment is €50 an hour. That is more than the hourly cap of €5.60 (2025)." in html
    assert "per uur" not in html


def test_the_api_gives_the_same_answers_as_the_page(client, time_machine, orgs, expert, asker):
    _at(time_machine, dt.date(2025, 6, 16))
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        state="pending",
        amount_offered="50.00",
        hours_estimate="2",
        profile_fields={"benefit_situation": "bijstand", "age_band": "27_plus"},
    )
    page = selectors.invitation_check(expert, invitation)
    html = render_include(expert, invitation)
    body = {
        "date": page.proposed.date.isoformat(),
        "amount": str(page.proposed.amount),
        "hours": str(page.proposed.hours),
        "organisation_id": invitation.request.deploying_organisation_id,
        "age_band": "27_plus",
        "benefit": "bijstand",
    }
    api = client.post("/api/compensation/check", json.dumps(body), content_type="application/json", **_auth(expert))
    answer = api.json()
    assert [line["text"] for line in answer["explanation"]] == [line.text for line in page.lines]
    for line in answer["explanation"]:
        assert escape(line["text"]) in html
    assert answer["warnings"] is page.check.warnings is True
    assert D(answer["benefit_offset"]) == page.check.benefit_offset == D(100)
    assert answer["benefit_effect"] == page.check.benefit_effect.value == "fully_offset"
    assert [c["kind"] for c in answer["crossed_caps"]] == [c.kind.value for c in page.check.crossed_caps]


def test_the_outside_allowances_page_uses_a_fixed_number_of_queries(
    client, orgs, expert, coordinator, django_assert_max_num_queries
):
    profile = f.profile_for(expert, orgs.deploying)
    for month in range(1, 9):
        services.external_allowance_save(
            expert=profile,
            actor=expert,
            organisation_name=f"Club {month}",
            amount=D(10),
            from_month=dt.date(2025, month, 1),
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("compensation:external", args=[profile.pk]))
    assert response.status_code == 200 and "Club 8" in response.content.decode()


def test_half_days_count_in_the_check_before_saying_yes(time_machine, orgs, expert, asker):
    """Only half-days at a flat amount (no hourly work): the offer is still an allowance and warns."""
    _at(time_machine, dt.date(2025, 6, 16))
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        state="pending",
        rate="50.00",
        profile_fields={"benefit_situation": "bijstand", "age_band": "23_26"},
    )
    request = invitation.request
    request.experts_needed = 1
    request.hours_estimate = None
    request.save(update_fields=["experts_needed", "hours_estimate"])
    agreement = request.agreement
    agreement.hours, agreement.half_day_rate, agreement.half_days = D("0"), D("150.00"), D("2")
    agreement.save()

    proposed = selectors.proposed_for_invitation(invitation)
    assert (proposed.half_days, proposed.half_day_amount) == (D("2"), proposed.amount)
    assert proposed.amount > 0
    html = render_include(expert, invitation)
    assert WARNING in html and "jonger dan 27" in html and "en 2 dagdelen voor" in html
