"""Three vocabularies for the stage of involvement of a request (where in the policy cycle, which rung
of the research participation ladder, how much influence) and generic skills for the expert's
profile. Editable reference data."""

from django.db import migrations, models

ALMERE = "https://almerekracht.almere.nl/werken-aan-vernieuwing/inclusie/"
ZONMW = "https://www.zonmw.nl/uploads/tx_vipublicaties/handboek_pp_in_wo-K.pdf"
ARNSTEIN = "https://doi.org/10.1080/01944366908977225"
# Generic skills next to the competences of the professional profile (Trimbos, BCP-E).
BCPE = "https://www.trimbos.nl/wp-content/uploads/sites/31/2021/09/dl019-ervaringsdeskundigheid-beroepscompetentieprofiel.pdf"

TERMS = {
    "policy_phase": [
        ("collect", "Ervaringen verzamelen", "Collecting experiences", ALMERE),
        ("translate", "Ervaringen vertalen", "Translating experiences", ALMERE),
        ("adjust", "Beleid en uitvoering aanpassen", "Adjusting policy and practice", ALMERE),
        ("feed_back", "Terugkoppelen", "Feeding back", ALMERE),
    ],
    "research_rung": [
        ("test_subject", "Proefpersoon", "Test subject", ZONMW),
        ("informant", "Informatieverstrekker", "Informant", ZONMW),
        ("adviser", "Adviseur", "Adviser", ZONMW),
        ("assessor", "Beoordelaar of referent", "Assessor or referee", ZONMW),
        ("co_researcher", "Mede-onderzoeker", "Co-researcher", ZONMW),
        ("co_commissioner", "Mede-opdrachtgever", "Co-commissioner", ZONMW),
    ],
    "influence": [
        ("inform", "Informeren: de vrager vertelt wat er gebeurt", "Informing", ARNSTEIN),
        ("consult", "Raadplegen: meepraten, de vrager beslist", "Consulting", ARNSTEIN),
        ("advise", "Adviseren: advies dat serieus wordt meegewogen", "Advising", ARNSTEIN),
        ("coproduce", "Coproduceren: samen ontwerpen", "Co-producing", ARNSTEIN),
        ("co_decide", "Meebeslissen: samen besluiten", "Co-deciding", ARNSTEIN),
    ],
    "generic_skill": [
        ("listening", "Luisteren", "Listening", BCPE),
        ("report_writing", "Verslagen schrijven", "Report writing", BCPE),
        ("presenting", "Presenteren en voor een groep spreken", "Presenting to a group", BCPE),
        ("chairing", "Gesprekken leiden", "Chairing conversations", BCPE),
        ("feedback", "Feedback geven en ontvangen", "Giving and receiving feedback", BCPE),
        ("digital", "Werken met computer en online vergaderen", "Computer use and online meetings", BCPE),
    ],
}


def load(apps, schema_editor):
    Term = apps.get_model("taxonomy", "Term")
    for vocabulary, rows in TERMS.items():
        for order, (code, label_nl, label_en, source) in enumerate(rows):
            Term.objects.update_or_create(
                vocabulary=vocabulary,
                code=code,
                defaults={"label_nl": label_nl, "label_en": label_en, "source": source, "sort_order": order},
            )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_reference_data")]
    operations = [
        migrations.AlterField(
            model_name="term",
            name="vocabulary",
            field=models.CharField(
                choices=[
                    ("level", "Niveau van ervaringsdeskundigheid"),
                    ("role", "Rol"),
                    ("relational_role", "Relationele rol"),
                    ("practice_setting", "Praktijk"),
                    ("sector", "Sector"),
                    ("experience_area", "Ervaringsgebied"),
                    ("treaty_area", "Thema VN-verdrag"),
                    ("competence", "Competentie"),
                    ("life_domain", "Leefgebied"),
                    ("language", "Taal"),
                    ("policy_phase", "Fase in de beleidscyclus"),
                    ("research_rung", "Trede op de participatieladder in onderzoek"),
                    ("influence", "Mate van invloed"),
                    ("generic_skill", "Algemene vaardigheid"),
                ],
                max_length=30,
                verbose_name="lijst",
            ),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
    ]
