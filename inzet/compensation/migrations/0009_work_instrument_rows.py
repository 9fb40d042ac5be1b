"""The UWV and municipal instruments on the way to paid work, with public sources (001 l.3381–3383).
Information for the coordinator, not advice; the operator keeps the rows up to date."""

import datetime as dt

from django.db import migrations

ROWS = [
    (
        "Loonkostensubsidie",
        "De gemeente betaalt de werkgever een deel van het loon, als iemand door een beperking niet het "
        "volle minimumloon kan verdienen.",
        "municipality",
        "Voor mensen in de Participatiewet die met hulp wel kunnen werken. De gemeente stelt de loonwaarde vast.",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel=10d",
        dt.date(2015, 1, 1),
    ),
    (
        "Jobcoaching",
        "Een jobcoach helpt iemand op de werkplek bij het leren en doen van het werk.",
        "both",
        "Voor iemand met een ziekte of beperking die een baan heeft of krijgt. UWV of de gemeente betaalt, "
        "afhankelijk van de uitkering.",
        "https://wetten.overheid.nl/BWBR0015703/",
        dt.date(2015, 1, 1),
    ),
    (
        "Proefplaatsing",
        "Iemand werkt een tijd op proef bij een werkgever en houdt zijn of haar uitkering. De werkgever betaalt "
        "dan nog geen loon.",
        "both",
        "De werkgever wil de persoon daarna minstens 6 maanden in dienst nemen. UWV of de gemeente moet "
        "vooraf toestemming geven.",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0004045&artikel=76a",
        dt.date(2015, 1, 1),
    ),
    (
        "No-riskpolis",
        "Wordt de werknemer ziek, dan betaalt UWV een uitkering. De werkgever hoeft dan minder loon door te betalen.",
        "uwv",
        "Voor werknemers met een ziekte of beperking, bijvoorbeeld met een Wajong- of WIA-uitkering, of in het "
        "doelgroepregister.",
        "https://wetten.overheid.nl/jci1.3:c:BWBR0001888&artikel=29b",
        dt.date(2015, 1, 1),
    ),
    (
        "Loonkostenvoordeel (LKV, vroeger premiedispensatie)",
        "De werkgever krijgt een bedrag per jaar voor een werknemer met een arbeidsbeperking. Dit kwam in de "
        "plaats van de premiedispensatie.",
        "uwv",
        "Voor werknemers uit een doelgroep, zoals de banenafspraak. De werknemer heeft een doelgroepverklaring "
        "van UWV nodig.",
        "https://wetten.overheid.nl/BWBR0037522/",
        dt.date(2018, 1, 1),
    ),
]


def load(apps, schema_editor):
    WorkInstrument = apps.get_model("compensation", "WorkInstrument")
    for name, description, provider, conditions, source, valid_from in ROWS:
        WorkInstrument.objects.get_or_create(
            name=name,
            valid_from=valid_from,
            defaults={
                "description": description,
                "provider": provider,
                "conditions": conditions,
                "source": source,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("compensation", "WorkInstrument").objects.filter(name__in=[row[0] for row in ROWS]).delete()


class Migration(migrations.Migration):
    dependencies = [("compensation", "0008_work_instruments")]
    operations = [migrations.RunPython(load, unload)]
