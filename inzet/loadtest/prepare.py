"""The accounts and rows the load test needs, on top of the `inzet seed` dataset (idempotent).

- coordinators of the first seeded organisation, each with its own TOTP device: django-otp
  accepts every code once per device, so simulated people must not share a device;
- experts (seeded profiles of that organisation) with an accepted invitation on a running
  request, so they can log hours;
- askers of the seeded asking organisation (with TOTP devices too), who made both requests.

Passwords are set from one hash (hashing is deliberately slow); the password and the TOTP keys
are written only into the load database and are public test values, like the demo's.
"""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts.models import User
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Membership, Organisation, Role
from inzet.taxonomy.models import PostcodeArea, Term

PASSWORD = "load-test-wachtwoord-2026"
DOMAIN = "load.example.org"
PEOPLE = 60  # of each kind: more than the largest run's users of that kind
RUNNING_TITLE = "Load-opdracht (bezig)"
MATCHING_TITLE = "Load-opdracht (koppelen)"


def totp_key(index: int) -> str:
    """A fixed 20-byte hex key per load coordinator (public, like the demo's DEMO_TOTP_KEY)."""
    return f"{index:08d}".encode().hex() + "313233343536373839303132"


def email(kind: str, index: int) -> str:
    return f"load-{kind}-{index}@{DOMAIN}"


def _user(address: str, name: str, password: str) -> User:
    user, created = User.objects.get_or_create(email=address, defaults={"full_name": name, "password": password})
    if not created and user.password != password:
        user.password = password
        user.save(update_fields=["password"])
    return user


def _term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


@transaction.atomic
def prepare(people: int = PEOPLE) -> dict:
    """Create (or refresh) the load accounts; returns the ids locust needs."""
    organisation = Organisation.objects.filter(slug="seed-org-0").first()
    if organisation is None:
        raise RuntimeError("No seeded organisations: run `manage.py inzet seed --experts N` first.")
    asker_org = Organisation.objects.get_or_create(
        slug="seed-asker", defaults={"name": "Seed-gemeente", "kind": Organisation.Kind.ASKER}
    )[0]
    password = make_password(PASSWORD)
    coordinators = []
    for i in range(people):
        user = _user(email("coordinator", i), f"Load Coördinator {i}", password)
        Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.COORDINATOR)
        TOTPDevice.objects.get_or_create(user=user, name="Load-app", defaults={"key": totp_key(i), "confirmed": True})
        coordinators.append(user)
    askers = []
    for i in range(people):
        user = _user(email("asker", i), f"Load Vrager {i}", password)
        Membership.objects.get_or_create(user=user, organisation=asker_org, role=Role.ASKER)
        # Askers see experts' profiles, so two-step login applies to them as well.
        TOTPDevice.objects.get_or_create(
            user=user, name="Load-app", defaults={"key": totp_key(1000 + i), "confirmed": True}
        )
        askers.append(user)

    area = PostcodeArea.objects.filter(region="Utrecht").order_by("pc4").first() or PostcodeArea.objects.first()
    start = timezone.localdate() + timedelta(days=14)
    common = {
        "asker_organisation": asker_org,
        "created_by": askers[0],
        "goal": "Meedenken over beleid voor inwoners met schulden en psychische klachten",
        "submitted_at": timezone.now(),
        "role": _term("role", "policy_influencer"),
        "practice_setting": _term("practice_setting", "institutions"),
        "min_level": _term("level", "expertise"),
        "experts_needed": 3,
        "hours_estimate": 8,
        "online": False,
        "area": area,
        "postcode": f"{area.pc4}" if area else "",
    }
    matching = EngagementRequest.objects.get_or_create(
        title=MATCHING_TITLE,
        deploying_organisation=organisation,
        defaults={**common, "status": RequestStatus.MATCHING},
    )[0]
    matching.start_date, matching.end_date = start, start + timedelta(days=6)
    matching.save(update_fields=["start_date", "end_date"])
    matching.experience_areas.set([_term("experience_area", c) for c in ("mental_health", "addiction")])
    running = EngagementRequest.objects.get_or_create(
        title=RUNNING_TITLE,
        deploying_organisation=organisation,
        defaults={**common, "status": RequestStatus.RUNNING, "experts_needed": people},
    )[0]
    running.start_date, running.end_date = timezone.localdate() - timedelta(days=30), start
    running.save(update_fields=["start_date", "end_date"])

    profiles = list(
        ExpertProfile.objects.filter(organisation=organisation, user__email__startswith="seed-")
        .select_related("user")
        .order_by("pk")[:people]
    )
    experts = []
    expires = timezone.now() + timedelta(days=30)
    for profile in profiles:
        # Only the password changes: the seeded profile stays as the seed made it.
        user = profile.user
        user.password = password
        user.save(update_fields=["password"])
        invitation = Invitation.objects.get_or_create(
            request=running,
            expert=profile,
            defaults={
                "invited_by": coordinators[0],
                "state": Invitation.State.ACCEPTED,
                "expires_at": expires,
                "responded_at": timezone.now(),
            },
        )[0]
        experts.append({"email": user.email, "invitation": invitation.pk})
    return {
        "password": PASSWORD,
        "coordinators": [{"email": u.email, "key": totp_key(i)} for i, u in enumerate(coordinators)],
        "askers": [{"email": u.email, "key": totp_key(1000 + i)} for i, u in enumerate(askers)],
        "experts": experts,
        "matching_request": matching.pk,
        "running_request": running.pk,
    }
