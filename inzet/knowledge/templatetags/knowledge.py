"""Article text: a small, safe subset of Markdown (no HTML of its own; links only to http(s) and mailto)."""

from django import template
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

register = template.Library()

_md = MarkdownIt("commonmark", {"html": False, "typographer": False})


def _only_safe_links(url: str) -> bool:
    return url.startswith(("https://", "http://", "mailto:", "/"))


_md.validateLink = _only_safe_links


@register.filter
def article_markdown(text: str) -> str:
    # html=False: any HTML typed by an editor is shown as text, never run (and CSP forbids inline code).
    return mark_safe(_md.render(text or ""))  # noqa: S308 — markdown-it escapes everything else
