"""Fictional recruitment demo data: open pages and applications at various stages.

Rows are written directly (not through the services) so loading the demo sends no e-mails.
Safe to run again: an organisation that already has a recruitment page is left alone.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from inzet.organisations.models import Membership, Organisation, Role
from inzet.recruitment import services
from inzet.recruitment.models import (
    Application,
    ApplicationAnswer,
    ApplicationQuestion,
    ApplicationStatus,
    Channel,
    Decision,
    IntroTalk,
    PreferredContact,
    RecruitmentPage,
    ShadowDay,
    ShadowEvaluation,
    ShadowKind,
    ShadowOutcome,
    StageDecision,
)

PAGES = [
    {
        "intro": "Heeft u zelf ervaring met psychische problemen, verslaving of armoede? En wilt u die ervaring "
        "gebruiken om anderen te helpen, of om beleid beter te maken? Dan zoeken wij u.",
        "duration": "Minstens een jaar.",
        "time_investment": "Ongeveer 4 uur per week. U kiest zelf de dagen.",
        "activities": "Meedenken met de gemeente over beleid.\nGastlessen geven op een hogeschool.\n"
        "Praten met mensen in het inloophuis.",
        "requirements": "U heeft afstand tot uw eigen ervaring. U wilt leren en samenwerken. "
        "U hoeft geen diploma te hebben.",
        "compensation": "U krijgt een vrijwilligersvergoeding en uw reiskosten terug. "
        "Heeft u een uitkering? Dan kijken we samen wat kan.",
        "offer": "Een training 'Werken met eigen ervaring' van 8 lessen, en daarna een vaste plek in ons team "
        "met een maatje en maandelijkse intervisie.",
        "contact_name": "Marieke Jansen, coördinator",
        "contact_phone": "030 123 45 67",
        "contact_email": "werving@example.org",
    },
    {
        "intro": "Bij Herstelcentrum De Brug helpen mensen elkaar bij herstel. Iedereen is welkom: "
        "de training laat zien of het bij u past.",
        "duration": "Zo lang als u wilt.",
        "time_investment": "Een of twee dagdelen per week.",
        "activities": "Gastvrouw of gastheer zijn in de inloop.\nEen herstelgroep mee begeleiden.",
        "requirements": "U volgt eerst de training 'Werken met eigen ervaring'.",
        "compensation": "Een vrijwilligersvergoeding.",
    },
]


def _coordinator_of(organisation: Organisation, fallback):
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR, is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else fallback


def _application(organisation, stage, *, days_ago: int, entered_by=None, **fields) -> Application:
    created = timezone.now() - datetime.timedelta(days=days_ago)
    application = Application.objects.create(
        organisation=organisation, current_stage=stage, entered_by=entered_by, consent_at=created, **fields
    )
    Application.objects.filter(pk=application.pk).update(created_at=created, updated_at=created)
    return application


def _decide(application, stages, decisions, *, by, days_ago: int) -> None:
    """Walk the application through `decisions` (codes), as stage_decide would, without mail."""
    index = next(i for i, s in enumerate(stages) if s.pk == application.current_stage_id)
    for step, decision in enumerate(decisions):
        when = timezone.now() - datetime.timedelta(days=days_ago - 7 * step)
        StageDecision.objects.create(
            application=application,
            stage=stages[index],
            date=when.date(),
            decision=decision,
            notes="Fijn gesprek. Vertelt open over het eigen herstel." if decision == Decision.PASSED else "",
            decided_by=by,
            email_sent_at=when if application.email else None,
        )
        if decision in (Decision.PASSED, Decision.SKIPPED):
            index += 1
        elif decision == Decision.NOT_PASSED:
            application.status = ApplicationStatus.DECLINED
    application.current_stage = stages[index]
    application.save(update_fields=["current_stage", "status"])


@transaction.atomic
def load_recruitment_demo(deploying_orgs: list[Organisation], coordinator) -> None:
    for organisation, texts in zip(deploying_orgs, PAGES, strict=False):
        if RecruitmentPage.objects.filter(organisation=organisation).exists():
            continue
        services.recruitment_page_update(
            organisation=organisation, changes={"is_open": True, **texts}, updated_by=coordinator
        )
    first = deploying_orgs[0]
    if Application.objects.filter(organisation=first).exists():
        return

    stages = services.pipeline_ensure(organisation=first)
    by = _coordinator_of(first, coordinator)
    _application(
        first,
        stages[0],
        days_ago=2,
        full_name="Sanne de Wit",
        email="sanne.dewit@example.org",
        channel=Channel.WEBSITE,
        motivation_text="Ik heb jaren met schulden geleefd. Nu wil ik anderen laten zien dat er een uitweg is.",
    )
    _application(
        first,
        stages[0],
        days_ago=1,
        entered_by=by,
        full_name="Kees Bakker",
        phone="06 12345678",
        preferred_contact=PreferredContact.PHONE,
        channel=Channel.INTEREST_ORGANISATION,
        channel_other="Cliëntenraad GGZ Midden",
        motivation_text="Vertelde op het spreekuur dat hij na zijn herstel iets terug wil doen voor de inloop.",
        motivation_in_talk=True,
    )
    fatima = _application(
        first,
        stages[0],
        days_ago=20,
        full_name="Fatima El Amrani",
        email="fatima.elamrani@example.org",
        channel=Channel.SOCIAL_MEDIA,
        motivation_text="Ik zag uw bericht op LinkedIn. Ik wil graag meedenken over jeugdzorg.",
    )
    _decide(fatima, stages, [Decision.PASSED], by=by, days_ago=14)
    ruud = _application(
        first,
        stages[0],
        days_ago=45,
        full_name="Ruud Postma",
        email="ruud.postma@example.org",
        channel=Channel.WORD_OF_MOUTH,
        motivation_file_name="motivatie.txt",
        motivation_file_kind="document",
        motivation_transcript="Ruud schreef over zijn herstel van een verslaving en zijn werk als maatje.",
    )
    content = b"Ik wil mijn ervaring met verslaving gebruiken om anderen te helpen.\n"
    ruud.motivation_file.save("motivatie.txt", ContentFile(content), save=False)
    ruud.motivation_file_size = len(content)
    ruud.save(update_fields=["motivation_file", "motivation_file_size"])
    _decide(ruud, stages, [Decision.PASSED, Decision.PASSED, Decision.REPEAT], by=by, days_ago=40)
    ingrid = _application(
        first,
        stages[0],
        days_ago=30,
        full_name="Ingrid Dekker",
        email="ingrid.dekker@example.org",
        channel=Channel.REFERRER,
        channel_other="Via de wijkverpleegkundige",
        motivation_text="Ik wil graag iets doen met mijn ervaring als mantelzorger.",
    )
    _decide(ingrid, stages, [Decision.PASSED, Decision.NOT_PASSED], by=by, days_ago=25)
    _selection_steps(first, by=by, ruud=ruud, fatima=fatima)

    if len(deploying_orgs) < 2:
        return
    second = deploying_orgs[1]
    # De Brug accepts everyone and lets the training select (docs/domain/recruitment.md).
    short = services.pipeline_configure(
        organisation=second,
        stages=[
            services.StageSpec(name=stage.name, can_skip=stage.can_skip, pk=stage.pk)
            for stage in services.pipeline_ensure(organisation=second)
            if stage.code in ("application", "training", "active")
        ],
    )
    by_second = _coordinator_of(second, None)
    umut = _application(
        second,
        short[0],
        days_ago=12,
        full_name="Umut Yilmaz",
        email="umut.yilmaz@example.org",
        channel=Channel.INTEREST_ORGANISATION,
        motivation_text="Ik kom al twee jaar in het herstelcentrum. Nu wil ik zelf gastheer worden.",
    )
    _decide(umut, short, [Decision.PASSED], by=by_second, days_ago=8)
    _application(
        second,
        short[0],
        days_ago=3,
        full_name="Yara Koster",
        email="yara.koster@example.org",
        channel=Channel.SOCIAL_MEDIA,
        motivation_text="Ik wil graag helpen in de inloop.",
    )


SHADOW_NOTES = [
    "Meegelopen in de inloop. Veel geluisterd, weinig gezegd.",
    "",
    "Zelf een gesprek gevoerd met een bezoeker, rustig en open.",
    "",
    "Na een drukke middag moe. Samen nagepraat over grenzen.",
]


def _selection_steps(organisation, *, by, ruud, fatima) -> None:
    """Own questions, an intro talk, and shadowing with a joint evaluation for the demo applicants."""
    experience, learn = ApplicationQuestion.objects.bulk_create(
        [
            ApplicationQuestion(
                organisation=organisation,
                text="Met welke ervaring wilt u anderen helpen?",
                help_text="Een paar woorden is genoeg.",
                required=True,
                position=0,
            ),
            ApplicationQuestion(organisation=organisation, text="Wat wilt u bij ons leren?", position=1),
        ]
    )
    ApplicationAnswer.objects.bulk_create(
        [
            ApplicationAnswer(application=fatima, question=experience, answer="Jeugdzorg, als kind en als moeder."),
            ApplicationAnswer(application=fatima, question=learn, answer="Beter mijn verhaal vertellen."),
            ApplicationAnswer(application=ruud, question=experience, answer="Herstel van een verslaving."),
        ]
    )
    today = timezone.localdate()
    for application, days_ago in ((fatima, 10), (ruud, 35)):
        IntroTalk.objects.create(
            application=application,
            date=today - datetime.timedelta(days=days_ago),
            recovery="Al een paar jaar stabiel. Heeft een vaste hulpverlener als vangnet.",
            distance="Kan over de eigen ervaring vertellen zonder erin terug te vallen.",
            self_insight="Weet dat lange dagen zwaar zijn. Houdt het daarom bij twee dagdelen per week.",
            learning_goals="Aanmelder: leren kiezen wat wel en niet te vertellen. Wij: leren hoe de inloop voor nieuwe mensen voelt.",
            recorded_by=by,
        )
    ShadowDay.objects.bulk_create(
        [
            ShadowDay(application=ruud, date=today - datetime.timedelta(days=30 - 3 * i), notes=note, recorded_by=by)
            for i, note in enumerate(SHADOW_NOTES)
        ]
        + [
            ShadowDay(
                application=ruud,
                date=today - datetime.timedelta(days=10 - 3 * i),
                kind=ShadowKind.HALF_DAY,
                recorded_by=by,
            )
            for i in range(2)
        ]
    )
    ShadowEvaluation.objects.create(
        application=ruud,
        date=today - datetime.timedelta(days=14),
        applicant_view="Vond de inloop fijn, maar de drukke middagen nog spannend.",
        organisation_view="Goed in contact. Nog wat meer oefenen met grenzen aangeven.",
        outcome=ShadowOutcome.MORE_HALF_DAYS,
        recorded_by=by,
    )
