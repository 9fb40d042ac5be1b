"""Calendar pages: one request's sessions as .ics, the person's own calendar page and private feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import role_required
from inzet.engagements import calendar, selectors, services
from inzet.engagements.models import CalendarFeed
from inzet.engagements.permissions import get_request_for_user
from inzet.organisations.models import Role

# --- calendar --------------------------------------------------------------------------------------


def _ics_response(content: bytes, name: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if download:
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def request_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    engagement, access = get_request_for_user(request.user, pk, allow_expert=True)
    if not (access.can_read or access.is_accepted_expert):
        raise Http404
    sessions = engagement.sessions.select_related("request__deploying_organisation").order_by("starts_at")
    name = f"inzet-{slugify(engagement.title)[:40] or engagement.pk}.ics"
    return _ics_response(calendar.to_ics(sessions, name=engagement.title), name, download=True)


CALENDAR_ROLES = (Role.ASKER, Role.COORDINATOR, Role.TRAINER, Role.EXPERT)


@role_required(*CALENDAR_ROLES)
def calendar_page(request: HttpRequest) -> HttpResponse:
    feed = services.calendar_feed_get(user=request.user)
    feed_url = request.build_absolute_uri(reverse("engagements:feed", args=[feed.token]))
    sessions = selectors.sessions_for_person(request.user).filter(request__status__in=services.SESSION_STATES)[:50]
    return render(request, "engagements/calendar.html", {"feed_url": feed_url, "sessions": sessions})


@role_required(*CALENDAR_ROLES)
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    services.calendar_feed_renew(user=request.user)
    messages.success(request, _("U heeft een nieuw agenda-adres. Het oude adres werkt niet meer."))
    return redirect("engagements:calendar")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed: the secret token is the key, so calendar apps can read it without logging in."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    sessions = selectors.sessions_for_person(feed.user)
    extra = [event for source in calendar.FEED_SOURCES for event in source(feed.user)]
    return _ics_response(calendar.to_ics(sessions, name="Inzet", extra_events=extra), "inzet.ics", download=False)
