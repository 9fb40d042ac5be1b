"""Sessions as iCalendar (.ics): one download per request, and a private feed per person."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from inzet.engagements.models import RequestStatus, Session

PRODID = "-//Inzet//Vragen en inzet//NL"

# Apps above this one add events to a person's private feed here (from their AppConfig.ready):
# f(user) -> list[icalendar.Event]. The support app adds its group meetings.
FEED_SOURCES: list = []


def _event(session: Session, stamp) -> Event:
    request = session.request
    event = Event()
    event.add("uid", f"{session.uid}@inzet")
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", f"{session.title} – {request.title}")
    if session.location:
        event.add("location", session.location)
    event.add("description", f"{request.deploying_organisation.name}\n{settings.SITE_URL}/vragen/")
    if request.status == RequestStatus.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def to_ics(sessions, *, name: str, extra_events=()) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for session in sessions:
        calendar.add_component(_event(session, stamp))
    for event in extra_events:
        calendar.add_component(event)
    return calendar.to_ical()
