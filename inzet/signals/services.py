"""Every write of the signals app. Keyword-only; idempotent against a double click or a retry."""

import datetime
import hashlib
import secrets
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.signals import rules
from inzet.signals.models import Bundle, Example, Overview, Signal, Theme


def follow_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def signal_report(
    *,
    request_key: uuid.UUID,
    theme: Theme,
    description: str,
    concerns: str = "",
    place: str = "",
    description_private: bool = False,
    concerns_private: bool = False,
    place_private: bool = False,
    reporter: User | None = None,
    reporter_name: str = "",
    reporter_contact: str = "",
    channel: str = Signal.Channel.WEB,
    recorded_by: User | None = None,
) -> tuple[Signal, str | None]:
    """Store a signal. Returns it with its secret follow token (shown once); a retry gets (signal, None)."""
    existing = Signal.objects.filter(request_key=request_key).first()
    if existing:
        return existing, None
    if not description.strip():
        raise ValidationError({"description": [_("Beschrijf kort wat er vastloopt.")]})
    token = secrets.token_urlsafe(24)
    signal = Signal.objects.create(
        request_key=request_key,
        theme=theme,
        description=description.strip(),
        concerns=concerns.strip(),
        place=place.strip(),
        description_private=description_private,
        concerns_private=concerns_private,
        place_private=place_private,
        reporter=reporter,
        reporter_name=reporter_name.strip(),
        reporter_contact=reporter_contact.strip(),
        channel=channel,
        recorded_by=recorded_by,
        follow_hash=follow_hash(token),
    )
    return signal, token


def signal_handle(*, signal: Signal, status: str, answer: str, bundle: Bundle | None) -> Signal:
    """A coordinator's status, answer and bundle for one signal. Saving twice changes nothing."""
    if bundle is not None:
        _refuse_leaks(bundle.action, [signal], field="bundle")
    Signal.objects.filter(pk=signal.pk).update(
        status=status, answer=answer.strip(), bundle=bundle, updated_at=timezone.now()
    )
    signal.refresh_from_db()
    return signal


def _private_parts(signals: Iterable[Signal]) -> list[str]:
    return [part for signal in signals for part in signal.private_parts()]


def _refuse_leaks(text: str, signals: Iterable[Signal], *, field: str) -> None:
    if text and rules.leaks(text, _private_parts(signals)):
        raise ValidationError({field: [_("Deze tekst bevat iets wat een melder privé heeft gemaakt. Haal dat eruit.")]})


def bundle_save(
    *, by: User, title: str, theme: Theme, action: str = "", answer: str = "", bundle: Bundle | None = None
) -> Bundle:
    """Create or change a bundle. What was done (`action`) is public: it may not hold private parts."""
    if bundle is not None:
        _refuse_leaks(action, bundle.signals.all(), field="action")
        for name, value in {"title": title, "theme": theme, "action": action, "answer": answer}.items():
            setattr(bundle, name, value)
        bundle.save()
        return bundle
    return Bundle.objects.create(title=title, theme=theme, action=action, answer=answer, created_by=by)


def overview_save(
    *,
    by: User,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    intro: str = "",
    overview: Overview | None = None,
) -> Overview:
    if period_end < period_start:
        raise ValidationError({"period_end": [_("De einddatum ligt voor de begindatum.")]})
    if overview is None:
        return Overview.objects.create(
            title=title, period_start=period_start, period_end=period_end, intro=intro, created_by=by
        )
    overview.title, overview.period_start, overview.period_end, overview.intro = title, period_start, period_end, intro
    overview.save()
    return overview


def _signals_in(overview: Overview) -> QuerySet[Signal]:
    return Signal.objects.filter(
        created_at__date__gte=overview.period_start, created_at__date__lte=overview.period_end
    ).only("pk", "description", "concerns", "place", "description_private", "concerns_private", "place_private")


@transaction.atomic
def example_save(*, overview: Overview, text: str, theme: Theme, signal: Signal | None = None) -> Example:
    """Add an anonymised example. Refused when it holds any part a reporter of the period marked private."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": [_("Schrijf het voorbeeld.")]})
    checked = list(_signals_in(overview))
    if signal is not None:
        checked.append(signal)
    _refuse_leaks(text, checked, field="text")
    if signal is not None:
        example, _created = Example.objects.update_or_create(
            overview=overview, signal=signal, defaults={"text": text, "theme": theme}
        )
        return example
    return Example.objects.create(overview=overview, text=text, theme=theme)


def example_remove(*, example: Example) -> None:
    Example.objects.filter(pk=example.pk).delete()


@transaction.atomic
def overview_publish(*, overview: Overview, publish: bool = True) -> Overview:
    """Publish (or withdraw). Every public text is checked once more against the private parts."""
    overview = Overview.objects.select_for_update().get(pk=overview.pk)
    if publish:
        from inzet.signals.selectors import overview_bundles

        signals = list(_signals_in(overview)) + [
            e.signal for e in overview.examples.select_related("signal") if e.signal
        ]
        for example in overview.examples.all():
            _refuse_leaks(example.text, signals, field="text")
        for bundle in overview_bundles(overview):
            _refuse_leaks(bundle.action, list(bundle.signals.all()), field="action")
        if overview.published_at is None:
            overview.published_at = timezone.now()
    else:
        overview.published_at = None
    overview.save(update_fields=["published_at"])
    return overview


def signal_erase_reporter(*, user: User) -> int:
    """Erasure: a signal keeps its theme and date (it still counts); its words and the link to
    the person go."""
    return Signal.objects.filter(reporter=user).update(
        reporter=None,
        reporter_name="",
        reporter_contact="",
        description="",
        concerns="",
        place="",
        updated_at=timezone.now(),
    )
