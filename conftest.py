"""The fixed cast every test can use: one person per role, plus an outsider.

Coordinators and askers come in two organisations each, so tests can prove that people of
organisation A never see organisation B's data.
"""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, make_password

from inzet.accounts.models import User
from inzet.organisations.models import Membership, Organisation, PolicySettings, Role

PASSWORD = "test-wachtwoord-123"


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """argon2 still, at the lowest cost: production's 100 MiB, 2-pass hash takes about 0.2 s of CPU,
    and every login in a test verifies one. The suite checks our code, not argon2's cost."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1


# argon2 is deliberately slow; hash the shared test password once per process.
_HASH = None


def _hash() -> str:
    global _HASH
    if _HASH is None:
        _HASH = make_password(PASSWORD)
    return _HASH


def make_person(email: str, name: str, memberships: list[tuple[Organisation, str]] = ()) -> User:
    user = User.objects.create(email=email, full_name=name, password=_hash())
    for org, role in memberships:
        Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def orgs(db):
    class Orgs:
        platform = Organisation.objects.create(name="Platform", slug="platform", kind=Organisation.Kind.PLATFORM)
        deploying = Organisation.objects.create(
            name="Stichting Ervaring", slug="ervaring", kind=Organisation.Kind.DEPLOYING
        )
        other_deploying = Organisation.objects.create(
            name="Andere Stichting", slug="andere", kind=Organisation.Kind.DEPLOYING
        )
        asker = Organisation.objects.create(name="Gemeente Test", slug="gemeente", kind=Organisation.Kind.ASKER)
        other_asker = Organisation.objects.create(
            name="Andere Gemeente", slug="andere-gemeente", kind=Organisation.Kind.ASKER
        )

    PolicySettings.current()
    return Orgs


@pytest.fixture
def operator(orgs):
    return make_person("operator@test.nl", "Olga Operator", [(orgs.platform, Role.OPERATOR)])


@pytest.fixture
def coordinator(orgs):
    return make_person("coordinator@test.nl", "Cor Coördinator", [(orgs.deploying, Role.COORDINATOR)])


@pytest.fixture
def other_coordinator(orgs):
    return make_person("coordinator@andere.nl", "Ander Coördinator", [(orgs.other_deploying, Role.COORDINATOR)])


@pytest.fixture
def trainer(orgs):
    return make_person("trainer@test.nl", "Tine Trainer", [(orgs.deploying, Role.TRAINER)])


@pytest.fixture
def expert(orgs):
    return make_person("expert@test.nl", "Eef Expert", [(orgs.deploying, Role.EXPERT)])


@pytest.fixture
def asker(orgs):
    return make_person("asker@test.nl", "Aad Asker", [(orgs.asker, Role.ASKER)])


@pytest.fixture
def other_asker(orgs):
    return make_person("asker@andere.nl", "Ander Asker", [(orgs.other_asker, Role.ASKER)])


@pytest.fixture
def outsider(db):
    return make_person("outsider@test.nl", "Otto Buiten")


@pytest.fixture
def personas(operator, coordinator, other_coordinator, trainer, expert, asker, other_asker, outsider):
    return {
        "operator": operator,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "trainer": trainer,
        "expert": expert,
        "asker": asker,
        "other_asker": other_asker,
        "outsider": outsider,
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Tasks run inline in tests so their effects (e-mails) can be asserted directly.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["conftest.FastArgon2PasswordHasher"]
    # Counters kept in the cache (the helpdesk's per-address limit) start at zero in every test,
    # whatever ran before in the same worker.
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    # Matching's candidate pools per process: ids and versions come back after a rolled-back test.
    from inzet.matching import pool_cache

    pool_cache.clear()
    # A test that switched to English must not leave the next one in the same worker in English.
    translation.activate(settings.LANGUAGE_CODE)


def term(vocabulary: str, code: str):
    from inzet.taxonomy.models import Term

    return Term.objects.get(vocabulary=vocabulary, code=code)


@pytest.fixture
def expert_profile(expert, orgs):
    """The expert persona's profile, with one item at each level of visibility."""
    import json

    from inzet.experts.models import Audience, ExpertExperience, ExpertProfile

    profile = ExpertProfile.objects.create(
        user=expert,
        organisation=orgs.deploying,
        level=term("level", "expertise"),
        postcode="3511 AB",
        benefit_situation="wajong",
        age_band="27_plus",
        needs=json.dumps(["transport"]),
        vis_benefit=Audience.ONLY_ME,
        vis_needs=Audience.COORDINATORS,
        vis_roles=Audience.PUBLIC,
    )
    profile.wanted_roles.set([term("role", "policy_influencer")])
    profile.languages.set([term("language", "nl")])
    ExpertExperience.objects.create(
        profile=profile,
        description="Geheim verhaal",
        visibility=Audience.ONLY_ME,
        **ExpertExperience.area_fields(term("experience_area", "addiction").pk, Audience.ONLY_ME),
    )
    ExpertExperience.objects.create(
        profile=profile,
        area=term("experience_area", "poverty_debt"),
        description="Schulden verhaal",
        visibility=Audience.COORDINATORS,
    )
    ExpertExperience.objects.create(
        profile=profile,
        area=term("experience_area", "mental_health"),
        description="Openbaar verhaal",
        visibility=Audience.PUBLIC,
    )
    return profile


_DATA_MIGRATIONS = [
    "inzet.taxonomy.migrations.0002_reference_data",
    "inzet.taxonomy.migrations.0003_involvement_and_skills",
    "inzet.compensation.migrations.0004_rule_rows_with_sources",
    "inzet.compensation.migrations.0009_work_instrument_rows",
    "inzet.compensation.migrations.0010_work_instruments_in_english",
    "inzet.privacy.migrations.0002_retention_rules",
    "inzet.privacy.migrations.0003_bookkeeping_text_rule",
    "inzet.neighbourhood.migrations.0005_retention_rule",
    "inzet.knowledge.migrations.0002_toolkit_content",
    "inzet.knowledge.migrations.0003_retention_rule",
    "inzet.signals.migrations.0002_themes",
    "inzet.evaluation.migrations.0004_stigma_words",
]


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests (live server, concurrency) flush the database, rows from data
    migrations included. Put the reference lists and rule tables back before each test."""
    import importlib

    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif "db" in names or marker:
        request.getfixturevalue("db")
    else:
        return
    from django.apps import apps

    from inzet.taxonomy.models import Term

    if not Term.objects.exists():
        for module in _DATA_MIGRATIONS:
            importlib.import_module(module).load(apps, None)
