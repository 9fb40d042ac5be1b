"""Pages of the signals app. Thin: permissions.py decides who, services.py writes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles
from inzet.lib.views import add_service_errors, posted, save_form
from inzet.signals import selectors, services
from inzet.signals.forms import BundleForm, ExampleForm, HandleForm, OverviewForm, PhoneReportForm, WebReportForm
from inzet.signals.models import Bundle, Example, Overview, Signal, SignalReadLog, Theme
from inzet.signals.permissions import get_signal, handlers_only

MAX_ROWS = 300


def _report_fields(data) -> dict:
    names = ["theme", "description", "concerns", "place", "description_private", "concerns_private", "place_private"]
    return {name: data[name] for name in names}


def report(request: HttpRequest) -> HttpResponse:
    """Anyone reports a bottleneck, with or without an account; the follow link is shown next."""
    form = WebReportForm(posted(request))
    if not request.user.is_authenticated:
        del form.fields["anonymous"]  # without an account a report is anonymous anyway
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reporter = request.user if request.user.is_authenticated and not data["anonymous"] else None
        try:
            _signal, token = services.signal_report(
                request_key=data["request_key"], reporter=reporter, **_report_fields(data)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if token is None:  # a retry of a stored signal: the secret link was shown the first time
                return redirect("signals:mine" if reporter else "signals:report")
            messages.success(request, _("Dank u wel. Uw signaal is ontvangen."))
            return redirect("signals:follow", token=token)
    return render(request, "signals/report.html", {"form": form})


def follow(request: HttpRequest, token: str) -> HttpResponse:
    """The reporter's secret link: status, answer and what was done. Never the reported text."""
    signal = Signal.objects.filter(follow_hash=services.follow_hash(token)).select_related("theme", "bundle").first()
    if signal is None:
        raise Http404
    return render(request, "signals/follow.html", {"signal": signal, "link": request.build_absolute_uri()})


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    signals = Signal.objects.filter(reporter=request.user).select_related("theme", "bundle")[:MAX_ROWS]
    return render(request, "signals/mine.html", {"signals": signals})


@handlers_only
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    signals = Signal.objects.select_related("theme", "bundle").defer("description", "concerns", "reporter_contact")
    if status in Signal.Status.values:
        signals = signals.filter(status=status)
    context = {"signals": signals[:MAX_ROWS], "statuses": Signal.Status.choices, "status": status}
    return render(request, "signals/inbox.html", context)


@handlers_only
def record(request: HttpRequest) -> HttpResponse:
    """A coordinator records a signal told by phone or at the desk, on the reporter's behalf."""
    form = PhoneReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            signal, _token = services.signal_report(
                request_key=data["request_key"],
                channel=data["channel"],
                reporter_name=data["reporter_name"],
                reporter_contact=data["reporter_contact"],
                recorded_by=request.user,
                **_report_fields(data),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if _token:
                # Shown once on the next page, to pass on to the reporter.
                request.session["signals_new_link"] = request.build_absolute_uri(
                    reverse("signals:follow", kwargs={"token": _token})
                )
            messages.success(request, _("Het signaal is vastgelegd."))
            return redirect("signals:detail", pk=signal.pk)
    return render(request, "signals/record.html", {"form": form})


@handlers_only
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    signal = get_signal(request.user, pk, item="signal")
    initial = {"status": signal.status, "bundle": signal.bundle, "answer": signal.answer}
    form = HandleForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_handle(signal=signal, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Het signaal is bijgewerkt."))
            return redirect("signals:detail", pk=signal.pk)
    new_link = request.session.pop("signals_new_link", None)
    return render(request, "signals/detail.html", {"signal": signal, "form": form, "new_link": new_link})


@handlers_only
def bundles(request: HttpRequest) -> HttpResponse:
    form = BundleForm(posted(request))
    if request.method == "POST" and form.is_valid():
        bundle = services.bundle_save(by=request.user, **form.cleaned_data)
        messages.success(request, _("De bundel is aangemaakt."))
        return redirect("signals:bundle", pk=bundle.pk)
    found = Bundle.objects.select_related("theme").annotate(n=Count("signals"))[:MAX_ROWS]
    return render(request, "signals/bundles.html", {"bundles": found, "form": form})


@handlers_only
def bundle(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Bundle.objects.select_related("theme"), pk=pk)
    form = BundleForm(posted(request), instance=found)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: services.bundle_save(by=request.user, bundle=found, **form.cleaned_data),
            success=_("De bundel is opgeslagen."),
        )
    ):
        return redirect("signals:bundle", pk=found.pk)
    signals = found.signals.select_related("theme").defer("description", "concerns", "reporter_contact")
    return render(request, "signals/bundle.html", {"bundle": found, "form": form, "signals": signals})


