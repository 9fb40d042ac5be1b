"""Signals from report to published lobby overview: who sees what, and nothing private goes public."""

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from inzet.privacy.erasure import person_erase
from inzet.signals import services
from inzet.signals.models import Example, Signal, SignalReadLog, Theme

PRIVATE_TEXT = "Mijn buurvrouw Anneke de Vries kreeg een boete van de sociale dienst"
PRIVATE_PLACE = "Kampen"


def theme(code="benefits") -> Theme:
    return Theme.objects.get(code=code)


def report_form(**extra) -> dict:
    return {
        "request_key": str(uuid.uuid4()),
        "theme": theme().pk,
        "description": "De gemeente trekt mijn vergoeding af van de bijstand",
        "concerns": "Participatiewet",
        "place": "Zwolle",
        **extra,
    }


@pytest.mark.django_db
def test_an_anonymous_visitor_reports_and_follows_with_the_secret_link(client):
    response = client.post(reverse("signals:report"), report_form(place_private="on"))
    assert response.status_code == 302 and "/signalen/volgen/" in response.url
    signal = Signal.objects.get()
    assert signal.reporter is None and signal.place_private and signal.place == "Zwolle"
    page = client.get(response.url)
    assert page.status_code == 200 and "Ontvangen" in page.text
    assert "Zwolle" not in page.text and "bijstand" not in page.text  # a leaked link shows no words
    assert client.get(reverse("signals:follow", kwargs={"token": "raden"})).status_code == 404


@pytest.mark.django_db
def test_the_follow_link_shows_the_answer_and_what_was_done(client, coordinator):
    signal, token = services.signal_report(request_key=uuid.uuid4(), theme=theme(), description="Gekort")
    bundle = services.bundle_save(by=coordinator, title="Kortingen", theme=theme(), action="Besproken met de wethouder")
    services.signal_handle(signal=signal, status=Signal.Status.ACTED, answer="We zijn ermee bezig", bundle=bundle)
    page = client.get(reverse("signals:follow", kwargs={"token": token}))
    assert "We zijn ermee bezig" in page.text and "Besproken met de wethouder" in page.text


@pytest.mark.django_db
def test_a_double_click_stores_one_signal(client):
    data = report_form()
    client.post(reverse("signals:report"), data)
    client.post(reverse("signals:report"), data)
    assert Signal.objects.count() == 1


@pytest.mark.django_db
def test_the_same_request_key_without_the_page_token_still_stores_once():
    key = uuid.uuid4()
    first, token = services.signal_report(request_key=key, theme=theme(), description="Een")
    again, no_token = services.signal_report(request_key=key, theme=theme(), description="Een")
    assert first == again and token and no_token is None


@pytest.mark.django_db
def test_an_empty_report_gets_dutch_messages_and_keeps_what_was_typed(client):
    response = client.post(reverse("signals:report"), report_form(theme="", description="", place="Zwolle"))
    assert response.status_code == 200
    assert "Kies een thema." in response.text and "Beschrijf kort wat er vastloopt." in response.text
    assert 'value="Zwolle"' in response.text
    assert Signal.objects.count() == 0


@pytest.mark.django_db
def test_with_an_account_the_reporter_follows_on_their_page_unless_anonymous(client, expert):
    client.force_login(expert)
    client.post(reverse("signals:report"), report_form(description="Met mijn naam"))
    client.post(reverse("signals:report"), report_form(description="Zonder mijn naam", anonymous="on"))
    page = client.get(reverse("signals:mine"))
    assert "Met mijn naam" in page.text and "Zonder mijn naam" not in page.text
    assert [s.description for s in Signal.objects.filter(reporter__isnull=True)] == ["Zonder mijn naam"]


@pytest.mark.django_db
def test_a_coordinator_records_a_phone_signal_and_gets_a_link_to_pass_on(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("signals:record"),
        report_form(channel="phone", reporter_name="Mw. Bakker", reporter_contact="06-11112222"),
        follow=True,
    )
    signal = Signal.objects.get()
    assert signal.channel == "phone" and signal.recorded_by == coordinator and signal.reporter is None
    assert "/signalen/volgen/" in response.text and "Mw. Bakker" in response.text
    assert SignalReadLog.objects.filter(signal=signal, user=coordinator, item="signal").exists()
    assert "/signalen/volgen/" not in client.get(reverse("signals:detail", args=[signal.pk])).text  # once


def _overview(coordinator):
    today = timezone.localdate()
    return services.overview_save(
        by=coordinator, title="Signalen dit jaar", period_start=today - dt.timedelta(days=60), period_end=today
    )


