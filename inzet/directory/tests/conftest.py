"""Small factories for directory tests: experts whose every item is shared with coordinators
unless a test hides one."""

import itertools
from datetime import UTC, datetime

import pytest

from conftest import make_person, term
from inzet.directory.services import search_document_refresh
from inzet.experts.models import (
    Audience,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    TrainingRecord,
)
from inzet.organisations.models import Role
from inzet.taxonomy.models import PostcodeArea

_numbers = itertools.count(1)

ALL_VISIBLE = {
    "vis_name": Audience.COORDINATORS,
    "vis_contact": Audience.COORDINATORS,
    "vis_level": Audience.COORDINATORS,
    "vis_roles": Audience.COORDINATORS,
    "vis_competences": Audience.COORDINATORS,
    "vis_training": Audience.COORDINATORS,
    "vis_languages": Audience.COORDINATORS,
    "vis_region": Audience.COORDINATORS,
    "vis_availability": Audience.COORDINATORS,
    "vis_work_form": Audience.COORDINATORS,
    "vis_benefit": Audience.COORDINATORS,
    "vis_needs": Audience.COORDINATORS,
}
ALL_PUBLIC = {name: Audience.PUBLIC for name in ALL_VISIBLE}


def make_expert(
    organisation,
    name: str | None = None,
    *,
    areas=(("mental_health", Audience.COORDINATORS),),
    roles=("supporter",),
    relational_roles=(),
    settings=(),
    competences=(),
    languages=("nl",),
    training=(),
    pc4: str | None = "3511",
    refresh: bool = True,
    **fields,
) -> ExpertProfile:
    n = next(_numbers)
    user = make_person(f"expert{n}@dir.test", name or f"Expert {n}", [(organisation, Role.EXPERT)])
    values = {**ALL_VISIBLE, "level": term("level", "expertise"), **fields}
    if pc4:
        values["area"] = PostcodeArea.objects.get(pc4=pc4)
        values["postcode"] = f"{pc4} AB"
    profile = ExpertProfile.objects.create(user=user, organisation=organisation, **values)
    for code, visibility in areas:
        ExpertExperience.objects.create(
            profile=profile,
            description=f"Geheim verhaal {n}",
            visibility=visibility,
            **ExpertExperience.area_fields(term("experience_area", code).pk, visibility),
        )
    profile.wanted_roles.set([term("role", c) for c in roles])
    profile.relational_roles.set([term("relational_role", c) for c in relational_roles])
    profile.wanted_settings.set([term("practice_setting", c) for c in settings])
    profile.languages.set([term("language", c) for c in languages])
    for code, confirmed in competences:
        ExpertCompetence.objects.create(
            profile=profile,
            competence=term("competence", code),
            confirmed_at=datetime(2026, 1, 1, tzinfo=UTC) if confirmed else None,
        )
    for training_name in training:
        TrainingRecord.objects.create(profile=profile, kind="training", name=training_name, status="completed")
    if refresh:
        search_document_refresh(profile_ids=[profile.pk])
    return profile


@pytest.fixture
def expert_factory(orgs):
    def factory(*args, organisation=None, **kwargs):
        return make_expert(organisation or orgs.deploying, *args, **kwargs)

    return factory
