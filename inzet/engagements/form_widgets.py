"""Widgets and small field helpers the engagements forms share."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inzet.taxonomy.models import Term


def terms_of(vocabulary: str):
    return Term.objects.of(vocabulary)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DayAndTimes:
    """For a form with the fields day, start and end: the end comes after the start, and the cleaned
    data gets starts_at and ends_at in the current time zone."""

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start"), cleaned.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("De eindtijd ligt na de begintijd."))
            else:
                tz = timezone.get_current_timezone()
                cleaned["starts_at"] = dt.datetime.combine(day, start, tzinfo=tz)
                cleaned["ends_at"] = dt.datetime.combine(day, end, tzinfo=tz)
        return cleaned
