"""Dates far in the past (0001-01-01) or far ahead are refused with a Dutch message."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from inzet.compensation import services as money
from inzet.compensation.tests.factories import assignment, pdf_upload
from inzet.engagements import services as engagements
from inzet.lib.dates import within

TODAY = dt.date(2026, 11, 27)


@given(st.dates())
def test_within_keeps_exactly_the_window(day):
    inside = within(day, today=TODAY, years_back=2, years_ahead=0)
    assert inside == (dt.date(2024, 11, 27) <= day <= TODAY)


def test_within_handles_29_february():
    assert within(dt.date(2022, 2, 28), today=dt.date(2024, 2, 29), years_back=2, years_ahead=0)
    assert not within(dt.date(2022, 2, 27), today=dt.date(2024, 2, 29), years_back=2, years_ahead=0)


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(1999, 12, 31)])
def test_hours_long_ago_are_refused(orgs, expert, asker, day):
    invitation = assignment(orgs, expert=expert, asker=asker)
    with pytest.raises(ValidationError) as caught:
        money.hours_log(invitation=invitation, actor=expert, date=day, hours=Decimal(1))
    assert "meer dan twee jaar geleden" in str(caught.value)


def test_costs_long_ago_are_refused(orgs, expert, asker):
    invitation = assignment(orgs, expert=expert, asker=asker)
    with pytest.raises(ValidationError) as caught:
        money.expense_submit(
            invitation=invitation,
            actor=expert,
            date=dt.date(1, 1, 1),
            amount=Decimal(5),
            description="Trein",
            receipt=pdf_upload(),
        )
    assert "meer dan twee jaar geleden" in str(caught.value)


@pytest.mark.parametrize("field", ["start_date", "end_date"])
@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_a_request_far_in_the_past_or_future_is_refused(orgs, asker, field, day):
    data = {"title": "Meedenken", "goal": "Beleid", "deploying_organisation": orgs.deploying, field: day}
    with pytest.raises(ValidationError) as caught:
        engagements.request_create(asker_organisation=orgs.asker, actor=asker, data=data)
    assert field in caught.value.message_dict


def test_the_api_says_so_in_dutch(client, orgs, expert, asker):
    from inzet.accounts.models import ApiToken

    invitation = assignment(orgs, expert=expert, asker=asker)
    _token, raw = ApiToken.issue(user=expert, name="t")
    response = client.post(
        "/api/compensation/hours",
        {"assignment_id": invitation.pk, "date": "0001-01-01", "hours": "2"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    assert "meer dan twee jaar geleden" in response.json()["detail"]
