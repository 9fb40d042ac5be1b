"""The shape of one entry of the processing register and the phrases many entries share."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

AVG = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"
AWR_52 = "https://wetten.overheid.nl/jci1.3:c:BWBR0002320&artikel=52"


@dataclass(frozen=True)
class Processing:
    purpose: str
    legal_basis: str
    recipients: str
    retention: str
    rule: str = ""  # the RetentionRule code that applies it, if a job does
    special: bool = False  # special-category data (AVG art. 9)


ACCOUNT = _("Inloggen en het account bijhouden")
BASIS_AGREEMENT = _("AVG art. 6 lid 1 b: nodig voor de afspraken met de persoon")
BASIS_CONSENT_9 = _("AVG art. 9 lid 2 a: uitdrukkelijke toestemming van de persoon")
BASIS_INTEREST = _("AVG art. 6 lid 1 f: gerechtvaardigd belang (beveiliging en verantwoording)")
BASIS_LAW = _("AVG art. 6 lid 1 c: wettelijke plicht (bewaarplicht administratie, AWR art. 52)")
STAFF = _("Coördinatoren van de eigen organisatie")
NOBODY = _("Niemand buiten de organisatie; de beheerder alleen voor beheer")
WHILE_ACCOUNT = _("Zolang het account bestaat; bij verwijdering gewist")
SEVEN_YEARS = _("7 jaar na het einde van het boekjaar (AWR art. 52)")
WHO_DID_WHAT = _("Verantwoording: wie heeft wat gedaan")
TEAM_ONLY = _("Alleen de leden van het wijkteam (ervaringsdeskundigen en coördinator)")
# The period is the RetentionRule `closed_trajectories`; `manage.py inzet_retention` applies it daily.
CLOSED_TRAJECTORY = _("Na afsluiten van het traject en de bewaartermijn geanonimiseerd; alleen aantallen blijven")
