"""For each filterable item: request parameters, and the expert fields that make it match.

`shared` matches and is visible to coordinators; `hidden` has the same value but hides it.
Fields may be given as a function (for terms, which need the database).
Used by the page tests and the API tests, so both prove that a hidden item is never found.
"""

from conftest import term
from inzet.experts.models import Audience

ONLY_ME = Audience.ONLY_ME


def _areas(code, visibility):
    return {"areas": ((code, visibility),)}


CASES = {
    "experience area": (
        lambda: {"areas": term("experience_area", "addiction").pk},
        _areas("addiction", Audience.COORDINATORS),
        _areas("addiction", ONLY_ME),
    ),
    "level": (
        lambda: {"levels": term("level", "professional").pk},
        lambda: {"level": term("level", "professional")},
        lambda: {"level": term("level", "professional"), "vis_level": ONLY_ME},
    ),
    "role": (
        lambda: {"roles": term("role", "researcher").pk},
        {"roles": ("researcher",)},
        {"roles": ("researcher",), "vis_roles": ONLY_ME},
    ),
    "relational role": (
        lambda: {"relational_roles": term("relational_role", "gadfly").pk},
        {"relational_roles": ("gadfly",)},
        {"relational_roles": ("gadfly",), "vis_roles": ONLY_ME},
    ),
    "practice setting": (
        lambda: {"settings": term("practice_setting", "peer_groups").pk},
        {"settings": ("peer_groups",)},
        {"settings": ("peer_groups",), "vis_roles": ONLY_ME},
    ),
    "competence": (
        lambda: {"competences": term("competence", "methods_tools").pk},
        {"competences": (("methods_tools", False),)},
        {"competences": (("methods_tools", False),), "vis_competences": ONLY_ME},
    ),
    "confirmed competence": (
        lambda: {"competences": term("competence", "methods_tools").pk, "competence_confirmed": "true"},
        {"competences": (("methods_tools", True),)},
        {"competences": (("methods_tools", True),), "vis_competences": ONLY_ME},
    ),
    "language": (
        lambda: {"languages": term("language", "pap").pk},
        {"languages": ("pap",)},
        {"languages": ("pap",), "vis_languages": ONLY_ME},
    ),
    "municipality": (
        lambda: {"municipalities": "Amsterdam"},
        {"pc4": "1011"},
        {"pc4": "1011", "vis_region": ONLY_ME},
    ),
    "region": (
        lambda: {"regions": "Groningen"},
        {"pc4": "9711"},
        {"pc4": "9711", "vis_region": ONLY_ME},
    ),
    "available on a date": (
        lambda: {"available_from": "2026-12-01", "available_to": "2026-12-05"},
        {"paused": False},
        {"paused": False, "vis_availability": ONLY_ME},
    ),
    "day of the week": (
        lambda: {"days": 32},
        {"available_days": 127},
        {"available_days": 127, "vis_availability": ONLY_ME},
    ),
    "hours per week": (
        lambda: {"min_hours": 30},
        {"hours_per_week": 40},
        {"hours_per_week": 40, "vis_availability": ONLY_ME},
    ),
    "paused": (
        lambda: {"paused": "true"},
        {"paused": True},
        {"paused": True, "vis_availability": ONLY_ME},
    ),
    "work form": (
        lambda: {"work_forms": "zzp"},
        {"work_form": "zzp"},
        {"work_form": "zzp", "vis_work_form": ONLY_ME},
    ),
    "reward form": (
        lambda: {"reward_forms": "voucher"},
        {"reward_form": "voucher"},
        {"reward_form": "voucher", "vis_work_form": ONLY_ME},
    ),
    "search on the name": (
        lambda: {"q": "Zwaantje"},
        {"name": "Zwaantje Gedeeld"},
        {"name": "Zwaantje Verborgen", "vis_name": ONLY_ME},
    ),
    "search on an experience area": (
        lambda: {"q": "dakloos"},
        _areas("homelessness", Audience.COORDINATORS),
        _areas("homelessness", ONLY_ME),
    ),
    "search on the home town": (
        lambda: {"q": "Groningen"},
        {"pc4": "9711"},
        {"pc4": "9711", "vis_region": ONLY_ME},
    ),
    "search on training": (
        lambda: {"q": "herstelwerkplaats"},
        {"training": ("Herstelwerkplaats",)},
        {"training": ("Herstelwerkplaats",), "vis_training": ONLY_ME},
    ),
    "search on a language": (
        lambda: {"q": "Papiamento"},
        {"languages": ("pap",)},
        {"languages": ("pap",), "vis_languages": ONLY_ME},
    ),
}

# The page form uses "yes"/"no" for pause and "on" for checkboxes; the API takes booleans.
PAGE_VALUES = {"paused": {"true": "yes"}, "competence_confirmed": {"true": "on"}}


def fields(value) -> dict:
    return value() if callable(value) else value


def page_params(params: dict) -> dict:
    return {k: PAGE_VALUES.get(k, {}).get(v, v) if isinstance(v, str) else v for k, v in params.items()}
