"""Dutch labels (translated) for the readiness questions and answers."""

from django.utils.translation import gettext_lazy as _

from inzet.knowledge import readiness

QUESTION_TEXT = {
    "support": (
        _("Draagvlak: staan de leiding en de collega's achter de inzet van ervaringsdeskundigen?"),
        _("Is er een gedeelde visie? Weet de directie ervan? Zijn collega's bereid om samen te werken?"),
    ),
    "roles": (
        _("Rollen en taken: weet u welke rol de ervaringsdeskundige krijgt en wat u verwacht?"),
        _("Schrijf het doel op. Wat moet de ervaringsdeskundige doen? Wie is het aanspreekpunt?"),
    ),
    "conditions": (
        _("Voorwaarden: zijn betaling, reiskosten, begeleiding en toegankelijkheid geregeld?"),
        _("Ervaringsdeskundigen krijgen een eerlijke vergoeding. Denk ook aan een veilige plek en steun na afloop."),
    ),
    "timeline": (
        _("Planning: is er genoeg tijd voor voorbereiding, overleg en terugkoppeling?"),
        _("Een goede samenwerking kost tijd. Een bijeenkomst met ervaringsdeskundigen duurt minstens twee uur."),
    ),
    "abilities": (
        _("Weet u wat ervaringsdeskundigen kunnen doen, en wat niet?"),
        _("Bijvoorbeeld meedenken over beleid, lesgeven, onderzoek doen of mensen ondersteunen."),
    ),
}
ANSWER_CHOICES = [
    (readiness.YES, _("Ja")),
    (readiness.PARTLY, _("Deels")),
    (readiness.NO, _("Nee")),
    (readiness.UNKNOWN, _("Weet ik niet")),
]
ANSWER_LABELS = dict(ANSWER_CHOICES)
