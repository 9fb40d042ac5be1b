"""The processing register (verwerkingsregister, AVG art. 30), declared per model.

Every model with personal-data fields (see detect.py) must have an entry here; a test fails
otherwise, so a new model cannot hold personal data without a stated purpose and retention.
The register page combines these declarations with the fields found in the models and the
retention periods the operator keeps in RetentionRule.
"""

from django.utils.translation import gettext_lazy as _

from inzet.privacy.register_neighbourhood import NEIGHBOURHOOD
from inzet.privacy.register_terms import (  # noqa: F401  re-exported: the names entries are built from
    ACCOUNT,
    AVG,
    AWR_52,
    BASIS_AGREEMENT,
    BASIS_CONSENT_9,
    BASIS_INTEREST,
    BASIS_LAW,
    CLOSED_TRAJECTORY,
    NOBODY,
    SEVEN_YEARS,
    STAFF,
    TEAM_ONLY,
    WHILE_ACCOUNT,
    WHO_DID_WHAT,
    Processing,
)

REGISTER: dict[str, Processing] = {
    "accounts.User": Processing(ACCOUNT, BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT),
    "accounts.ApiToken": Processing(_("Koppelingen met andere programma's"), BASIS_AGREEMENT, NOBODY, WHILE_ACCOUNT),
    "admin.LogEntry": Processing(WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), WHILE_ACCOUNT),
    "otp_totp.TOTPDevice": Processing(_("Tweestapsverificatie"), BASIS_INTEREST, NOBODY, WHILE_ACCOUNT),
    "otp_static.StaticDevice": Processing(_("Tweestapsverificatie"), BASIS_INTEREST, NOBODY, WHILE_ACCOUNT),
    "axes.AccessAttempt": Processing(
        _("Beveiliging: inlogpogingen tegen raden van wachtwoorden"),
        BASIS_INTEREST,
        NOBODY,
        _("90 dagen"),
        "login_attempts",
    ),
    "axes.AccessFailureLog": Processing(
        _("Beveiliging: mislukte inlogpogingen"), BASIS_INTEREST, NOBODY, _("90 dagen"), "login_attempts"
    ),
    "axes.AccessLog": Processing(
        _("Beveiliging: wie logde wanneer in"), BASIS_INTEREST, NOBODY, _("90 dagen"), "login_attempts"
    ),
    "sessions.Session": Processing(
        _("Ingelogd blijven"), BASIS_AGREEMENT, NOBODY, _("Tot de sessie verloopt"), "sessions"
    ),
    "django_tasks_database.DBTaskResult": Processing(
        _("E-mail en andere taken op de achtergrond versturen"),
        BASIS_AGREEMENT,
        NOBODY,
        _("30 dagen"),
        "finished_tasks",
    ),
    "lib.IdempotencyKey": Processing(
        _("Een formulier dat twee keer wordt verstuurd, één keer verwerken (het eerste antwoord, versleuteld)"),
        BASIS_INTEREST,
        NOBODY,
        _("1 dag (dagelijkse opruimtaak files_housekeeping)"),
    ),
    "organisations.Organisation": Processing(
        _("Contact met organisaties (het adres kan van een persoon zijn)"),
        BASIS_AGREEMENT,
        _("Iedereen die de organisatie ziet"),
        _("Zolang de organisatie meedoet"),
    ),
    "organisations.Membership": Processing(
        _("Rollen en rechten per organisatie"), BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT
    ),
    "organisations.PolicySettings": Processing(WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), WHILE_ACCOUNT),
    "experts.ExpertProfile": Processing(
        _("Ervaringsdeskundigen koppelen, begeleiden en eerlijk betalen"),
        BASIS_CONSENT_9,
        _("Per gegeven zoals de persoon kiest: niemand, coördinatoren, vragers van aangenomen opdrachten, openbaar"),
        _("Tot de persoon vraagt om verwijdering; 2 jaar na stoppen leeggemaakt"),
        "stopped_experts",
        special=True,
    ),
    "experts.ExpertExperience": Processing(
        _("Ervaringskennis laten zien aan wie de persoon kiest"),
        BASIS_CONSENT_9,
        _("Per ervaring zoals de persoon kiest"),
        _("Tot de persoon vraagt om verwijdering; 2 jaar na stoppen gewist"),
        "stopped_experts",
        special=True,
    ),
    "experts.ExpertCompetence": Processing(
        _("Koppelen op competenties"), BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT, "stopped_experts"
    ),
    "experts.TrainingRecord": Processing(
        _("Opleidingen en bewijs bijhouden"), BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT, "stopped_experts"
    ),
    "support.MentorTalk": Processing(
        _("Begeleiding: maandelijkse gesprekken met een mentor of coördinator"),
        BASIS_CONSENT_9,
        _("De ervaringsdeskundige en de gesprekspartner; coördinatoren alleen als de persoon dat deelt"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.TalkReminder": Processing(
        _("Begeleiding: herinnering als een gesprek te lang geleden is"), BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT
    ),
    "support.CheckIn": Processing(
        _("Begeleiding: hoe het met iemand gaat, zodat een coördinator een gesprek kan aanbieden"),
        BASIS_CONSENT_9,
        _("Coördinatoren zien alleen het cijfer; de woorden alleen als de persoon die deelt"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.EarlyConversation": Processing(
        _("Begeleiding: vroeg gesprek en de afspraak (doorgaan, pauze, stoppen)"),
        BASIS_CONSENT_9,
        STAFF,
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.BuddyPair": Processing(
        _("Begeleiding: buddy's en hoe zij elkaar bereiken"),
        BASIS_AGREEMENT,
        _("De twee buddy's, alleen wat ieder deelt; coördinatoren van de organisatie"),
        WHILE_ACCOUNT,
    ),
    "support.Meeting": Processing(
        _("Intervisie en werkoverleg plannen, met de terugblik van de begeleider"),
        BASIS_AGREEMENT,
        _("Coördinatoren, trainers en de begeleider"),
        WHILE_ACCOUNT,
    ),
    "support.MeetingSeat": Processing(
        _("Intervisie en werkoverleg: aanmelding en aanwezigheid"),
        BASIS_AGREEMENT,
        _("De ervaringsdeskundige en de coördinatoren van de organisatie"),
        WHILE_ACCOUNT,
    ),
    "conversations.Message": Processing(
        _("Gesprekken over een vraag tussen vrager, coördinatoren en ervaringsdeskundigen"),
        BASIS_AGREEMENT,
        _(
            "De mensen van het gesprek: de vragende organisatie, coördinatoren en trainers, ervaringsdeskundigen die ja zeiden; een gesprek over een uitnodiging alleen de ervaringsdeskundige en de coördinatoren"
        ),
        WHILE_ACCOUNT,
        special=True,
    ),
    "conversations.MessageAttachment": Processing(
        _("Bestanden bij berichten in een gesprek over een vraag"),
        BASIS_AGREEMENT,
        _("Dezelfde mensen als het bericht"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "conversations.ReadMark": Processing(
        _("Bijhouden welke berichten iemand gelezen heeft"), BASIS_AGREEMENT, _("Alleen de persoon zelf"), WHILE_ACCOUNT
    ),
    "conversations.Notification": Processing(
        _("Meldingen in Inzet en de dagelijkse e-mail daarover"),
        BASIS_AGREEMENT,
        _("Alleen de persoon zelf"),
        WHILE_ACCOUNT,
    ),
    "conversations.NotificationSetting": Processing(
        _("Of iemand de dagelijkse e-mail met meldingen wil"),
        BASIS_AGREEMENT,
        _("Alleen de persoon zelf"),
        WHILE_ACCOUNT,
    ),
    "support.PlanTemplate": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "support.GrowthPlan": Processing(
        _("Groeiplan (POP): wat iemand wil halen en brengen, dromen en wat iemand nodig heeft"),
        BASIS_CONSENT_9,
        _("De ervaringsdeskundige; coördinatoren en/of mentoren alleen als de persoon dat deelt"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.PlanGoal": Processing(
        _("Groeiplan: doelen, acties en gewenste steun"),
        BASIS_CONSENT_9,
        _("De ervaringsdeskundige; coördinatoren en/of mentoren alleen als de persoon dat deelt"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.PlanReview": Processing(
        _("Groeiplan: besprekingen en afspraken"),
        BASIS_CONSENT_9,
        _("De ervaringsdeskundige; coördinatoren en/of mentoren alleen als de persoon dat deelt"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "support.IntervisionGroup": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "support.GroupOrganisation": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "support.GroupMember": Processing(
        _("Regionale intervisie: wie meedoet"),
        BASIS_AGREEMENT,
        _(
            "De begeleider en de coördinatoren van de eigen organisatie; andere deelnemers alleen de naam, als de persoon dat kiest"
        ),
        WHILE_ACCOUNT,
    ),
    "training.Course": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "training.Enrolment": Processing(
        _("Scholing: inschrijving, wachtlijst en certificaat"),
        BASIS_AGREEMENT,
        _("Coördinatoren en trainers van de organisatie"),
        WHILE_ACCOUNT,
    ),
    "training.Attendance": Processing(
        _("Scholing: aanwezigheid per les"),
        BASIS_AGREEMENT,
        _("Coördinatoren en trainers van de organisatie"),
        WHILE_ACCOUNT,
    ),
    "experts.UnavailablePeriod": Processing(
        _("Niet vragen wie niet kan"), BASIS_AGREEMENT, STAFF, WHILE_ACCOUNT, "stopped_experts"
    ),
    "experts.AccessLog": Processing(
        _("De persoon laten zien wie gevoelige gegevens bekeek"),
        BASIS_INTEREST,
        _("Alleen de persoon zelf"),
        _("2 jaar"),
        "access_log",
    ),
    "recruitment.RecruitmentPage": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "recruitment.Application": Processing(
        _("Werving en selectie van nieuwe ervaringsdeskundigen"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("1 jaar na afwijzen of terugtrekken; aangenomen: tot verwijdering"),
        "closed_applications",
        special=True,
    ),
    "recruitment.StageDecision": Processing(
        _("Besluiten in de selectie, met bericht aan de aanmelder"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("Samen met de aanmelding"),
        "closed_applications",
        special=True,
    ),
    "recruitment.ApplicationAnswer": Processing(
        _("Antwoorden op de eigen vragen van de organisatie bij het aanmelden"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("Samen met de aanmelding"),
        "closed_applications",
        special=True,
    ),
    "recruitment.IntroTalk": Processing(
        _("Kennismakingsgesprek in de selectie: herstel, afstand tot de eigen ervaring, grenzen, leerdoelen"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("Samen met de aanmelding"),
        "closed_applications",
        special=True,
    ),
    "recruitment.ShadowDay": Processing(
        _("Meeloopdagen in de selectie tellen"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("Samen met de aanmelding"),
        "closed_applications",
        special=True,
    ),
    "recruitment.ShadowEvaluation": Processing(
        _("Samen terugkijken na de meeloopdagen"),
        BASIS_CONSENT_9,
        _("Coördinatoren en trainers van de organisatie"),
        _("Samen met de aanmelding"),
        "closed_applications",
        special=True,
    ),
    "recruitment.ApplicationReadLog": Processing(
        WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), _("Samen met de aanmelding"), "closed_applications"
    ),
    "directory.ExpertSearchDocument": Processing(
        _("Zoeken naar ervaringsdeskundigen (alleen wat zij delen)"),
        BASIS_CONSENT_9,
        STAFF,
        _("Samen met het profiel"),
        "stopped_experts",
    ),
    "knowledge.HelpdeskQuestion": Processing(
        _("Vragen aan de vraagbaak beantwoorden en doorverwijzen (alleen wat de vrager zelf invult, versleuteld)"),
        _("AVG art. 6 lid 1 a en art. 9 lid 2 a: de vrager stuurt de vraag zelf, na de privacyregel op het formulier"),
        _("Coördinatoren die de vraagbaak behandelen"),
        _("1 jaar na het stellen van de vraag"),
        "helpdesk_questions",
        special=True,
    ),
    "knowledge.ReadinessChecklist": Processing(
        _("Checklist van een vragende organisatie, voor de intake"),
        BASIS_AGREEMENT,
        _("De vragende organisatie en de coördinatoren die haar vragen behandelen"),
        _("Zolang de organisatie meedoet"),
    ),
    "knowledge.Revision": Processing(WHO_DID_WHAT, BASIS_INTEREST, _("Coördinatoren en de beheerder"), WHILE_ACCOUNT),
    "knowledge.MediaItem": Processing(
        _("Geluid en video in de kennisbank (openbaar, met uitgeschreven tekst)"),
        BASIS_INTEREST,
        _("Iedereen"),
        _("Zolang de pagina bestaat"),
    ),
    "engagements.EngagementRequest": Processing(
        _("Vragen van vragers behandelen"),
        BASIS_AGREEMENT,
        _("De vrager en de coördinatoren van de organisatie"),
        SEVEN_YEARS,
    ),
    "engagements.RequestAttachment": Processing(
        _("Bijlagen bij een vraag"), BASIS_AGREEMENT, _("De vrager en de coördinatoren van de organisatie"), SEVEN_YEARS
    ),
    "engagements.IntakeReview": Processing(
        WHO_DID_WHAT, BASIS_AGREEMENT, _("De vrager en de coördinatoren van de organisatie"), SEVEN_YEARS
    ),
    "engagements.Invitation": Processing(
        _("Ervaringsdeskundigen uitnodigen; zij beslissen zelf"),
        BASIS_AGREEMENT,
        STAFF,
        _("Reden van nee: 1 jaar; de uitnodiging zelf: 7 jaar (betalingen verwijzen ernaar)"),
        "invitation_reasons",
    ),
    "engagements.AgreementVersion": Processing(
        _("Eerdere versies van de afspraken en offerte, met de aanpassing die de vrager vroeg"),
        BASIS_AGREEMENT,
        _("De vrager en de coördinatoren van de organisatie"),
        SEVEN_YEARS,
    ),
    "engagements.InvitationNeeds": Processing(
        _("Regelen wat een ervaringsdeskundige nodig heeft voor een opdracht (vangnet, tolk, vervoer)"),
        BASIS_CONSENT_9,
        _(
            "Coördinatoren van de eigen organisatie; de vrager alleen wat de ervaringsdeskundige deelt, nooit het vangnet"
        ),
        _("Samen met de uitnodiging; gewist als het profiel wordt gewist"),
        special=True,
    ),
    "engagements.Referral": Processing(
        _("Een vraag doorsturen naar een organisatie (als deze website zelf geen ervaringsdeskundigen zoekt)"),
        BASIS_AGREEMENT,
        _("De vrager en de coördinatoren van de gekozen organisatie"),
        _("2 jaar; contactgegevens gewist als het account wordt gewist"),
    ),
    "engagements.Agreement": Processing(
        _("Samenwerkingsafspraken en offerte"),
        BASIS_AGREEMENT,
        _("De vrager en de coördinatoren van de organisatie"),
        SEVEN_YEARS,
        "bookkeeping_text",
    ),
    "engagements.AuditEvent": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, SEVEN_YEARS, "bookkeeping_text"),
    "engagements.Introduction": Processing(
        _("De kennismaking voor het werk plannen"),
        BASIS_AGREEMENT,
        _("De vrager, de ervaringsdeskundigen die ja zeiden en de coördinatoren van de organisatie"),
        SEVEN_YEARS,
    ),
    "engagements.IntroductionOutcome": Processing(
        _("Of het na de kennismaking doorgaat; de reden van nee alleen voor coördinatoren"),
        BASIS_AGREEMENT,
        STAFF,
        _("Reden: gewist als het profiel wordt gewist; de uitkomst: 7 jaar"),
    ),
    "engagements.CalendarFeed": Processing(_("Afspraken in de eigen agenda"), BASIS_AGREEMENT, NOBODY, WHILE_ACCOUNT),
    "compensation.AllowanceCapRow": Processing(WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), WHILE_ACCOUNT),
    "compensation.OrganisationPaymentSettings": Processing(
        _("Facturen en betalingen van de organisatie"), BASIS_AGREEMENT, STAFF, _("Zolang de organisatie meedoet")
    ),
    "compensation.AssignmentRewardChoice": Processing(
        _("De gekozen vorm van vergoeding"), BASIS_LAW, STAFF, SEVEN_YEARS
    ),
    "compensation.HourEntry": Processing(
        _("Uren voor de betaling"),
        BASIS_LAW,
        _("Coördinatoren; de Belastingdienst bij controle"),
        SEVEN_YEARS,
        "bookkeeping_text",
    ),
    "compensation.ExpenseClaim": Processing(
        _("Onkosten terugbetalen"),
        BASIS_LAW,
        _("Coördinatoren; de Belastingdienst bij controle"),
        SEVEN_YEARS,
        "bookkeeping_files",
    ),
    "compensation.Settlement": Processing(_("Afrekeningen"), BASIS_LAW, STAFF, SEVEN_YEARS),
    "compensation.ExternalAllowance": Processing(
        _("Waarschuwen voor de grenzen van de vrijwilligersvergoeding en de uitkering (alle organisaties samen)"),
        BASIS_CONSENT_9,
        STAFF,
        WHILE_ACCOUNT,
        special=True,
    ),
    "compensation.PayoutBatch": Processing(
        _("Betaalbestanden voor de bank"), BASIS_LAW, _("Coördinatoren en de bank"), SEVEN_YEARS, "bookkeeping_files"
    ),
    "compensation.Payout": Processing(
        _("Betalingen aan ervaringsdeskundigen"),
        BASIS_LAW,
        _("Coördinatoren; de Belastingdienst bij controle"),
        SEVEN_YEARS,
    ),
    **NEIGHBOURHOOD,
    "signals.Signal": Processing(
        _(
            "Knelpunten verzamelen en voorleggen aan wie er iets aan kan doen (de melder mag anoniem blijven; wat privé is, wordt nooit openbaar)"
        ),
        BASIS_CONSENT_9,
        _("Coördinatoren en de beheerder; openbaar alleen geanonimiseerde voorbeelden die de melder niet privé maakte"),
        _("Zolang we er aandacht voor vragen; wordt de melder verwijderd, dan gaan de tekst en de koppeling weg"),
        special=True,
    ),
    "signals.SignalReadLog": Processing(
        WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), _("Zolang het signaal bestaat")
    ),
    "signals.Bundle": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "signals.Overview": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "network.Partner": Processing(
        _("De sociale kaart: contact met organisaties (een telefoonnummer of e-mailadres kan van een persoon zijn)"),
        BASIS_INTEREST,
        _("Iedereen: de sociale kaart is openbaar"),
        _("Zolang de organisatie op de kaart staat"),
    ),
    "network.Event": Processing(WHO_DID_WHAT, BASIS_INTEREST, STAFF, WHILE_ACCOUNT),
    "network.Registration": Processing(
        _("Aanmelden voor bijeenkomsten, met wat iemand nodig heeft om mee te doen (versleuteld)"),
        BASIS_CONSENT_9,
        _("Coördinatoren en de beheerder; de naam alleen voor deelnemers die zelf ook toestemming gaven"),
        _(
            "Tot de beheerder de bijeenkomst verwijdert (nog geen automatische termijn); bij verwijdering van de persoon gewist"
        ),
        special=True,
    ),
    "network.ReadLog": Processing(WHO_DID_WHAT, BASIS_INTEREST, _("De beheerder"), _("Zolang de aanmelding bestaat")),
    "network.Award": Processing(
        _("Keurmerken aanvragen en beoordelen: wie vroeg aan, wie beoordeelde, met het bewijs (versleuteld)"),
        BASIS_INTEREST,
        _("Coördinatoren en de beheerder; het keurmerk zelf is openbaar zolang het geldig is"),
        _("Zolang de organisatie op de kaart staat"),
    ),
    "evaluation.ReportGrant": Processing(
        _("Een financier laten meelezen in één evaluatierapport (alleen aantallen, geen personen)"),
        BASIS_INTEREST,
        STAFF,
        WHILE_ACCOUNT,
    ),
    "evaluation.Story": Processing(
        _("Verhalen over wat de inzet betekende, in het evaluatierapport of op de website"),
        BASIS_CONSENT_9,
        _(
            "Alleen waarvoor de verteller toestemming gaf (rapport voor financiers, website); anoniem tenzij anders gekozen"
        ),
        _("Tot de toestemming wordt ingetrokken: dan wordt de tekst meteen gewist"),
        special=True,
    ),
    "evaluation.Reflection": Processing(
        _("Terugblikken na overleg, intervisie, afsluiting of opdracht, om van te leren"),
        BASIS_CONSENT_9,
        _("De schrijver en de coördinatoren van de organisatie; het rapport telt alleen"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "evaluation.AskerFeedback": Processing(
        _("Terugkoppeling van de vrager na een afgeronde opdracht (alleen als beoordelen aanstaat)"),
        BASIS_INTEREST,
        _("Na controle door een coördinator: de ervaringsdeskundigen van de opdracht en de vrager"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "evaluation.ExpertFeedback": Processing(
        _("Beoordeling van de vrager door een ervaringsdeskundige na een afgeronde opdracht"),
        BASIS_INTEREST,
        _("Na controle door een coördinator: de vrager en de coördinatoren"),
        WHILE_ACCOUNT,
        special=True,
    ),
    "evaluation.BudgetLine": Processing(
        _(
            "Begroting en uitgaven per kostenpost in het evaluatierapport; bewaard wordt wie een regel het laatst wijzigde"
        ),
        BASIS_INTEREST,
        STAFF,
        WHILE_ACCOUNT,
    ),
    "privacy.ErasureRequest": Processing(
        _("Verzoeken om verwijdering afhandelen en verantwoorden"),
        BASIS_LAW,
        STAFF,
        _("5 jaar na uitvoeren"),
        "data_rights_records",
    ),
    "privacy.DataRightsEvent": Processing(
        _("Verantwoorden wie gegevens downloadde of liet verwijderen"),
        BASIS_INTEREST,
        _("De beheerder"),
        _("5 jaar"),
        "data_rights_records",
    ),
}


def entries():
    """(label, processing, model fields) for the page and the download, in app order."""
    from django.apps import apps

    from inzet.privacy.detect import encrypted_fields, personal_fields

    for label, processing in REGISTER.items():
        model = apps.get_model(label)
        yield {
            "label": label,
            "name": str(model._meta.verbose_name),
            "processing": processing,
            "fields": [str(f.verbose_name) for f in personal_fields(model)],
            "encrypted": [str(f.verbose_name) for f in encrypted_fields(model)],
        }
