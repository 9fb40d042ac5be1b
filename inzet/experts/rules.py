"""Pure rules for expert profiles: no Django here, so they are tested without a database.

Each check returns problem codes; the forms and the API turn them into Dutch messages.
"""

import re
from collections.abc import Collection, Iterable

# --- postcode, KvK, phone ----------------------------------------------------------------------

_POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})?$")
_KVK = re.compile(r"^\d{8}$")
_PHONE = re.compile(r"^\+?[\d\s\-()]{6,20}$")


def normalise_postcode(raw: str) -> str | None:
    """'3511ab' -> '3511 AB', '3511' -> '3511', '' -> ''; None when it is not a Dutch postcode."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    match = _POSTCODE.match(raw)
    if not match:
        return None
    digits, letters = match.groups()
    return f"{digits} {letters.upper()}" if letters else digits


def pc4(postcode: str) -> str:
    return (postcode or "")[:4]


def valid_kvk(raw: str) -> bool:
    return bool(_KVK.match(raw or ""))


def valid_phone(raw: str) -> bool:
    return not raw or bool(_PHONE.match(raw))


# --- work form and reward ----------------------------------------------------------------------


def work_and_reward_problems(*, work_form: str, kvk_number: str, reward_form: str, donation_charity: str) -> dict:
    """Field -> problem code: a zzp'er needs a KvK number of 8 digits; a donation needs a charity."""
    problems = {}
    kvk_number = (kvk_number or "").strip()
    if work_form == "zzp" and not kvk_number:
        problems["kvk_number"] = "kvk_required"
    elif kvk_number and not valid_kvk(kvk_number):
        problems["kvk_number"] = "kvk_format"
    if reward_form == "donation" and not (donation_charity or "").strip():
        problems["donation_charity"] = "charity_required"
    return problems


# --- days of the week as a bitmask -------------------------------------------------------------


def days_to_mask(days: Iterable[int | str]) -> int:
    mask = 0
    for day in days:
        mask |= int(day)
    return mask


def mask_to_days(mask: int, all_days: Iterable[int]) -> list[int]:
    return [day for day in all_days if mask & day]


# --- visibility --------------------------------------------------------------------------------

# Name and contact: a coordinator of one's own organisation must know who someone is and how to
# reach them, so "only me" is not offered for these two.
MINIMUM_AUDIENCE = {"name": 1, "contact": 1}
AUDIENCE_RANGE = range(0, 4)


def visibility_problems(choices: dict, known_items: Collection[str]) -> dict:
    """Item -> problem code for a set of visibility choices ({item: audience})."""
    problems = {}
    for item, value in choices.items():
        if item not in known_items:
            problems[item] = "unknown_item"
        elif not isinstance(value, int) or value not in AUDIENCE_RANGE:
            problems[item] = "unknown_audience"
        elif value < MINIMUM_AUDIENCE.get(item, 0):
            problems[item] = "too_private"
    return problems
