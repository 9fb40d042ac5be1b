"""The team's drop-in hours as iCalendar: one weekly repeating event per hour (RRULE)."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from inzet.neighbourhood import rules
from inzet.neighbourhood.models import Team


def to_ics(team: Team, hours) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Inzet//wijkteams//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", team.name)
    zone = timezone.get_default_timezone()
    today = timezone.localdate()
    stamp = timezone.now()
    for hour in hours:
        day = rules.next_weekday(today, hour.weekday)
        event = Event()
        event.add("uid", f"{hour.uid}@inzet")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.datetime.combine(day, hour.starts, tzinfo=zone))
        event.add("dtend", datetime.datetime.combine(day, hour.ends, tzinfo=zone))
        event.add("rrule", {"freq": "weekly"})
        event.add("summary", f"{team.name}: {hour.place}")
        event.add("location", ", ".join(part for part in [hour.place, hour.address] if part))
        description = [hour.who, hour.accessibility, f"{settings.SITE_URL}/wijk/team/{team.pk}/inloop/"]
        event.add("description", "\n".join(part for part in description if part))
        calendar.add_component(event)
    return calendar.to_ical()
