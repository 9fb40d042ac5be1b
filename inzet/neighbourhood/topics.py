"""The rows of the Bijlage 2 forms (004 l.2226–2293 and l.2372–2594), in the forms' own words.

The life domains themselves are reference data (taxonomy, vocabulary `life_domain`); the forms
print a longer label for some of them, kept here so the printed form reads exactly as the paper one.
"""

from django.utils.translation import gettext_lazy as _

from inzet.taxonomy.models import Term, Vocabulary

FIXED_ROWS = [
    ("expect_of_you", _("Wat verwacht ik van jou/jullie?")),
    ("expect_of_me", _("Wat verwachten jullie van mij?")),
    ("agreements", _("Afspraken")),
]

FORM_LABELS = {
    "day_activities": _("Dagbesteding/school/werk/bezigheden overdag"),
    "free_time": _("Vrije tijd (bijvoorbeeld hobby's, sporten, verenigingen, uitgaan)"),
    "social_contacts": _("Sociale contacten"),
    "practical_help": _("Praktische hulp in huis (opruimen, klusjes, schoonmaken, eten koken, wassen en meer)"),
    "administration": _("Hulp bij administratie, budgetteren e.d."),
    "agencies": _("Meegaan naar instanties"),
    "travel": _("Hulp bij reizen of ergens naartoe gaan"),
    "plans": _("Meedenken bij het maken van plannen, en steun om die plannen uit te voeren en vol te houden"),
    "information": _("Informatie en advies over iets anders, namelijk:"),
    "other": _("Anders, namelijk:"),
}


def life_domains() -> list[tuple[str, str]]:
    """(code, label) of the active life domains, in the operator's order. One query."""
    terms = Term.objects.of(Vocabulary.LIFE_DOMAIN).order_by("sort_order", "pk")
    return [(term.code, str(FORM_LABELS.get(term.code, term.label))) for term in terms]


def form1_rows() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in FIXED_ROWS] + life_domains()
