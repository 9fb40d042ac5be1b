"""Sessions that end after a period of inactivity without a database write on every request.

Django's SESSION_SAVE_EVERY_REQUEST moves the session's expiry forward by writing the session row
on every request (an UPDATE and a commit: 1–3 ms each time). Here the expiry moves forward at most
once a minute: the session remembers when it was last refreshed and is saved again only when that
is at least SESSION_REFRESH_SECONDS ago. An inactive session therefore ends between
SESSION_COOKIE_AGE minus that minute and SESSION_COOKIE_AGE after the last request.
"""

import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware

REFRESHED = "_inzet_refreshed"


def stamp_at_login(sender, request, user, **kwargs) -> None:
    """Logging in writes the session anyway: count that as its first refresh."""
    session = getattr(request, "session", None)
    if session is not None:
        session[REFRESHED] = int(time.time())


class SlidingSessionMiddleware(SessionMiddleware):
    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            refreshed = session.get(REFRESHED)
            if not isinstance(refreshed, int) or now - refreshed >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED] = now  # marks the session modified: the parent saves it
        return super().process_response(request, response)
