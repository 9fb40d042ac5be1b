"""One suggestion on the home page: the dashboard shows them, the apps that know the work make them.

It lives here, below every app, so that engagements, recruitment and compensation can build steps
without importing the dashboard, which imports them (see the layers in the top README).
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str
    url: str
    link_text: str


def counted(count: int, *, title: str, text: Any, url: str, link_text: str) -> list[NextStep]:
    """A step that says how many there are, none when there are none. `text` is
    ngettext_lazy(singular, plural, "count"): it picks the form by the count it is given."""
    if not count:
        return []
    return [NextStep(title=title, text=text % {"count": count}, url=url, link_text=link_text)]
