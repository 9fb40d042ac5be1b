"""Shared generator of varied, fictional expert profiles for the demo and the benchmark seed."""

import json
import random
from dataclasses import dataclass, field
from itertools import accumulate

from django.utils import timezone

from inzet.experts.models import (
    AgeBand,
    Audience,
    BenefitSituation,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    ExpertStatus,
    Need,
    RewardForm,
    WorkForm,
)
from inzet.taxonomy.models import PostcodeArea, Term

# Every opening fits every middle: the story is one grammatical sentence whichever pair is drawn.
STORY_OPENINGS = [
    "Ik weet uit eigen ervaring",
    "Jarenlang heb ik gemerkt",
    "Na een moeilijke periode weet ik",
    "Door wat ik zelf heb meegemaakt, weet ik",
    "Ik heb zelf meegemaakt",
]
STORY_MIDDLES = [
    "hoe moeilijk het is om de weg te vinden in de hulpverlening",
    "hoe het voelt om niet gehoord te worden door instanties",
    "hoe belangrijk het is dat iemand echt luistert",
    "dat schulden en schaamte elkaar versterken",
    "dat herstel niet in een rechte lijn gaat",
]
STORY_ENDS = [
    "Nu help ik anderen om hun eigen weg te vinden.",
    "Dat wil ik gebruiken om beleid beter te maken.",
    "Ik vertel mijn verhaal in trainingen voor professionals.",
    "Ik denk graag mee over hoe het anders kan.",
]


# Choice values, computed once: Django's enum .values property rebuilds its list on every access.
# The four classic forms only, so the seeded demo stays the same as the reward forms grow.
_REWARD_FORMS = [RewardForm.BANK_TRANSFER, RewardForm.VOUCHER, RewardForm.DONATION, RewardForm.NONE]
_WORK_FORMS = list(WorkForm.values)
_BENEFITS = list(BenefitSituation.values)
_AGE_BANDS = list(AgeBand.values)
_NEEDS = list(Need.values)
# Cumulative weights, computed once: rng.choices(weights=...) sums them on every call (same draws).
_REWARD_CUM = list(accumulate([70, 12, 10, 8]))
_WORK_CUM = list(accumulate([75, 10, 15]))
_STATUS_CUM = list(accumulate([85, 10, 5]))
_BENEFIT_CUM = list(accumulate([45, 20, 12, 8, 5, 10]))
_AGE_CUM = list(accumulate([5, 7, 15, 73]))
_VISIBILITY_CUM = list(accumulate([10, 45, 30, 15]))
_STATUSES = [ExpertStatus.ACTIVE, ExpertStatus.IN_TRAINING, ExpertStatus.INACTIVE]
_EXPERIENCE_AUDIENCES = [Audience.ONLY_ME, Audience.COORDINATORS, Audience.ASKERS, Audience.PUBLIC]


@dataclass
class Vocabularies:
    levels: list
    roles: list
    relational_roles: list
    settings: list
    areas: list
    competences: list
    languages: list
    sectors: list
    areas_pc4: list = field(default_factory=list)

    @classmethod
    def load(cls) -> "Vocabularies":
        by = {}
        for term in Term.objects.filter(is_active=True):
            by.setdefault(term.vocabulary, []).append(term)
        return cls(
            levels=by["level"],
            roles=by["role"],
            relational_roles=by["relational_role"],
            settings=by["practice_setting"],
            areas=by["experience_area"],
            competences=by["competence"],
            languages=by["language"],
            sectors=by["sector"],
            areas_pc4=list(PostcodeArea.objects.all()),
        )


@dataclass
class ProfileSketch:
    fields: dict
    experiences: list  # (area term, description, visibility)
    roles: list
    relational_roles: list
    settings: list
    unwanted: list
    languages: list
    competences: list  # (term, confirmed)


