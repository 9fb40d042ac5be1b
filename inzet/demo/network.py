"""Demo social map: believable organisations in and around Utrecht.

Called from inzet/demo/data.py (`inzet demo`). Running it again changes nothing.
"""

from inzet.lib.mail import notifications_off
from inzet.network.models import Partner

PARTNERS = [
    (
        "Buurthuis De Linde",
        "welfare",
        "Utrecht-Binnenstad",
        "3511",
        "Inloop, koffieochtend, hulp bij formulieren",
        "iedereen uit de wijk",
        "Drempel bij de ingang. De lift is vaak kapot.",
    ),
    (
        "Schuldhulp Utrecht",
        "money",
        "Utrecht-Binnenstad",
        "3512",
        "Gratis hulp bij schulden en geldzaken",
        "mensen met geldzorgen",
        "Rolstoeltoegankelijk, ringleiding",
    ),
    (
        "Stichting Lotgenoten Midden",
        "self_help",
        "Utrecht-West",
        "3531",
        "Lotgenotengroepen en een luisterlijn",
        "mensen met psychische kwetsbaarheid",
        "Prikkelarme ruimte op aanvraag",
    ),
    (
        "Buurtteam Oost",
        "municipality",
        "Utrecht-Oost",
        "3581",
        "Vragen over zorg, werk en inkomen",
        "alle inwoners",
        "Gelijkvloers, rolstoeltoegankelijk",
    ),
    (
        "Cliëntenraad Sociaal Domein",
        "client",
        "Nieuwegein",
        "3431",
        "Advies aan de gemeente vanuit ervaring",
        "cliënten van de gemeente",
        "Vergaderingen op de begane grond",
    ),
    (
        "Werkplaats Doen",
        "work",
        "Amersfoort",
        "3811",
        "Dagbesteding en werkervaring",
        "mensen met afstand tot werk",
        "Aangepaste werkplekken",
    ),
]


def load_network_demo() -> None:
    if Partner.objects.exists():
        return
    Partner.objects.bulk_create(
        Partner(
            name=name,
            kind=kind,
            area=area,
            postcode=pc,
            services=services,
            target_groups=groups,
            accessibility=access,
            phone="038-1234567",
            website="https://example.org/",
        )
        for name, kind, area, pc, services, groups, access in PARTNERS
    )


def load_events_demo() -> None:
    import datetime as dt

    from django.utils import timezone

    from inzet.network.models import Event

    if Event.objects.exists():
        return
    start = (timezone.localtime() + dt.timedelta(days=21)).replace(hour=13, minute=30, second=0, microsecond=0)
    day = Event.objects.create(
        kind=Event.Kind.INSPIRATION,
        title="Inspiratiedag ervaringsdeskundigheid",
        description="Vragers en ervaringsdeskundigen ontmoeten elkaar. Met workshops over goed samenwerken.",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        location="Buurthuis De Linde, Utrecht",
        accessibility="Rolstoeltoegankelijk, ringleiding, een stille ruimte.",
        capacity=3,
    )
    Event.objects.create(
        kind=Event.Kind.OPEN_DAY,
        title="Open dag Stichting Ervaring",
        starts_at=start + dt.timedelta(days=14),
        ends_at=start + dt.timedelta(days=14, hours=2),
        location="Utrecht",
    )
    with notifications_off():  # demo people get no mail
        _demo_sign_ups(day)


def _demo_sign_ups(day) -> None:
    from inzet.network import events

    for name, email, needs, share in [
        ("Fatima El Amrani", "fatima@example.org", "Een tolk Nederlandse Gebarentaal", True),
        ("Henk de Boer", "henk@example.org", "", True),
        ("Mirjam Smit", "mirjam@example.org", "Een plek dicht bij de uitgang", False),
        ("Kees Visser", "kees@example.org", "", False),
    ]:
        events.registration_create(event=day, full_name=name, email=email, needs=needs, share_consent=share)


def load_marks_demo() -> None:
    import datetime as dt

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.network.models import Award, Scheme

    if Scheme.objects.exists():
        return
    scheme = Scheme.objects.create(
        name="Toegankelijk en Ervaren",
        description="Voor organisaties die ervaringsdeskundigen echt laten meedoen en hun gebouw toegankelijk maken.",
        criteria="Het gebouw is drempelvrij en heeft een ringleiding.\nErvaringsdeskundigen zijn betaald betrokken bij het beleid.",
        evidence_required="Een verslag van een schouw door ervaringsdeskundigen en foto's van de ingang.",
        assessor="Twee ervaringsdeskundigen van buiten de organisatie en de platformbeheerder",
        validity_months=24,
    )
    applicant = User.objects.filter(email="coordinator@example.org").first()
    assessor = User.objects.filter(email="beheerder@example.org").first()
    partners = list(Partner.objects.order_by("pk")[:2])
    if not (applicant and assessor and partners):
        return
    today = timezone.localdate()
    for partner, assessed in [(partners[0], today - dt.timedelta(days=60)), (partners[-1], None)]:
        award = Award(
            scheme=scheme, partner=partner, scope="Inloopspreekuur", applicant=applicant, evidence_name="schouw.txt"
        )
        award.evidence.save(
            "schouw.txt", ContentFile(b"Verslag van de schouw: drempelvrij, ringleiding werkt."), save=False
        )
        award.save()
        if assessed:
            from inzet.network import marks

            marks.award_assess(
                award=award,
                assessor=assessor,
                grant=True,
                assessment="Schouw gedaan. Voldoet aan alle eisen.",
                assessed_on=assessed,
            )
