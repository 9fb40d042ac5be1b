"""Amounts and numbers on the request pages follow the reader's language (the quote, the summary)."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from inzet.lib import money

QUOTE_LINE = (
    "{% load i18n engagements_tags %}"
    "{% blocktranslate count counter=half_days|plural_count with n=half_days|number_nl rate=rate|euro %}"
    "{{ n }} dagdeel × {{ rate }} per dagdeel{% plural %}{{ n }} dagdelen × {{ rate }} per dagdeel"
    "{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", '1,5 dagdelen × <data class="utrecht-currency-data" value="1234.50">€ 1.234,50</data> per dagdeel'),
        ("en", '1.5 half-days × <data class="utrecht-currency-data" value="1234.50">€1,234.50</data> per half-day'),
    ],
)
def test_the_quote_line_writes_numbers_and_money_in_the_readers_language(language, expected):
    with translation.override(language):
        html = Template("{% load phrases %}" + QUOTE_LINE).render(
            Context({"half_days": Decimal("1.5"), "rate": Decimal("1234.5")})
        )
    assert html == expected


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [("nl", "7.50", "7,5"), ("en", "7.50", "7.5"), ("nl", "12", "12"), ("en", "12.0", "12"), ("en", None, "—")],
)
def test_number_filter(language, value, expected):
    with translation.override(language):
        assert Template("{% load engagements_tags %}{{ v|number_nl }}").render(Context({"v": value})) == expected


def test_money_helpers():
    assert money.format_number_en(Decimal("2.50")) == "2.5"
    assert money.euro_html(Decimal("125"), english=True).endswith(">€125.00</data>")
    assert money.euro_html(Decimal("125")).endswith(">€ 125,00</data>")
    assert money.euro_html(None, english=True) == "—"