@pytest.mark.django_db
def test_nothing_a_reporter_marked_private_reaches_the_public_overview(client, coordinator):
    private, _token = services.signal_report(
        request_key=uuid.uuid4(),
        theme=theme(),
        description=PRIVATE_TEXT,
        concerns="Sociale dienst",
        place=PRIVATE_PLACE,
        description_private=True,
        place_private=True,
    )
    overview = _overview(coordinator)
    client.force_login(coordinator)
    # The draft the coordinator starts from leaves the private parts out.
    edit = client.get(reverse("signals:overview_edit", args=[overview.pk]))
    draft = re.search(rf'name="s{private.pk}-text"[^>]*>([^<]*)<', edit.text).group(1)
    assert "Anneke" not in draft and PRIVATE_PLACE not in draft and "Sociale dienst" in draft
    # Typing the private parts back in is refused, with a Dutch message, and nothing is stored.
    for text in [f"Iemand in {PRIVATE_PLACE} kreeg een boete", "Anneke de Vries kreeg een boete van de gemeente"]:
        response = client.post(
            reverse("signals:example_add", args=[overview.pk]),
            {
                "prefix": f"s{private.pk}",
                f"s{private.pk}-signal": private.pk,
                f"s{private.pk}-theme": theme().pk,
                f"s{private.pk}-text": text,
            },
        )
        assert response.status_code == 200 and "privé" in response.text
    assert not Example.objects.exists()
    # An example written without a private part is kept; a bundle's action may not hold one either.
    client.post(
        reverse("signals:example_add", args=[overview.pk]),
        {
            "prefix": f"s{private.pk}",
            f"s{private.pk}-signal": private.pk,
            f"s{private.pk}-theme": theme().pk,
            f"s{private.pk}-text": "Iemand kreeg zonder uitleg een boete; het gaat om de Sociale dienst.",
        },
    )
    assert Example.objects.count() == 1
    bundle = services.bundle_save(by=coordinator, title="Boetes", theme=theme())
    services.signal_handle(signal=private, status="acted", answer="", bundle=bundle)
    response = client.post(
        reverse("signals:bundle", args=[bundle.pk]),
        {"title": "Boetes", "theme": theme().pk, "action": f"Gesprek met de wethouder van {PRIVATE_PLACE}"},
    )
    assert response.status_code == 200 and "privé" in response.text
    client.post(
        reverse("signals:bundle", args=[bundle.pk]),
        {"title": "Boetes", "theme": theme().pk, "action": "Gesprek met de wethouder"},
    )
    # Even a text slipped in directly is caught when publishing.
    sneaky = Example.objects.create(overview=overview, theme=theme(), text=f"Boete in {PRIVATE_PLACE}")
    client.post(reverse("signals:overview_publish", args=[overview.pk]), {"publish": "1"})
    overview.refresh_from_db()
    assert overview.published_at is None
    sneaky.delete()
    client.post(reverse("signals:overview_publish", args=[overview.pk]), {"publish": "1"})
    overview.refresh_from_db()
    assert overview.published_at is not None
    client.logout()
    public = client.get(reverse("signals:overview", args=[overview.pk]))
    assert public.status_code == 200
    assert "zonder uitleg een boete" in public.text and "Gesprek met de wethouder" in public.text
    for secret in [PRIVATE_PLACE, "Anneke", "Vries", "buurvrouw"]:
        assert secret not in public.text


@pytest.mark.django_db
def test_a_draft_overview_is_hidden_from_the_public(client, coordinator):
    overview = _overview(coordinator)
    assert client.get(reverse("signals:overview", args=[overview.pk])).status_code == 404
    assert overview.title not in client.get(reverse("signals:overviews")).text


@pytest.mark.django_db
def test_the_overview_counts_per_theme_and_month(client, coordinator):
    for i, code in enumerate(["benefits", "benefits", "accessibility"]):
        services.signal_report(request_key=uuid.UUID(int=i + 1), theme=theme(code), description=f"Signaal {i}")
    overview = _overview(coordinator)
    services.overview_publish(overview=overview)
    page = client.get(reverse("signals:overview", args=[overview.pk]))
    assert "3 signalen in totaal" in page.text
    row = re.search(r"Uitkering en vergoeding</th>(.*?)</tr>", page.text, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", row)[-1] == "2"


@pytest.mark.django_db
def test_pages_use_a_bounded_number_of_queries(client, coordinator, django_assert_max_num_queries):
    bundle = services.bundle_save(by=coordinator, title="B", theme=theme(), action="Gedaan")
    for i in range(25):
        signal, _ = services.signal_report(request_key=uuid.UUID(int=100 + i), theme=theme(), description=f"S {i}")
        services.signal_handle(signal=signal, status="acted", answer="", bundle=bundle)
    overview = _overview(coordinator)
    for signal in Signal.objects.all()[:10]:
        services.example_save(overview=overview, signal=signal, theme=theme(), text=f"Voorbeeld {signal.pk}")
    services.overview_publish(overview=overview)
    client.force_login(coordinator)
    for name, args in [
        ("signals:inbox", []),
        ("signals:bundles", []),
        ("signals:bundle", [bundle.pk]),
        ("signals:overview", [overview.pk]),
        ("signals:overview_edit", [overview.pk]),
        ("signals:overviews", []),
    ]:
        with django_assert_max_num_queries(15, info=name):
            assert client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.django_db
def test_erasure_removes_the_reporters_words_and_the_link_but_keeps_the_count(expert):
    signal, _ = services.signal_report(
        request_key=uuid.uuid4(), theme=theme(), description="Mijn verhaal", place="Zwolle", reporter=expert
    )
    person_erase(user=expert)
    signal.refresh_from_db()
    assert signal.reporter is None and signal.description == "" and signal.place == ""
    assert Signal.objects.filter(theme=theme()).count() == 1


@pytest.mark.django_db
def test_the_report_page_is_complete_in_english(client):
    client.cookies["django_language"] = "en"
    page = client.get(reverse("signals:report"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Report a bottleneck" in page.text
