"""Demo catalogue and a course run in every stage, built through the real services.

Called from inzet/demo/data.py (`inzet demo`). Running it again changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.experts import services as expert_services
from inzet.experts.models import ExpertProfile, QualificationLevel, TrainingKind, TrainingStatus
from inzet.organisations.models import Organisation
from inzet.training import services
from inzet.training.models import Course, CourseLevel, Mode

DEPLOYING_SLUG = "platform-utrecht"
TRAINER_EMAIL = "trainer@example.org"

# (title, provider, level, lessons, hours, weeks from now to start, places, mode, description)
CATALOGUE = [
    (
        "Werken met Eigen Ervaring",
        "Herstelacademie Utrecht",
        CourseLevel.BASIC,
        8,
        "2.5",
        -10,
        12,
        Mode.LOCATION,
        "De basiscursus: van uw eigen ervaring naar ervaringskennis die anderen verder helpt.",
    ),
    (
        "Actief luisteren",
        "Herstelacademie Utrecht",
        CourseLevel.ADDON,
        3,
        "2.0",
        -2,
        10,
        Mode.LOCATION,
        "Gesprekstechnieken: luisteren, doorvragen en samenvatten zonder meteen te adviseren.",
    ),
    (
        "Fases van herstel herkennen",
        "Herstelacademie Utrecht",
        CourseLevel.ADDON,
        4,
        "2.0",
        3,
        10,
        Mode.ONLINE,
        "Herken in welke fase van herstel iemand is. Gebruik uw eigen ervaring op een manier die daarbij past.",
    ),
    (
        "Niet voor een ander invullen",
        "Stichting Ervaring Werkt",
        CourseLevel.ADDON,
        2,
        "2.5",
        5,
        2,
        Mode.LOCATION,
        "De valkuilen van het werk: niet voor een ander invullen, en uw eigen verhaal niet centraal zetten.",
    ),
    (
        "Regels en het zorg- en welzijnsveld in de buurt",
        "Gemeente Utrecht, team Sociaal Domein",
        CourseLevel.ADDON,
        2,
        "3.0",
        8,
        20,
        Mode.LOCATION,
        "Welke regels gelden er? En wie doet wat in zorg en welzijn in de stad: wijkteams, inloop, GGZ (geestelijke gezondheidszorg).",
    ),
    (
        "Uw eigen verhaal delen",
        "Stichting Ervaring Werkt",
        CourseLevel.STORY,
        3,
        "2.0",
        -2,
        8,
        Mode.LOCATION,
        "Wat vertelt u wel en niet? Waar liggen uw grenzen? En hoe gaat u om met wat er op de inloop gebeurt?",
    ),
]


@transaction.atomic
def load_training_demo() -> None:
    organisation = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    if organisation is None or trainer is None or Course.objects.filter(organisation=organisation).exists():
        return
    today = timezone.localdate()
    courses = {}
    for title, provider, level, lessons, hours, weeks, places, mode, description in CATALOGUE:
        starts = today + dt.timedelta(weeks=weeks)
        courses[title] = services.course_create(
            organisation=organisation,
            by=trainer,
            title=title,
            provider=provider,
            level=level,
            lessons=lessons,
            hours_per_lesson=Decimal(hours),
            minimum_lessons=lessons - 1 if lessons > 3 else None,
            starts_on=starts,
            ends_on=starts + dt.timedelta(weeks=lessons - 1),
            places=places,
            mode=mode,
            location="Online (de link volgt per e-mail)" if mode == Mode.ONLINE else "Buurthuis De Brug, Utrecht",
            description=description,
            valid_years=3 if level == CourseLevel.BASIC else None,
        )
    profiles = list(ExpertProfile.objects.filter(organisation=organisation).select_related("user").order_by("pk")[:9])
    if len(profiles) < 8:
        return
    # The story course is over: everyone attended enough and has a verified record and a certificate.
    story = courses["Uw eigen verhaal delen"]
    for profile in profiles[1:4]:
        services.enrolment_join(course=story, profile=profile)
    story_rows = list(story.enrolments.all())
    for lesson in range(1, story.lessons + 1):
        services.attendance_record(course=story, lesson=lesson, present_ids={e.pk for e in story_rows}, by=trainer)
    for enrolment in story_rows:
        services.enrolment_complete(enrolment=enrolment, by=trainer)
    # The listening course is under way: lessons to record on the trainer's home page.
    listening = courses["Actief luisteren"]
    for profile in profiles[:5]:
        services.enrolment_join(course=listening, profile=profile)
    services.attendance_record(
        course=listening, lesson=1, present_ids={e.pk for e in listening.enrolments.all()[:4]}, by=trainer
    )
    # A small course that is full: two places, a waiting list of two.
    full = courses["Niet voor een ander invullen"]
    for profile in profiles[4:8]:
        services.enrolment_join(course=full, profile=profile)
    # Records the experts entered themselves (self-declared), with a level or EVC as evidence; the
    # trainer verified one, the others wait on the trainer's home page.
    declared = [
        (profiles[5], TrainingKind.TRAINING, "Howie the Harp", "RIBW", QualificationLevel.NON_REGULAR),
        (profiles[6], TrainingKind.TRAINING, "Associate Degree Ervaringsdeskundige in de zorg", "Hanzehogeschool", "5"),
        (profiles[7], TrainingKind.EVC, "EVC-traject ervaringsdeskundigheid", "EVC-aanbieder", ""),
    ]
    records = [
        expert_services.training_add(
            profile=profile,
            kind=kind,
            name=name,
            provider=provider,
            qualification_level=level,
            status=TrainingStatus.COMPLETED,
            completed_on=today - dt.timedelta(days=400),
        )
        for profile, kind, name, provider, level in declared
    ]
    services.record_verify(record=records[0], by=trainer, valid_until=today + dt.timedelta(days=3 * 365))
