"""Demo data for one neighbourhood team with a year of trajectories, through the real services.

Called from inzet/demo/data.py after the demo people exist. Dates are explicit
(these services accept past dates), so no clock is faked. Kept small and fast: it runs in the
browser tests. Running it again changes nothing.
"""

import datetime as dt
import random
import uuid

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.lib.mail import notifications_off
from inzet.neighbourhood import casework, services
from inzet.neighbourhood.models import Team, TeamMember
from inzet.organisations.models import Organisation

TEAM_NAME = "Wijkteam Overvecht"
DEMO_KEY = uuid.UUID("6d656d6f-0000-4000-8000-000000000000")

QUESTIONS = [
    ("drop_in", "Ik krijg steeds brieven over mijn schulden en durf ze niet meer open te maken.", "administration"),
    ("referral", "Sinds mijn vrouw is overleden kom ik de deur bijna niet meer uit.", "social_contacts"),
    ("phone", "Ik wil graag weer iets doen overdag, maar weet niet waar ik moet beginnen.", "day_activities"),
    ("vindplaats", "Ik moet naar de Wmo-consulent en zie er tegenop om alleen te gaan.", "agencies"),
    ("drop_in", "Mijn huis is een rommel geworden en ik schaam me om mensen binnen te laten.", "practical_help"),
    ("mail", "Ik wil leren om zelf met de bus naar het ziekenhuis te gaan.", "travel"),
    ("referral", "Ik ben net uit de opvang en wil dat het deze keer lukt met wonen.", "plans"),
    ("drop_in", "Ik zoek een plek om te sporten waar ik me niet bekeken voel.", "free_time"),
]
REFERRERS = {"referral": "Huisartsenpraktijk Overvecht"}
NOTES = [
    "Samen de post doorgenomen en drie brieven gesorteerd.",
    "Koffie gedronken in het buurthuis; ze vertelde over haar kleinkinderen.",
    "Gebeld: het gesprek bij de Wmo is verschoven naar volgende week.",
    "Samen met de bus gereisd. De terugweg deed hij alleen.",
    "Hij merkte dat mijn eigen verhaal over de schulden hem moed gaf.",
]
EXPERTS = [
    ("expert@example.org", "vrouw", 1976, "Overvecht, Zuilen", "administration,social_contacts,agencies"),
    ("expert01@example.org", "man", 1962, "Overvecht", "travel,day_activities,free_time"),
    ("expert02@example.org", "vrouw", 1990, "Overvecht, Noordoost", "practical_help,plans,social_contacts"),
]


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


