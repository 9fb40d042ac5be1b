"""One map from consent item to the fields it reveals, for pages, the API and exports alike.

The expert decides per item (disclosure.ITEM_FIELDS) who sees it; this module says WHAT seeing an
item means: the values it opens, by field name. The API returns exactly these values; the profile
page turns the same values into lines (experts/selectors.py); both cut the postcode the same way.
Only called for items the viewer may see (disclosure.disclose decides), so a hidden value is never read.
"""

import json
from collections.abc import Callable

from inzet.experts.disclosure import SELF
from inzet.experts.models import Audience, ExpertProfile
from inzet.experts.rules import pc4


def sees_full_postcode(level: int) -> bool:
    """The expert and their coordinators see the whole postcode; everyone else only its 4 digits."""
    return level in (SELF, Audience.COORDINATORS)


def shown_postcode(postcode: str, level: int) -> str:
    return postcode if sees_full_postcode(level) else pc4(postcode)


PLACEHOLDER_DOMAIN = ".invalid"  # assisted sign-up without an e-mail address


def shown_email(email: str) -> str:
    """Placeholder addresses of people without e-mail are never shown."""
    return "" if not email or email.endswith(PLACEHOLDER_DOMAIN) else email


def term(value) -> dict | None:
    return {"code": value.code, "label": value.label} if value else None


def terms(values) -> list[dict]:
    return [term(t) for t in values]


# item -> the values it reveals (field name -> value), given the profile and the viewer's level.
CONSENT_FIELDS: dict[str, Callable[[ExpertProfile, int], dict]] = {
    "name": lambda p, level: {"name": p.user.full_name},
    "contact": lambda p, level: {"phone": p.phone, "email": shown_email(p.user.email) or None},
    "level": lambda p, level: {"level": term(p.level)},
    "roles": lambda p, level: {
        "wanted_roles": terms(p.wanted_roles.all()),
        "relational_roles": terms(p.relational_roles.all()),
        "wanted_settings": terms(p.wanted_settings.all()),
    },
    "does_not_want": lambda p, level: {"unwanted": terms(p.unwanted.all()), "does_not_want_note": p.does_not_want_note},
    "represents": lambda p, level: {"represents": p.represents},
    "background": lambda p, level: {"professional_background": p.professional_background},
    "qualities": lambda p, level: {
        "qualities": {
            "personality": p.quality_personality,
            "knowledge": p.quality_knowledge,
            "attitude": p.quality_attitude,
            "skills": p.quality_skills,
        }
    },
    "skills": lambda p, level: {"generic_skills": terms(p.generic_skills.all())},
    "competences": lambda p, level: {
        "competences": [
            {
                "competence": term(c.competence),
                "self_assessed": c.self_assessed,
                "confirmed_by": c.confirmed_by.full_name if c.confirmed_by else None,
                "confirmed_at": c.confirmed_at,
            }
            for c in p.competences.all()
        ]
    },
    "training": lambda p, level: {
        "training": [
            {
                "id": t.pk,
                "kind": t.kind,
                "name": t.name,
                "provider": t.provider,
                "status": t.status,
                "completed_on": t.completed_on,
                "valid_until": t.valid_until,
                "has_evidence": bool(t.evidence),
            }
            for t in p.training.all()
        ]
    },
    "languages": lambda p, level: {"languages": terms(p.languages.all())},
    "region": lambda p, level: {
        "postcode": shown_postcode(p.postcode, level),
        "travel_radius_km": p.travel_radius_km,
    },
    "availability": lambda p, level: {
        "paused": p.paused,
        "paused_until": p.paused_until,
        "hours_per_week": p.hours_per_week,
        "available_days": p.day_list,
        "unavailable_periods": [{"start": u.start, "end": u.end} for u in p.unavailable_periods.all()],
    },
    "work_form": lambda p, level: {
        "work_form": p.work_form,
        "kvk_number": p.kvk_number,
        "vat_kor": p.vat_kor,
        "reward_form": p.reward_form,
        "donation_charity": p.donation_charity,
    },
    "benefit": lambda p, level: {
        "benefit_situation": p.benefit_situation,
        "bijstand_exemption": p.bijstand_exemption,
        "age_band": p.age_band,
    },
    "needs": lambda p, level: {"needs": json.loads(p.needs) if p.needs else [], "needs_note": p.needs_note},
}


def item_values(profile: ExpertProfile, item: str, level: int) -> dict:
    """The values one consent item reveals to a viewer at `level` (empty for an unknown item)."""
    build = CONSENT_FIELDS.get(item)
    return build(profile, level) if build else {}
