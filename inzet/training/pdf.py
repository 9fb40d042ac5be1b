"""The certificate as PDF (WeasyPrint), like the agreement in engagements: a plain A4 template, Dutch."""

from django.template.loader import render_to_string
from django.utils.translation import override

from inzet.training.models import Enrolment


def _no_fetch(url: str, *args, **kwargs):
    # Everything is in the template; never load a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def certificate_pdf(enrolment: Enrolment) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string(
            "training/pdf/certificate.html",
            {"enrolment": enrolment, "course": enrolment.course, "record": enrolment.record},
        )
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