@transaction.atomic
def load_neighbourhood_demo() -> None:
    if Team.objects.filter(name=TEAM_NAME).exists():
        return
    organisation = Organisation.objects.filter(slug="platform-utrecht").first()
    coordinator = _user("coordinator@example.org")
    if organisation is None or coordinator is None:
        return
    rng = random.Random(13)
    team = services.team_create(
        organisation=organisation,
        name=TEAM_NAME,
        area="Overvecht",
        postcode_ranges="3561-3565",
        form=Team.Form.OWN_LOCATION,
    )
    services.team_member_add(team=team, user=coordinator, role=TeamMember.Role.COORDINATOR)
    experts = []
    for email, gender, born, areas, domains in EXPERTS:
        user = _user(email)
        if user is None:
            continue
        services.team_member_add(team=team, user=user)
        TeamMember.objects.filter(team=team, user=user).update(
            gender=gender, birth_year=born, knows_areas=areas, experience_domains=domains
        )
        experts.append(user)
    if not experts:
        return
    services.drop_in_add(
        team=team,
        place="Buurtcentrum De Boog",
        address="Zamenhofdreef 1, Utrecht",
        weekday=1,
        starts=dt.time(10, 0),
        ends=dt.time(12, 0),
        who="Twee ervaringsdeskundigen van het team",
        accessibility="Rolstoeltoegankelijk, ringleiding",
    )
    gp, _created = services.partner_add(
        team=team, name="Huisartsenpraktijk Overvecht", kind="gp", email="praktijk@example.org"
    )
    today = timezone.localdate()
    with notifications_off():
        # One trajectory opened about every two weeks over the past year; the older ones closed.
        for n in range(24):
            opened = today - dt.timedelta(days=360 - n * 15)
            channel, question, domain = QUESTIONS[n % len(QUESTIONS)]
            expert = experts[n % len(experts)]
            trajectory, _created = services.first_contact_register(
                team=team,
                by=expert,
                request_key=uuid.UUID(int=DEMO_KEY.int + n),
                channel=channel,
                referrer=REFERRERS.get(channel, ""),
                question=question,
                reach="Via de balie van het buurtcentrum",
                opened_on=opened,
            )
            trajectory.experts.add(expert)
            services.question_form_save(
                trajectory=trajectory, filled_on=opened, rows={domain: ("Het lukt me nu niet alleen.", question)}
            )
            for k in range(rng.randint(2, 5)):
                on = opened + dt.timedelta(days=7 * (k + 1))
                if on > today:
                    break
                services.contact_log(
                    trajectory=trajectory,
                    by=expert,
                    request_key=uuid.UUID(int=DEMO_KEY.int + 1000 + n * 10 + k),
                    on=on,
                    kind=rng.choice(["phone", "in_person"]),
                    minutes=rng.choice([15, 30, 45, 60]),
                    note=rng.choice(NOTES),
                    domain=domain,
                )
            age_days = (today - opened).days
            if age_days > 95:
                services.review_save(
                    trajectory=trajectory,
                    months=3,
                    by=expert,
                    filled_on=opened + dt.timedelta(days=92),
                    rows={domain: ("Het lukt me nu niet alleen.", "Het gaat beter, met hulp.", rng.randint(5, 8), "")},
                )
            if age_days > 250:
                services.closure_save(
                    trajectory=trajectory,
                    fields={
                        "came_in": question,
                        "how_left": "De bewoner redt het weer zelf en weet ons te vinden.",
                        "felt_heard": True,
                        "more_confidence": n % 2 == 0,
                        "practical_help": domain in ("administration", "practical_help", "travel"),
                        "found_care": n % 3 == 0,
                        "different": "Zij kende het zelf en had tijd; er was geen wachtlijst en geen dossier.",
                        "diff_recognition": True,
                        "diff_equal": n % 2 == 1,
                        "diff_attention": n % 3 != 0,
                    },
                    actions={domain: "Samen stappen gezet, in het tempo van de bewoner."},
                    closed_on=opened + dt.timedelta(days=200),
                )
            elif n == 20:
                services.consent_record(
                    trajectory=trajectory,
                    partner=gp,
                    by=expert,
                    request_key=uuid.UUID(int=DEMO_KEY.int + 5000),
                    purpose="Overleg met de praktijkondersteuner over de volgende stap",
                    given_on=opened + dt.timedelta(days=20),
                )
                meeting, _created = casework.case_meeting_plan(
                    trajectory=trajectory,
                    by=expert,
                    request_key=uuid.UUID(int=DEMO_KEY.int + 5001),
                    planned_for=timezone.now() + dt.timedelta(days=6),
                    place="Huisartsenpraktijk Overvecht",
                    participants=[coordinator],
                    partners=[gp],
                )
                casework.action_add(
                    trajectory=trajectory,
                    meeting=meeting,
                    request_key=uuid.UUID(int=DEMO_KEY.int + 5002),
                    what="Afspraak bij de praktijkondersteuner samen voorbereiden",
                    owner=expert,
                    due_on=today + dt.timedelta(days=5),
                )
                casework.preferences_save(
                    trajectory=trajectory, languages="", age="58", neighbourhood="Overvecht", domains=domain
                )
    _group_activities(team, coordinator, today)


# Group activities (004 l.908–918): explicit days back from today, counts only.
GROUP_ACTIVITIES = [
    ("Koffieochtend in het wijkcentrum", 12, "meeting", 9),
    ("Samen koken en eten", 40, "meeting", 7),
    ("Wandeling door het Gagelbos", 60, "outing", 5),
    ("Voorlichting: rondkomen met je geld", 95, "information", 14),
    ("Workshop omgaan met formulieren", 150, "workshop", 6),
]


def _group_activities(team, by, today) -> None:
    for n, (title, days_ago, kind, attendees) in enumerate(GROUP_ACTIVITIES):
        casework.group_activity_add(
            team=team,
            by=by,
            request_key=uuid.UUID(int=DEMO_KEY.int + 6000 + n),
            title=title,
            held_on=today - dt.timedelta(days=days_ago),
            kind=kind,
            attendees=attendees,
        )
