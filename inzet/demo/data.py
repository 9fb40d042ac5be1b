"""Fictional, deterministic demo data: the same people every time `inzet demo` runs."""

import random
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts.models import User
from inzet.demo.compensation import load_compensation_demo
from inzet.demo.conversations import load_conversations_demo
from inzet.demo.engagements import load_engagements_demo
from inzet.demo.evaluation import load_evaluation_demo, load_feedback_demo
from inzet.demo.generate import Vocabularies, save_sketch, sketch_profile
from inzet.demo.knowledge import load_knowledge_demo
from inzet.demo.neighbourhood import load_neighbourhood_demo
from inzet.demo.network import load_events_demo, load_marks_demo, load_network_demo
from inzet.demo.recruitment import load_recruitment_demo
from inzet.demo.signals import load_signals_demo
from inzet.demo.support import load_support_demo
from inzet.demo.training import load_training_demo
from inzet.directory.services import bulk_build_documents
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.organisations.models import Membership, Organisation, PolicySettings, Role

DEMO_PASSWORD = "inzet-demo-2026"
# A fixed, public TOTP key so the demo can show two-step login; never used outside the demo.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"

FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Femke",
    "Gijs",
    "Hatice",
    "Ilse",
    "Jeroen",
    "Kim",
    "Lotte",
    "Mohamed",
    "Nadia",
    "Olaf",
    "Priya",
    "Quinten",
    "Rachida",
    "Sanne",
    "Tim",
    "Umut",
    "Vera",
    "Willem",
    "Yara",
    "Zeynep",
    "Marieke",
    "Kees",
    "Fatima",
    "Ruud",
    "Ingrid",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yilmaz",
    "El Amrani",
    "Kramer",
    "van Dam",
    "Koster",
    "Prins",
    "Huisman",
    "Postma",
]
POSTCODES = ["3511", "3512", "3521", "3531", "3581", "3431", "3702", "1011", "1053", "2511", "6811", "9711"]

DEPLOYING = [
    (
        "platform-utrecht",
        "Platform Ervaringsdeskundigheid Utrecht",
        "Utrecht",
        "Wij zetten ervaringsdeskundigen in voor beleid, zorg en onderwijs in de regio Utrecht.",
    ),
    (
        "herstelcentrum-de-brug",
        "Herstelcentrum De Brug",
        "Amersfoort",
        "Een zelfregiecentrum waar mensen elkaar helpen bij herstel.",
    ),
]
ASKERS = [
    ("gemeente-utrecht", "Gemeente Utrecht", "Utrecht"),
    ("ggz-midden", "GGZ Midden Nederland", "Amersfoort"),
    ("hogeschool-domstad", "Hogeschool Domstad", "Utrecht"),
]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    note: str = ""


def _user(email: str, name: str, password_hash: str) -> User:
    user, _created = User.objects.get_or_create(email=email, defaults={"full_name": name, "password": password_hash})
    return user


def is_loaded() -> bool:
    return Organisation.objects.filter(slug=DEPLOYING[0][0]).exists()


# The demo sits on the top layer, so it loads every app's data itself, in the order of INSTALLED_APPS
# (later loaders may use what earlier ones made).
APP_LOADERS = (
    load_support_demo,
    load_knowledge_demo,
    load_training_demo,
    load_neighbourhood_demo,
    load_signals_demo,
    load_network_demo,
    load_events_demo,
    load_marks_demo,
    load_conversations_demo,
    load_evaluation_demo,
    load_feedback_demo,
)


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    rng = random.Random(2026)
    password_hash = make_password(DEMO_PASSWORD)
    PolicySettings.current()

    platform, _ = Organisation.objects.get_or_create(
        slug="inzet-beheer", defaults={"name": "Inzet platformbeheer", "kind": Organisation.Kind.PLATFORM}
    )
    deploying = [
        Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": Organisation.Kind.DEPLOYING, "city": city, "mission": mission}
        )[0]
        for slug, name, city, mission in DEPLOYING
    ]
    askers = [
        Organisation.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": Organisation.Kind.ASKER, "city": city}
        )[0]
        for slug, name, city in ASKERS
    ]

    def member(user, org, role):
        Membership.objects.get_or_create(user=user, organisation=org, role=role)

    operator = _user("beheerder@example.org", "Bea Beheer", password_hash)
    operator.is_staff = True
    operator.save(update_fields=["is_staff"])
    member(operator, platform, Role.OPERATOR)

    coordinator = _user("coordinator@example.org", "Carla Coördinator", password_hash)
    member(coordinator, deploying[0], Role.COORDINATOR)
    # A coordinator can also be an expert elsewhere (docs/domain/request-loop.md#independence): checked per assignment later.
    member(coordinator, deploying[1], Role.EXPERT)

    coordinator_2fa = _user("coordinator2@example.org", "Otto Tweestaps", password_hash)
    member(coordinator_2fa, deploying[1], Role.COORDINATOR)
    TOTPDevice.objects.get_or_create(
        user=coordinator_2fa, name="Demo-app", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )

    trainer = _user("trainer@example.org", "Tessa Trainer", password_hash)
    member(trainer, deploying[0], Role.TRAINER)

    asker = _user("vrager@example.org", "Victor Vrager", password_hash)
    member(asker, askers[0], Role.ASKER)
    for i, org in enumerate(askers[1:], start=2):
        member(
            _user(f"vrager{i}@example.org", f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", password_hash),
            org,
            Role.ASKER,
        )

    vocab = Vocabularies.load()
    for i in range(40):
        org = deploying[i % 2]
        email = "expert@example.org" if i == 0 else f"expert{i:02d}@example.org"
        name = "Eva Ervaring" if i == 0 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        user = _user(email, name, password_hash)
        member(user, org, Role.EXPERT)
        if not ExpertProfile.objects.filter(user=user).exists():
            sketch = sketch_profile(rng, vocab)
            if i == 0:
                sketch.fields.update(status=ExpertStatus.ACTIVE, paused=False)
            save_sketch(user=user, organisation=org, sketch=sketch, confirmed_by=coordinator)
    load_recruitment_demo(deploying, coordinator)
    load_engagements_demo()
    load_compensation_demo()
    for load in APP_LOADERS:
        load()
    bulk_build_documents()
    return demo_logins()


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin("beheerder (operator)", "beheerder@example.org"),
        DemoLogin("coördinator", "coordinator@example.org", "ook ervaringsdeskundige bij De Brug"),
        DemoLogin("coördinator met tweestaps", "coordinator2@example.org", "code: make totp"),
        DemoLogin("trainer / mentor", "trainer@example.org"),
        DemoLogin("ervaringsdeskundige", "expert@example.org"),
        DemoLogin("vrager", "vrager@example.org"),
    ]
