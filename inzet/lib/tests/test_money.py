"""One rounding and one way of writing amounts for the whole app (inzet/lib/money.py)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inzet.lib import money

amounts = st.decimals(min_value=D("-1000000000"), max_value=D("1000000000"), places=4, allow_nan=False)


@pytest.mark.parametrize(
    "amount,always,text",
    [
        (D("1900.5"), False, "€ 1.900,50"),
        (D("190"), False, "€ 190"),
        (D("190"), True, "€ 190,00"),
        (D("-12"), True, "-€ 12,00"),
        (D("0.005"), True, "€ 0,01"),  # half a cent rounds up, as on an invoice
        (D("1234567.891"), True, "€ 1.234.567,89"),
    ],
)
def test_dutch_notation(amount, always, text):
    assert money.format_euro(amount, always_cents=always) == text


def test_english_notation():
    assert money.format_euro_en(D("1900.5")) == "€1,900.50"
    assert money.format_euro_en(D("190")) == "€190"


@given(amounts)
def test_the_dutch_text_reads_back_as_the_rounded_amount(amount):
    text = money.format_euro(amount, always_cents=True)
    sign = -1 if text.startswith("-") else 1
    number = text.lstrip("-").removeprefix("€ ").replace(".", "").replace(",", ".")
    assert sign * D(number) == money.cents(amount)


@given(amounts)
def test_english_and_dutch_agree(amount):
    dutch = money.format_euro(amount, always_cents=True)
    english = money.format_euro_en(amount, always_cents=True)
    assert dutch.replace(".", "").replace(",", ".").replace("€ ", "€") == english.replace(",", "")


def test_the_template_filter_shows_a_dash_or_nothing_for_no_amount():
    assert money.euro_or_dash(None) == "—"
    assert money.euro_or_dash("", empty="") == ""
    assert money.euro_or_dash("12.5") == "€ 12,50"


def test_amounts_must_be_decimals():
    with pytest.raises(TypeError):
        money.format_euro(12.5)
