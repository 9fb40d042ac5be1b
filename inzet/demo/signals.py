"""Demo signals: a few believable bottlenecks, one bundle with an action and a published overview.

Called from inzet/demo/data.py (`inzet demo`). Running it again changes nothing.
"""

import datetime as dt
import uuid

from django.utils import timezone

from inzet.accounts.models import User
from inzet.signals import services
from inzet.signals.models import Bundle, Overview, Signal, Theme

SIGNALS = [
    (
        "benefits",
        "De gemeente trekt mijn vergoeding als ervaringsdeskundige volledig af van mijn bijstand.",
        "Participatiewet",
        "Zwolle",
        {"place_private": True},
    ),
    (
        "accessibility",
        "Het buurthuis heet toegankelijk, maar de lift is al maanden kapot en de drempel is hoog.",
        "Buurthuis De Linde",
        "Deventer",
        {"concerns_private": True},
    ),
    (
        "benefits",
        "Mijn Wajong-uitkering werd verlaagd omdat ik een paar uur per maand werk als ervaringsdeskundige.",
        "UWV",
        "Apeldoorn",
        {},
    ),
    (
        "care",
        "Ik moest drie keer hetzelfde verhaal vertellen aan drie loketten voordat iemand luisterde.",
        "Wijkteam",
        "",
        {"description_private": True},
    ),
]


def load_signals_demo() -> None:
    if Signal.objects.exists():
        return
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    reporter = User.objects.filter(email="expert@example.org").first()
    themes = {t.code: t for t in Theme.objects.all()}
    created = []
    for i, (code, text, concerns, place, private) in enumerate(SIGNALS):
        signal, _token = services.signal_report(
            request_key=uuid.UUID(int=9000 + i),
            theme=themes[code],
            description=text,
            concerns=concerns,
            place=place,
            reporter=reporter if i == 0 else None,
            reporter_name="Mw. Jansen" if i == 3 else "",
            reporter_contact="06-12345678" if i == 3 else "",
            channel=Signal.Channel.PHONE if i == 3 else Signal.Channel.WEB,
            recorded_by=coordinator if i == 3 else None,
            **private,
        )
        created.append(signal)
    bundle = Bundle.objects.create(
        title="Vergoeding ervaringsdeskundige gekort op uitkering",
        theme=themes["benefits"],
        action="Besproken met de wethouder; de gemeente onderzoekt een vrijlating voor vrijwilligersvergoedingen.",
        answer="We hebben uw signaal met andere signalen gebundeld en besproken met de gemeente.",
        created_by=coordinator,
    )
    Signal.objects.filter(pk__in=[created[0].pk, created[2].pk]).update(bundle=bundle, status=Signal.Status.ACTED)
    today = timezone.localdate()
    overview = services.overview_save(
        by=coordinator,
        title=f"Signalen {today.year}",
        period_start=dt.date(today.year, 1, 1),
        period_end=dt.date(today.year, 12, 31),
        intro="Wat mensen dit jaar meldden, zonder namen.",
    )
    services.example_save(
        overview=overview,
        signal=created[2],
        theme=themes["benefits"],
        text="Een Wajong-uitkering werd verlaagd door een paar uur werk per maand als ervaringsdeskundige.",
    )
    services.overview_publish(overview=Overview.objects.get(pk=overview.pk))
