"""Event pages. Sign-up needs no account; the personal link (a secret token) shows the sign-up."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import posted
from inzet.network import events
from inzet.network.forms import EventForm, SignupForm
from inzet.network.models import Event, ReadLog, Registration
from inzet.network.permissions import editors_only, is_editor

MAX_ROWS = 300


def _visible(request) -> "QuerySet":  # noqa: F821
    return Event.objects.all() if is_editor(request.user) else Event.objects.filter(is_published=True)


def event_list(request: HttpRequest) -> HttpResponse:
    upcoming = (
        _visible(request)
        .filter(ends_at__gte=timezone.now())
        .annotate(taken=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)))
    )[:MAX_ROWS]
    return render(request, "network/events.html", {"events": upcoming, "editor": is_editor(request.user)})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(_visible(request), pk=pk)
    user = request.user if request.user.is_authenticated else None
    initial = {"full_name": user.full_name, "email": user.email} if user else {}
    form = SignupForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        # A coordinator signing someone else up (on their behalf) does not link their own account.
        own = user if user and form.cleaned_data["email"].strip().lower() == user.email.lower() else None
        registration, token = events.registration_create(event=event, user=own, **form.cleaned_data)
        if token is None:
            messages.info(request, _("U was al aangemeld. Kijk in uw e-mail voor uw persoonlijke link."))
            return redirect("network:event", pk=event.pk)
        if registration.status == Registration.Status.WAITING:
            messages.info(request, _("De bijeenkomst is vol. U staat op de wachtlijst."))
        else:
            messages.success(request, _("U bent aangemeld. U krijgt een bevestiging per e-mail."))
        return redirect("network:registration", token=token)
    taken = events.confirmed_count(event)
    free = None if event.capacity is None else max(event.capacity - taken, 0)
    return render(
        request, "network/event.html", {"event": event, "form": form, "free": free, "editor": is_editor(request.user)}
    )


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(_visible(request), pk=pk)
    response = HttpResponse(events.to_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{event.pk}.ics"'
    return response


def _registration(token: str) -> Registration:
    found = Registration.objects.filter(token_hash=events.token_hash(token)).select_related("event").first()
    if found is None:
        raise Http404
    return found


def registration(request: HttpRequest, token: str) -> HttpResponse:
    found = _registration(token)
    context = {
        "registration": found,
        "event": found.event,
        "token": token,
        "participants": events.participants_shared_with(found)[:MAX_ROWS],
    }
    return render(request, "network/registration.html", context)


@require_POST
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    found = _registration(token)
    events.registration_cancel(registration=found)
    messages.success(request, _("U bent afgemeld."))
    return redirect("network:registration", token=token)


@editors_only
def event_new(request: HttpRequest) -> HttpResponse:
    form = EventForm(posted(request))
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.created_by = request.user
        event.save()
        messages.success(request, _("De bijeenkomst is opgeslagen."))
        return redirect("network:event_manage", pk=event.pk)
    return render(request, "network/event_form.html", {"form": form, "event": None})


@editors_only
def event_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """Sign-ups with their needs (each read logged), the waiting list and attendance."""
    event = get_object_or_404(Event, pk=pk)
    if request.method == "POST":
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        count = events.attendance_record(event=event, present=present)
        messages.success(request, _("De aanwezigheid is opgeslagen (%(n)s aanwezig).") % {"n": count})
        return redirect("network:event_manage", pk=event.pk)
    registrations = list(
        event.registrations.exclude(status=Registration.Status.CANCELLED).order_by("status", "created_at")
    )
    ReadLog.objects.bulk_create(
        ReadLog(user=request.user, registration=r, item="needs") for r in registrations if r.needs
    )
    context = {
        "event": event,
        "confirmed": [r for r in registrations if r.status == Registration.Status.CONFIRMED],
        "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
    }
    return render(request, "network/event_manage.html", context)
