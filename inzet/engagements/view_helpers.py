"""Small helpers the engagements pages share: a safe "next" target, the query without its page number,
a service's refusal as one line of text, and the thanks for an answer to an invitation."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def safe_next(request: HttpRequest, target: str | None) -> str | None:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


def error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def answer_thanks(accept: bool) -> str:
    """What an expert reads after answering an invitation, on either page that takes the answer."""
    return _("Dank u wel. U doet mee.") if accept else _("Dank u wel voor uw antwoord. Nee zeggen mag altijd.")
