"""A large synthetic dataset for benchmarks: `inzet seed --experts 100000`."""

import random
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import transaction

from inzet.accounts.models import User
from inzet.demo.data import FIRST_NAMES, LAST_NAMES, POSTCODES
from inzet.experts.models import ExperienceLevel, ExpertProfile
from inzet.organisations.models import Membership, Organisation, Role

BATCH = 5000


def _seed_organisations(count: int) -> list[Organisation]:
    orgs = []
    for i in range(count):
        org, _ = Organisation.objects.get_or_create(
            slug=f"seed-org-{i}", defaults={"name": f"Seed-organisatie {i}", "kind": Organisation.Kind.DEPLOYING}
        )
        orgs.append(org)
    return orgs


def seed_experts(
    total: int, *, organisations: int = 20, progress: Callable[[int], None] | None = None, seed: int = 1
) -> int:
    """Create `total` experts with users, memberships and profiles in batches; returns the count made."""
    rng = random.Random(seed)
    orgs = _seed_organisations(organisations)
    unusable = make_password(None)  # one hash for all: hashing 100,000 passwords would take hours
    levels = list(ExperienceLevel.values)
    start = User.objects.filter(email__startswith="seed-").count()
    made = 0
    while made < total:
        size = min(BATCH, total - made)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [
                    User(
                        email=f"seed-{start + made + i}@seed.example.org",
                        full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                        password=unusable,
                    )
                    for i in range(size)
                ]
            )
            org_for = [orgs[rng.randrange(len(orgs))] for _ in users]
            Membership.objects.bulk_create(
                [Membership(user=u, organisation=o, role=Role.EXPERT) for u, o in zip(users, org_for, strict=True)]
            )
            ExpertProfile.objects.bulk_create(
                [
                    ExpertProfile(
                        user=u,
                        organisation=o,
                        level=rng.choice(levels),
                        postcode=f"{rng.choice(POSTCODES)} AB",
                        paused=rng.random() < 0.08,
                    )
                    for u, o in zip(users, org_for, strict=True)
                ]
            )
        made += size
        if progress:
            progress(size)
    return made
