"""The quote's sums, without Django."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inzet.engagements import quote

money = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False, allow_infinity=False)
hours = st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False, allow_infinity=False)
vat = st.sampled_from([Decimal(0), Decimal(9), Decimal(21), Decimal("10.5")])


def test_hours_times_rate_with_vat_is_exact():
    q = quote.calculate(hours=Decimal("12.5"), hourly_rate=Decimal("50.00"), vat_rate=Decimal(21))
    assert q.subtotal == Decimal("625.00")
    assert q.vat == Decimal("131.25")
    assert q.total == Decimal("756.25")
    assert q.has_vat and not q.has_discount


def test_vat_is_rounded_half_up_to_whole_cents():
    q = quote.calculate(hours=Decimal("1.5"), hourly_rate=Decimal("33.33"), vat_rate=Decimal(21))
    assert q.subtotal == Decimal("50.00")  # 49.995 rounds up
    assert q.vat == Decimal("10.50")


def test_without_a_vat_rate_there_is_no_vat():
    q = quote.calculate(hours=Decimal(4), hourly_rate=Decimal(50))
    assert q.vat == Decimal("0.00") and not q.has_vat and q.total == Decimal("200.00")


def test_the_first_assignment_is_a_discount_line_that_brings_the_total_to_zero():
    q = quote.calculate(hours=Decimal(10), hourly_rate=Decimal(50), vat_rate=Decimal(21), first_assignment=True)
    assert q.subtotal == Decimal("500.00") and q.discount == Decimal("-500.00")
    assert q.vat == Decimal("0.00") and q.total == Decimal("0.00")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        quote.calculate(hours=1.5, hourly_rate=Decimal(50))
    with pytest.raises(ValueError):
        quote.calculate(hours=Decimal(-1), hourly_rate=Decimal(50))


@given(hours=hours, rate=money, vat_rate=vat, first=st.booleans())
def test_the_lines_always_add_up_to_the_total(hours, rate, vat_rate, first):
    q = quote.calculate(hours=hours, hourly_rate=rate, vat_rate=vat_rate, first_assignment=first)
    assert q.subtotal + q.discount + q.vat == q.total
    assert q.total >= 0
    for amount in (q.subtotal, q.discount, q.vat, q.total):
        assert amount == amount.quantize(Decimal("0.01"))


def test_euros_are_written_the_dutch_way():
    assert quote.format_euro(Decimal("1234.5")) == "€ 1.234,50"
    assert quote.format_euro(Decimal("-500")) == "-€ 500,00"
    assert quote.format_euro(Decimal("0")) == "€ 0,00"
    assert quote.format_number(Decimal("7.5")) == "7,5"
    assert quote.format_number(Decimal("12.0")) == "12"
