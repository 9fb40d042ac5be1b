"""In-app notices from engagements and compensation, without importing the app that shows them.

The conversations app (a higher layer) registers a listener from its AppConfig.ready(); every
listener gets the people to tell, a short text (never a reason or a message's content) and the
page to open. Called inside the service's transaction, so a rollback leaves no notice.
"""

from collections.abc import Callable

LISTENERS: list[Callable] = []


def emit(*, users, text: str, path: str) -> None:
    users = [u for u in users if u is not None]
    for listener in LISTENERS:
        listener(users=users, text=text, path=path)
