"""The processing register's entries for the neighbourhood teams (residents, trajectories, partners).
Their data is about residents' lives, so most entries are special-category; registry.py merges them in."""

from django.utils.translation import gettext_lazy as _

from inzet.privacy.register_terms import (
    BASIS_AGREEMENT,
    BASIS_CONSENT_9,
    BASIS_INTEREST,
    CLOSED_TRAJECTORY,
    TEAM_ONLY,
    WHILE_ACCOUNT,
    WHO_DID_WHAT,
    Processing,
)

NEIGHBOURHOOD: dict[str, Processing] = {
    "neighbourhood.TeamMember": Processing(
        _(
            "Wie in een wijkteam werkt en dus de bewoners van dat team ziet; wat de ervaringsdeskundige zelf "
            "vertelt voor de klik met een bewoner (geslacht, geboortejaar, wijken, leefgebieden)"
        ),
        BASIS_AGREEMENT,
        _("De leden van het wijkteam"),
        WHILE_ACCOUNT,
    ),
    "neighbourhood.CaseMeeting": Processing(
        _("Casuïstiekoverleg over een bewoner: wie meedoen, een kort verslag (versleuteld)"),
        BASIS_CONSENT_9,
        _("Alleen wie aan het overleg meedoet; partners alleen met toestemming van de bewoner"),
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.AgreedAction": Processing(
        _("Afgesproken acties in een traject: wat, wie, wanneer (versleuteld)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.ResidentPreferences": Processing(
        _("Wat de bewoner belangrijk vindt in een ervaringsdeskundige (nooit een diagnose; versleuteld)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Resident": Processing(
        _("Bewoners in de wijk ondersteunen (zonder account; zo weinig mogelijk, versleuteld)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Trajectory": Processing(
        _("Het traject van een bewoner: de vraag, wat er gebeurde en de afsluiting"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.QuestionForm": Processing(
        _("Formulier Wat is mijn vraag? van de bewoner"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.QuestionFormRow": Processing(
        _("Formulier Wat is mijn vraag? van de bewoner"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Contact": Processing(
        _("Contacten met de bewoner bijhouden"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Closure": Processing(
        _("Afsluitverslag en uitkomsten voor evaluatie (de uitkomsten blijven als aantallen)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Review": Processing(
        _("Voortgangsformulier na 3 en 6 maanden (de cijfers blijven als aantallen voor evaluatie)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.ReviewRow": Processing(
        _("Voortgangsformulier na 3 en 6 maanden (de cijfers blijven als aantallen voor evaluatie)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Partner": Processing(
        _("Partners van een wijkteam (organisaties, met een e-mailadres voor berichten)"),
        BASIS_INTEREST,
        _("De leden van het wijkteam"),
        _("Zolang de partner actief is"),
    ),
    "neighbourhood.Consent": Processing(
        _("Toestemming van de bewoner om te delen, per partner en doel (wie legde vast, wanneer, intrekking)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.PartnerMessage": Processing(
        _("Berichten aan partners, alleen met toestemming van de bewoner"),
        BASIS_CONSENT_9,
        _("De leden van het wijkteam en de partner waarvoor toestemming is"),
        CLOSED_TRAJECTORY,
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.Referral": Processing(
        _("Verwijzingen door partners via het openbare formulier (zo weinig mogelijk, versleuteld)"),
        BASIS_CONSENT_9,
        TEAM_ONLY,
        _("Met het traject geanonimiseerd; niet aangenomen verwijzingen na de bewaartermijn"),
        "closed_trajectories",
        special=True,
    ),
    "neighbourhood.DropInHour": Processing(
        _("Inloopspreekuren van een wijkteam op een openbare pagina (wie er is, als het team dat invult)"),
        BASIS_INTEREST,
        _("Iedereen: de pagina is openbaar"),
        _("Zolang het spreekuur bestaat"),
    ),
    "neighbourhood.ResidentReadLog": Processing(
        WHO_DID_WHAT, BASIS_INTEREST, _("Coördinator van het wijkteam"), CLOSED_TRAJECTORY, "closed_trajectories"
    ),
}
