"""Plain-language (B1) explanations for terms whose official names are hard (docs/plain-language.md).

The official name stays: organisations and training programmes use it. The explanation is shown next
to it wherever people choose or read the term.
"""

from django.utils.translation import gettext_lazy as _

# (vocabulary, code) -> a short explanation in plain words.
EXPLANATIONS = {
    ("competence", "reciprocal_contact"): _(
        "Contact maken als gelijke, en daarbij uw eigen ervaring en die van anderen gebruiken"
    ),
    ("competence", "methods_tools"): _("Werken met de vaste manieren en hulpmiddelen van het vak"),
    ("competence", "cooperating_positioning"): _(
        "Samenwerken met anderen en uw plek innemen: bij mensen zelf, in een team en in een organisatie"
    ),
    ("competence", "change_advice"): _("Advies geven om zorg, hulp of beleid beter te maken"),
    ("competence", "professional_thinking"): _(
        "Nadenken over wat u doet en waarom: wat is goed om te doen, en wat zegt uw vak erover"
    ),
    ("competence", "own_expertise"): _("Blijven leren, zodat u goed blijft in uw werk"),
}


def explanation(term) -> str:
    text = EXPLANATIONS.get((term.vocabulary, term.code))
    return str(text) if text else ""


def label_with_explanation(term) -> str:
    """'Conceptueel, normatief en professioneel denken (nadenken over wat u doet en waarom: …)'."""
    text = explanation(term)
    return f"{term.label} ({text[0].lower()}{text[1:]})" if text else term.label
