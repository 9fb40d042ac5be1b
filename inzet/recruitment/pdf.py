"""The vacancy as a flyer PDF (WeasyPrint), for offline channels: flyer, poster, local paper."""

from django.template.loader import render_to_string
from django.utils.translation import override

from inzet.recruitment.models import RecruitmentPage


def _no_fetch(url: str, *args, **kwargs):
    # Everything is in the template; never load a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def vacancy_pdf(page: RecruitmentPage) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string("recruitment/pdf/flyer.html", {"page": page, "organisation": page.organisation})
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