def sketch_profile(rng: random.Random, vocab: Vocabularies, *, with_stories: bool = True) -> ProfileSketch:
    area = rng.choice(vocab.areas_pc4) if vocab.areas_pc4 else None
    letters = "ABCDEFGHJKLMNPRSTVWXZ"
    reward = rng.choices(_REWARD_FORMS, cum_weights=_REWARD_CUM)[0]
    work = rng.choices(_WORK_FORMS, cum_weights=_WORK_CUM)[0]
    fields = {
        "status": rng.choices(_STATUSES, cum_weights=_STATUS_CUM)[0],
        "level": rng.choice(vocab.levels),
        "postcode": f"{area.pc4} {rng.choice(letters)}{rng.choice(letters)}" if area else "",
        "area": area,
        "travel_radius_km": rng.choice([5, 10, 15, 25, 40, 60]),
        "hours_per_week": rng.choice([2, 4, 6, 8, 12, 16]),
        "available_days": rng.randrange(1, 128),
        "paused": rng.random() < 0.08,
        "work_form": work,
        "kvk_number": f"{rng.randrange(10_000_000, 99_999_999)}" if work == WorkForm.ZZP else "",
        "reward_form": reward,
        "donation_charity": "Stichting Lotgenoten" if reward == RewardForm.DONATION else "",
        "benefit_situation": rng.choices(_BENEFITS, cum_weights=_BENEFIT_CUM)[0],
        "age_band": rng.choices(_AGE_BANDS, cum_weights=_AGE_CUM)[0],
        # No needs is stored as empty (nothing to encrypt), as the profile form does.
        "needs": json.dumps(picked) if (picked := rng.sample(_NEEDS, k=rng.choice([0, 0, 1, 2]))) else "",
        "vis_name": rng.choice([Audience.COORDINATORS, Audience.ASKERS, Audience.ASKERS, Audience.PUBLIC]),
        "vis_level": rng.choice([Audience.ASKERS, Audience.PUBLIC]),
        "vis_roles": rng.choice([Audience.ASKERS, Audience.PUBLIC]),
        "vis_region": rng.choice([Audience.COORDINATORS, Audience.ASKERS, Audience.PUBLIC]),
        "vis_benefit": rng.choice([Audience.ONLY_ME, Audience.ONLY_ME, Audience.COORDINATORS]),
        "vis_availability": rng.choice([Audience.COORDINATORS, Audience.ASKERS]),
    }
    experiences = []
    for term in rng.sample(vocab.areas, k=rng.choice([1, 1, 2, 3])):
        story = (
            f"{rng.choice(STORY_OPENINGS)} {rng.choice(STORY_MIDDLES)}. {rng.choice(STORY_ENDS)}"
            if with_stories
            else ""
        )
        visibility = rng.choices(_EXPERIENCE_AUDIENCES, cum_weights=_VISIBILITY_CUM)[0]
        experiences.append((term, story, visibility))
    dutch = next(t for t in vocab.languages if t.code == "nl")
    languages = [dutch, *rng.sample([t for t in vocab.languages if t.code != "nl"], k=rng.choice([0, 0, 1, 2]))]
    return ProfileSketch(
        fields=fields,
        experiences=experiences,
        roles=rng.sample(vocab.roles, k=rng.choice([1, 2, 3])),
        relational_roles=rng.sample(vocab.relational_roles, k=rng.choice([0, 1, 2])),
        settings=rng.sample(vocab.settings, k=rng.choice([1, 2])),
        unwanted=rng.sample(vocab.settings + vocab.sectors, k=rng.choice([0, 0, 1])),
        languages=languages,
        competences=[(t, rng.random() < 0.5) for t in rng.sample(vocab.competences, k=rng.choice([1, 2, 3, 4]))],
    )


def save_sketch(*, user, organisation, sketch: ProfileSketch, confirmed_by=None):
    """Store one sketch as a full profile (demo size; the seed uses bulk inserts instead)."""
    profile = ExpertProfile.objects.create(user=user, organisation=organisation, **sketch.fields)
    ExpertExperience.objects.bulk_create(
        [
            ExpertExperience(profile=profile, description=d, visibility=v, **ExpertExperience.area_fields(a.pk, v))
            for a, d, v in sketch.experiences
        ]
    )
    profile.wanted_roles.set(sketch.roles)
    profile.relational_roles.set(sketch.relational_roles)
    profile.wanted_settings.set(sketch.settings)
    profile.unwanted.set(sketch.unwanted)
    profile.languages.set(sketch.languages)
    ExpertCompetence.objects.bulk_create(
        [
            ExpertCompetence(
                profile=profile,
                competence=term,
                confirmed_by=confirmed_by if confirmed else None,
                confirmed_at=timezone.now() if confirmed else None,
            )
            for term, confirmed in sketch.competences
        ]
    )
    return profile