def overviews(request: HttpRequest) -> HttpResponse:
    """Public: the published lobby overviews. Handlers also see drafts."""
    handler = get_roles(request.user).is_coordinator_or_operator
    drafts = Overview.objects.filter(published_at__isnull=True) if handler else Overview.objects.none()
    context = {"overviews": selectors.published_overviews()[:MAX_ROWS], "drafts": drafts[:MAX_ROWS], "handler": handler}
    return render(request, "signals/overviews.html", context)


def overview(request: HttpRequest, pk: int) -> HttpResponse:
    """Public once published; a draft is only for handlers (404 for everyone else)."""
    handler = get_roles(request.user).is_coordinator_or_operator
    found = get_object_or_404(Overview, pk=pk) if handler else get_object_or_404(selectors.published_overviews(), pk=pk)
    context = {
        "overview": found,
        "counts": selectors.overview_counts(found),
        "examples": found.examples.select_related("theme"),
        "bundles": selectors.overview_bundles(found),
        "handler": handler,
    }
    return render(request, "signals/overview.html", context)


@handlers_only
def overview_new(request: HttpRequest) -> HttpResponse:
    form = OverviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            found = services.overview_save(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("signals:overview_edit", pk=found.pk)
    return render(request, "signals/overview_new.html", {"form": form})


def _edit_page(request, found: Overview, *, form=None, example_form=None, status=200) -> HttpResponse:
    candidates = list(
        Signal.objects.filter(
            created_at__date__gte=found.period_start, created_at__date__lte=found.period_end
        ).select_related("theme")[:MAX_ROWS]
    )
    SignalReadLog.objects.bulk_create(SignalReadLog(user=request.user, signal=s, item="overview") for s in candidates)
    # One query for the themes, not one per form.
    theme_choices = [("", "—"), *((t.pk, t.label) for t in Theme.objects.all())]
    for signal in candidates:
        signal.draft_form = ExampleForm(
            prefix=f"s{signal.pk}",
            initial={"signal": signal.pk, "theme": signal.theme_id, "text": signal.public_text()},
        )
        signal.draft_form.fields["theme"].choices = theme_choices
    context = {
        "overview": found,
        "form": form or OverviewForm(instance=found),
        "example_form": example_form or ExampleForm(),
        "examples": found.examples.select_related("theme"),
        "candidates": candidates,
    }
    return render(request, "signals/overview_edit.html", context, status=status)


@handlers_only
def overview_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Overview, pk=pk)
    if request.method != "POST":
        return _edit_page(request, found)
    form = OverviewForm(request.POST, instance=Overview.objects.get(pk=pk))
    if form.is_valid() and save_form(
        request,
        form,
        lambda: services.overview_save(by=request.user, overview=found, **form.cleaned_data),
        success=_("Het overzicht is opgeslagen."),
    ):
        return redirect("signals:overview_edit", pk=found.pk)
    return _edit_page(request, found, form=form)


@handlers_only
@require_POST
def example_add(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Overview, pk=pk)
    prefix = request.POST.get("prefix", "")
    form = ExampleForm(request.POST, prefix=prefix if prefix.startswith("s") and prefix[1:].isdigit() else None)
    if form.is_valid():
        signal = Signal.objects.filter(pk=form.cleaned_data["signal"]).first() if form.cleaned_data["signal"] else None
        if save_form(
            request,
            form,
            lambda: services.example_save(
                overview=found, signal=signal, theme=form.cleaned_data["theme"], text=form.cleaned_data["text"]
            ),
            success=_("Het voorbeeld is toegevoegd."),
        ):
            return redirect("signals:overview_edit", pk=found.pk)
    messages.error(request, _("Het voorbeeld is niet toegevoegd: %(why)s") % {"why": " ".join(_errors(form))})
    return _edit_page(request, found, example_form=form if not prefix else None, status=200)


def _errors(form) -> list[str]:
    return [str(e) for errors in form.errors.values() for e in errors]


@handlers_only
@require_POST
def example_remove(request: HttpRequest, pk: int) -> HttpResponse:
    example = Example.objects.filter(pk=pk).first()
    if example is None:  # already removed (a double click): nothing left to do
        return redirect("signals:overviews")
    services.example_remove(example=example)
    messages.success(request, _("Het voorbeeld is verwijderd."))
    return redirect("signals:overview_edit", pk=example.overview_id)


@handlers_only
@require_POST
def overview_publish(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Overview, pk=pk)
    publish = request.POST.get("publish", "1") == "1"
    try:
        services.overview_publish(overview=found, publish=publish)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("signals:overview_edit", pk=found.pk)
    messages.success(request, _("Het overzicht is gepubliceerd.") if publish else _("Het overzicht is teruggetrokken."))
    return redirect("signals:overview", pk=found.pk)
