from decimal import Decimal as D

import pytest

from inzet.compensation.forms import DutchDecimalField, iban_is_valid


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("2,5", D("2.5")),
        ("2.5", D("2.5")),
        ("2.100", D("2100")),
        ("2.100,50", D("2100.50")),
        ("1.234.567", D("1234567")),
        ("€ 12,40", D("12.40")),
        (" 210 ", D("210")),
    ],
)
def test_it_reads_numbers_the_way_people_type_them_in_dutch(typed, expected):
    assert DutchDecimalField(max_digits=12).clean(typed) == expected


def test_it_explains_a_number_it_cannot_read():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        DutchDecimalField().clean("twee")
    assert refused.value.messages == ["Vul een getal in, bijvoorbeeld 2,5."]


@pytest.mark.parametrize(
    "iban,valid",
    [("NL91ABNA0417164300", True), ("NL91 ABNA 0417 1643 00", True), ("NL92ABNA0417164300", False), ("NL91", False)],
)
def test_it_checks_the_iban_control_digits(iban, valid):
    assert iban_is_valid(iban) is valid
