"""The Dutch starting list of words that hold a feedback remark for a coordinator's check.

Stigmatising labels for people (after the Samen Sterk zonder Stigma guidance on language,
https://www.samensterkzonderstigma.nl) and words that usually tell about someone's health.
Operators edit the list at /evaluatie/terugkoppeling/woorden/.
"""

from django.db import migrations

WORDS = [
    # labels that reduce a person to a diagnosis or a problem
    "gek",
    "gestoord",
    "psychopaat",
    "schizo",
    "junk",
    "junkie",
    "verslaafde",
    "zwakbegaafd",
    "achterlijk",
    "debiel",
    "labiel",
    "zielig",
    "profiteur",
    "uitkeringstrekker",
    "zwerver",
    "asociaal",
    "patiënt",
    # words that usually give away someone's health
    "diagnose",
    "psychose",
    "depressie",
    "depressief",
    "suïcid",
    "zelfmoord",
    "opname",
    "opgenomen",
    "medicijn",
    "medicatie",
    "verslaving",
    "borderline",
    "autisme",
    "adhd",
    "bipolair",
    "schizofrenie",
    "trauma",
    "ptss",
]


def load(apps, schema_editor):
    StigmaWord = apps.get_model("evaluation", "StigmaWord")
    for word in WORDS:
        StigmaWord.objects.get_or_create(word=word)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0003_feedback")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
