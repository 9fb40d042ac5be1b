"""The retention rules Inzet starts with; the operator can lengthen or shorten them in the admin
(never below the legal minimum)."""

from django.db import migrations

AVG = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"
AWR_52 = "https://wetten.overheid.nl/jci1.3:c:BWBR0002320&artikel=52"
SEVEN_YEARS = 7 * 365 + 2

RULES = [
    ("closed_applications", "Afgewezen en teruggetrokken aanmeldingen", 365, "Verwijderen, met bestanden", "AVG art. 5 lid 1 e (opslagbeperking); belofte in de toestemmingstekst", AVG, 0),
    ("access_log", "Inzagelog van gevoelige gegevens", 730, "Verwijderen", "AVG art. 5 lid 1 e (opslagbeperking)", AVG, 0),
    ("stopped_experts", "Profielen van gestopte ervaringsdeskundigen", 730, "Profiel leegmaken; betalingen blijven", "AVG art. 5 lid 1 e (opslagbeperking)", AVG, 0),
    ("invitation_reasons", "Redenen bij nee op een uitnodiging", 365, "Reden wissen", "AVG art. 5 lid 1 c en e (minimale gegevens, opslagbeperking)", AVG, 0),
    ("bookkeeping_files", "Bonnetjes en betaalbestanden", SEVEN_YEARS, "Bestanden verwijderen; bedragen blijven", "Bewaarplicht administratie: Algemene wet inzake rijksbelastingen art. 52 lid 4", AWR_52, SEVEN_YEARS),
    ("sessions", "Verlopen sessies", 1, "Verwijderen", "AVG art. 5 lid 1 e (opslagbeperking)", AVG, 0),
    ("login_attempts", "Inlogpogingen (beveiliging)", 90, "Verwijderen", "AVG art. 6 lid 1 f en art. 32 (beveiliging)", AVG, 0),
    ("finished_tasks", "Afgeronde achtergrondtaken (e-mail)", 30, "Verwijderen", "AVG art. 5 lid 1 e (opslagbeperking)", AVG, 0),
    ("data_rights_records", "Uitgevoerde verzoeken en downloads", 5 * 365 + 1, "Verwijderen", "AVG art. 5 lid 2 (verantwoordingsplicht)", AVG, 0),
]


def load(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for code, name, days, action, basis, source, minimum in RULES:
        RetentionRule.objects.update_or_create(
            code=code,
            defaults={"name": name, "period_days": days, "action": action, "legal_basis": basis, "source": source, "minimum_days": minimum},
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
