"""The closure report (Form 3) as PDF with WeasyPrint, like the other PDFs of Inzet."""

import json

from django.template.loader import render_to_string

from inzet.neighbourhood import services, topics
from inzet.neighbourhood.models import Closure, Review


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def closure_context(closure: Closure) -> dict:
    actions = json.loads(closure.actions) if closure.actions else {}
    labels = dict(topics.life_domains())
    return {
        "closure": closure,
        "trajectory": closure.trajectory,
        "team": closure.trajectory.team,
        "actions": [(labels.get(code, code), text) for code, text in actions.items()],
        "counts": services.contact_counts(closure.trajectory),
        "outcomes": [
            str(Closure._meta.get_field(name).verbose_name) for name in Closure.OUTCOME_FIELDS if getattr(closure, name)
        ],
        "differences": [
            str(Closure._meta.get_field(name).verbose_name)
            for name in Closure.DIFFERENCE_FIELDS
            if getattr(closure, name)
        ],
    }


def closure_pdf(closure: Closure) -> bytes:
    from weasyprint import HTML

    html = render_to_string("neighbourhood/pdf/closure.html", closure_context(closure))
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def review_context(review: Review) -> dict:
    rows = {row.topic: row for row in review.rows.all()}
    return {
        "review": review,
        "trajectory": review.trajectory,
        "team": review.trajectory.team,
        "rows": [(label, rows.get(code)) for code, label in topics.life_domains()],
    }


def review_pdf(review: Review) -> bytes:
    from weasyprint import HTML

    html = render_to_string("neighbourhood/pdf/review.html", review_context(review))
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
