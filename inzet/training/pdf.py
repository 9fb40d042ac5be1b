"""The certificate as PDF (WeasyPrint), like the agreement in engagements: a plain A4 template in the reader's language."""

from django.template.loader import render_to_string
from django.utils.translation import override

from inzet.training.models import Enrolment


def _no_fetch(url: str, *args, **kwargs):
    # Everything is in the template; never load a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def certificate_pdf(enrolment: Enrolment, *, language: str = "nl") -> bytes:
    from weasyprint import HTML

    # The view passes the language of the request, so an English reader gets an English certificate.
    with override(language):
        html = render_to_string(
            "training/pdf/certificate.html",
            {"enrolment": enrolment, "course": enrolment.course, "record": enrolment.record, "language": language},
        )
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
