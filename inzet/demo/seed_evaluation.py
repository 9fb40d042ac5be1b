"""Evaluation data for `inzet seed`: trajectories, closures, contacts and hour entries at scale.

Run by `inzet seed` after the experts (demo/management/commands/inzet.py). Plain executemany
inserts (demo.seed._insert): 1,000,000 hour entries and 100,000 trajectories take a minute or two on SQLite.
"""

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.compensation.models import ApprovedHoursDay, EntryState, HourEntry
from inzet.demo.seed import BATCH, _insert, _seed_organisations
from inzet.engagements.models import EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.neighbourhood.models import Closure, Contact, Resident, Team, Trajectory
from inzet.organisations.models import Organisation

TEAM_NAME = "Seed-wijkteam"
SEED_SLUG = "seed-org-0"
ASKER_SLUG = "seed-asker"


def _team(organisation: Organisation) -> Team:
    return Team.objects.get_or_create(organisation=organisation, name=TEAM_NAME)[0]


def seed_trajectories(total: int, *, rng: random.Random, progress: Callable[[int], None] | None = None) -> int:
    """`total` more trajectories of the seed team over the last three years; about half closed."""
    organisation = _seed_organisations(1)[0]
    team = _team(organisation)
    channels = [c for c, _label in Trajectory.Channel.choices]
    today = timezone.localdate()
    now = timezone.now()
    made = 0
    while made < total:
        size = min(BATCH, total - made)
        with transaction.atomic():
            first_resident = (Resident.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
            _insert(Resident, ["team_id", "name", "reach", "created_at"], [(team.pk, "", "", now)] * size)
            resident_ids = list(
                Resident.objects.filter(pk__gte=first_resident, team=team).order_by("pk").values_list("pk", flat=True)
            )[:size]
            rows = []
            for resident_id in resident_ids:
                opened = today - dt.timedelta(days=rng.randrange(3 * 365))
                closed = opened + dt.timedelta(days=rng.randrange(30, 300)) if rng.random() < 0.5 else None
                closed = closed if closed and closed <= today else None
                rows.append((team.pk, resident_id, rng.choice(channels), "", "", opened, closed, _uuid(rng)))
            _insert(
                Trajectory,
                [
                    "team_id",
                    "resident_id",
                    "channel",
                    "referrer",
                    "question",
                    "opened_on",
                    "closed_on",
                    "request_key",
                ],
                rows,
            )
            trajectories = list(
                Trajectory.objects.filter(resident_id__in=resident_ids).values_list("pk", "opened_on", "closed_on")
            )
            outcome_columns = [*Closure.OUTCOME_FIELDS, *Closure.DIFFERENCE_FIELDS]
            _insert(
                Closure,
                [
                    "trajectory_id",
                    "age",
                    "gender",
                    "came_in",
                    "going_on",
                    "actions",
                    "how_left",
                    "different",
                    "reflection",
                    "updated_at",
                    *outcome_columns,
                ],
                [
                    (pk, "", "", "", "", "", "", "", "", now, *[rng.random() < 0.4 for _ in outcome_columns])
                    for pk, _opened, closed in trajectories
                    if closed
                ],
            )
            _insert(
                Contact,
                ["trajectory_id", "on", "kind", "minutes", "note", "domain", "request_key"],
                [
                    (pk, opened, rng.choice(["phone", "in_person"]), 30, "", "", _uuid(rng))
                    for pk, opened, _closed in trajectories
                ],
            )
        made += size
        if progress:
            progress(size)
    return made


def _uuid(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _invitations(organisation: Organisation, rng: random.Random) -> list[Invitation]:
    """One running request of the seed organisation with up to 50 of its experts accepted."""
    asker_org = Organisation.objects.get_or_create(
        slug=ASKER_SLUG, defaults={"name": "Seed-gemeente", "kind": Organisation.Kind.ASKER}
    )[0]
    creator = User.objects.get_or_create(email="seed-asker@seed.example.org", defaults={"full_name": "Seed Vrager"})[0]
    request, _created = EngagementRequest.objects.get_or_create(
        title="Seed-opdracht",
        deploying_organisation=organisation,
        defaults={
            "asker_organisation": asker_org,
            "created_by": creator,
            "goal": "Meedenken",
            "status": RequestStatus.RUNNING,
            "submitted_at": timezone.now(),
        },
    )
    existing = list(Invitation.objects.filter(request=request))
    if existing:
        return existing
    profiles = list(ExpertProfile.objects.filter(organisation=organisation).order_by("pk")[:50])
    if not profiles:
        user = User.objects.get_or_create(email="seed-eval-expert@seed.example.org", defaults={"full_name": "Seed"})[0]
        profiles = [ExpertProfile.objects.get_or_create(user=user, organisation=organisation)[0]]
    expires = timezone.now() + dt.timedelta(days=7)
    return [
        Invitation.objects.create(
            request=request, expert=p, invited_by=creator, state=Invitation.State.ACCEPTED, expires_at=expires
        )
        for p in profiles
    ]


def seed_hours(total: int, *, rng: random.Random, progress: Callable[[int], None] | None = None) -> int:
    """`total` more approved hour entries on the seed organisation's assignment, over three years."""
    organisation = _seed_organisations(1)[0]
    invitations = _invitations(organisation, rng)
    today = timezone.localdate()
    now = timezone.now()
    columns = [
        "invitation_id",
        "date",
        "state",
        "created_by_id",
        "on_behalf",
        "created_at",
        "decision_note",
        "reason",
        "hours",
        "half_days",
        "description",
        "flags",
    ]
    made = 0
    while made < total:
        size = min(BATCH * 4, total - made)
        rows = []
        days: dict[dt.date, list] = {}
        for _ in range(size):
            invitation = invitations[rng.randrange(len(invitations))]
            day = today - dt.timedelta(days=rng.randrange(3 * 365))
            hours = Decimal(rng.randrange(1, 17)) / 2
            per_day = days.setdefault(day, [0, Decimal(0)])
            per_day[0] += 1
            per_day[1] += hours
            rows.append(
                (
                    invitation.pk,
                    day,
                    EntryState.APPROVED,
                    invitation.invited_by_id,
                    False,
                    now,
                    "",
                    "",
                    str(hours),
                    "0",
                    "",
                    "",
                )
            )
        with transaction.atomic():
            _insert(HourEntry, columns, rows)
            _add_day_totals(organisation, days)
        made += size
        if progress:
            progress(size)
    return made


def _add_day_totals(organisation: Organisation, days: dict[dt.date, list]) -> None:
    """The report's approved hours per day (compensation.hour_sums), added in the same pass and transaction
    as the rows: every seeded row is approved and none is corrected, so a sum per day is the exact total.
    One INSERT … ON CONFLICT DO UPDATE per day (PostgreSQL and SQLite ≥ 3.24 share the syntax)."""
    table = connection.ops.quote_name(ApprovedHoursDay._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (organisation_id, date, entries, hours, half_days) VALUES (%s, %s, %s, %s, 0) "  # noqa: S608 (no user input)
            f"ON CONFLICT (organisation_id, date) DO UPDATE SET entries = {table}.entries + excluded.entries, "
            f"hours = {table}.hours + excluded.hours",
            [(organisation.pk, day, n, hours) for day, (n, hours) in sorted(days.items())],
        )


def seed_evaluation(*, trajectories: int, hour_entries: int, progress=None, seed: int = 14) -> dict[str, int]:
    rng = random.Random(seed)
    return {
        "trajectories": seed_trajectories(trajectories, rng=rng, progress=progress) if trajectories else 0,
        "hour_entries": seed_hours(hour_entries, rng=rng, progress=progress) if hour_entries else 0,
    }
