"""One suggestion on the home page: the dashboard shows them, the apps that know the work make them.

It lives here, below every app, so that engagements, recruitment and compensation can build steps
without importing the dashboard, which imports them (see the layers in the top README).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NextStep:
    title: str
    text: str
    url: str
    link_text: str
