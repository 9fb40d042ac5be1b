"""Phrases from the pure rule modules in the reader's language (gettext/ngettext)."""

from django.utils.translation import get_language, gettext, ngettext

from inzet.lib import phrases

_TRANSLATED = phrases.Language(gettext=gettext, ngettext=ngettext, decimal=",")
_ENGLISH = phrases.Language(gettext=gettext, ngettext=ngettext, decimal=".")


def text(item: object) -> str:
    """A phrase, a tuple of phrases, a term or a message id, translated; anything else as str()."""
    english = (get_language() or "nl").startswith("en")
    return phrases.render(item, _ENGLISH if english else _TRANSLATED)
