"""The pure rules, without a database."""

import pytest

from inzet.experts import rules


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("3511ab", "3511 AB"),
        (" 3511 AB ", "3511 AB"),
        ("3511", "3511"),
        ("", ""),
        ("0511 AB", None),
        ("35 11", None),
        ("3511 A", None),
    ],
)
def test_it_normalises_dutch_postcodes(raw, expected):
    assert rules.normalise_postcode(raw) == expected


def test_a_zzp_worker_needs_a_kvk_number_of_eight_digits():
    base = {"reward_form": "bank_transfer", "donation_charity": ""}
    assert rules.work_and_reward_problems(work_form="zzp", kvk_number="", **base) == {"kvk_number": "kvk_required"}
    assert rules.work_and_reward_problems(work_form="zzp", kvk_number="1234567", **base) == {"kvk_number": "kvk_format"}
    assert rules.work_and_reward_problems(work_form="zzp", kvk_number="12345678", **base) == {}
    assert rules.work_and_reward_problems(work_form="volunteer", kvk_number="", **base) == {}


def test_a_donation_needs_the_name_of_a_charity():
    base = {"work_form": "volunteer", "kvk_number": ""}
    assert rules.work_and_reward_problems(reward_form="donation", donation_charity=" ", **base) == {
        "donation_charity": "charity_required"
    }
    assert rules.work_and_reward_problems(reward_form="donation", donation_charity="KWF", **base) == {}


def test_days_go_to_a_bitmask_and_back():
    all_days = [1, 2, 4, 8, 16, 32, 64]
    assert rules.days_to_mask([1, 4, 64]) == 69
    assert rules.mask_to_days(69, all_days) == [1, 4, 64]


def test_visibility_choices_are_checked():
    known = {"name", "benefit"}
    assert rules.visibility_problems({"benefit": 0, "name": 3}, known) == {}
    assert rules.visibility_problems({"name": 0}, known) == {"name": "too_private"}
    assert rules.visibility_problems({"benefit": 7}, known) == {"benefit": "unknown_audience"}
    assert rules.visibility_problems({"iban": 1}, known) == {"iban": "unknown_item"}


@pytest.mark.parametrize("phone,ok", [("06 12345678", True), ("+31 6-1234 5678", True), ("", True), ("bel mij", False)])
def test_phone_numbers_have_only_digits_and_separators(phone, ok):
    assert rules.valid_phone(phone) is ok
