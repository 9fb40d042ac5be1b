"""Demo data for the knowledge app, built through the real services (no e-mails: no addresses that
receive mail are used). The toolkit itself comes from migration 0002. Shows the readiness checklist
of Gemeente Utrecht and a helpdesk queue: a web question, a phone question and an answered one.
Running it again changes nothing."""

from django.db import transaction

from inzet.accounts.models import User
from inzet.knowledge import services
from inzet.knowledge.models import HelpdeskQuestion, ReadinessChecklist
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import Term


@transaction.atomic
def load_knowledge_demo() -> None:
    asker_org = Organisation.objects.filter(slug="gemeente-utrecht").first()
    deploying = Organisation.objects.filter(slug="platform-utrecht").first()
    asker = User.objects.filter(email="vrager@example.org").first()
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    if not (asker_org and deploying and asker and coordinator):
        return
    if not ReadinessChecklist.objects.filter(organisation=asker_org).exists():
        services.readiness_save(
            organisation=asker_org,
            actor=asker,
            answers={
                "support": {"answer": "yes", "note": "De wethouder en het team armoedebeleid willen dit graag."},
                "roles": {"answer": "partly", "note": "We willen meedenken over de nieuwe minimaregeling."},
                "conditions": {"answer": "yes", "note": "Er is budget voor € 50 per uur en voor reiskosten."},
                "timeline": {"answer": "no", "note": "Het beleid moet over zes weken klaar zijn."},
                "abilities": {"answer": "unknown", "note": ""},
            },
            treaty_areas=Term.objects.filter(
                vocabulary="treaty_area", code__in=["accessibility", "work_day_activities"]
            ),
            treaty_note="Vergaderen in het stadskantoor: rolstoeltoegankelijk. Stukken in eenvoudige taal.",
        )
    if HelpdeskQuestion.objects.exists():
        return
    services.question_ask(
        question="Wij zijn een kleine stichting voor dagbesteding. Hoe beginnen we met het inzetten van "
        "ervaringsdeskundigen? Moeten we ze betalen?",
        name="Anouk",
    )
    services.question_ask(
        question="Belde over vrijwilligersvergoeding en bijstand: mag zij € 150 per maand krijgen?",
        channel=HelpdeskQuestion.Channel.PHONE,
        logged_by=coordinator,
        organisation=deploying,
    )
    answered = services.question_ask(
        question="Waar vind ik ervaringsdeskundigen voor een lesdag over autisme?", organisation=deploying
    )
    services.question_answer(
        question=answered,
        actor=coordinator,
        organisation=deploying,
        answer="Stel uw vraag in Inzet als vragende organisatie. Wij zoeken dan samen met u.",
    )
