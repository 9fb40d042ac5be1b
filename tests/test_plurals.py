"""Singular and plural next to a number, in Dutch and English (issue 16).

A decimal count (1,5 dagdeel) takes the plural in both languages; only exactly one is singular.
"""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from inzet.lib.phrases import plural_count


@pytest.mark.parametrize(
    ("value", "count"),
    [(1, 1), (D("1"), 1), (D("1.0"), 1), ("1", 1), (D("0.5"), 2), (D("1.5"), 2), (2, 2), (0, 2), (None, 2), ("", 2)],
)
def test_only_exactly_one_is_singular(value, count):
    assert plural_count(value) == count


def _quote(half_days, hours=D("1")):
    return SimpleNamespace(
        hours=hours,
        hourly_rate=D("25"),
        hours_amount=hours * 25,
        has_half_days=True,
        half_days=half_days,
        half_day_rate=D("60"),
        half_day_amount=half_days * 60,
        has_discount=False,
        vat_lines=[],
        total=D("100"),
    )


@pytest.mark.parametrize(
    ("language", "half_days", "hours", "expected"),
    [
        ("nl", D("1"), D("1"), ["1 dagdeel ×", "1 uur ×"]),
        ("nl", D("2"), D("2"), ["2 dagdelen ×", "2 uur ×"]),
        ("nl", D("1.5"), D("2.5"), ["1,5 dagdelen ×", "2,5 uur ×"]),
        ("en", D("1"), D("1"), ["1 half-day ×", "1 hour ×"]),
        ("en", D("2"), D("2"), ["2 half-days ×", "2 hours ×"]),
        ("en", D("1.5"), D("2.5"), ["1.5 half-days ×", "2.5 hours ×"]),
    ],
)
def test_quote_lines_agree_with_their_number(language, half_days, hours, expected):
    with translation.override(language):
        html = render_to_string("engagements/_quote.html", {"quote": _quote(half_days, hours)})
    for text in expected:
        assert text in html
    assert "dagdelen" not in html or half_days != 1


@pytest.mark.parametrize(
    ("language", "half_days", "hours", "expected"),
    [
        ("nl", D("1"), D("1"), "Berekend met 1 uur × "),
        ("nl", D("1"), D("1"), " en 1 dagdeel voor "),
        ("nl", D("2"), D("2"), " en 2 dagdelen voor "),
        ("nl", D("0.5"), D("2"), " en 0,5 dagdelen voor "),
        ("en", D("1"), D("1"), "Calculated with 1 hour × "),
        ("en", D("1"), D("1"), " and 1 half-day for "),
        ("en", D("2"), D("2"), "Calculated with 2 hours × "),
        ("en", D("1.5"), D("2"), " and 1.5 half-days for "),  # an English decimal point
    ],
)
def test_rule_check_names_hours_and_half_days_in_the_right_form(language, half_days, hours, expected):
    proposed = SimpleNamespace(hours=hours, rate=D("20"), half_days=half_days, half_day_amount=D("50"), amount=D("90"))
    cv = SimpleNamespace(
        proposed=proposed, check=True, applies=False, work_form="zzp", reward=SimpleNamespace(label="x")
    )
    with translation.override(language):
        html = render_to_string("compensation/_check.html", {"cv": cv})
    assert expected in html
    assert "dagdeel of dagdelen" not in html


@pytest.mark.parametrize(
    ("language", "hours", "expected"),
    [
        ("nl", D("1"), "Berekend met 1 uur × "),
        ("en", D("1"), "Calculated with 1 hour × "),
        ("en", D("3"), "Calculated with 3 hours × "),
    ],
)
def test_rule_check_without_half_days(language, hours, expected):
    proposed = SimpleNamespace(hours=hours, rate=D("20"), half_days=D("0"), half_day_amount=None, amount=D("20"))
    cv = SimpleNamespace(
        proposed=proposed, check=True, applies=False, work_form="zzp", reward=SimpleNamespace(label="x")
    )
    with translation.override(language):
        html = render_to_string("compensation/_check.html", {"cv": cv})
    assert expected in html


def _snippet(template_path: str, marker: str) -> str:
    """The blocktranslate with `marker` exactly as the template holds it, so a test sees the real text."""
    from pathlib import Path

    from django.conf import settings

    source = (Path(settings.BASE_DIR) / template_path).read_text(encoding="utf-8")
    start = source.rindex("{% blocktranslate count", 0, source.index(marker))
    end = source.index("{% endblocktranslate %}", start) + len("{% endblocktranslate %}")
    return "{% load i18n %}" + source[start:end]


def _render(template_path: str, marker: str, language: str, **context) -> str:
    from django.template import Context, Template

    with translation.override(language):
        return Template(_snippet(template_path, marker)).render(Context(context))


@pytest.mark.parametrize(
    ("language", "total", "expected"),
    [
        ("nl", 1, "1 ervaringsdeskundige gevonden"),
        ("nl", 2, "2 ervaringsdeskundigen gevonden"),
        ("en", 1, "1 experience expert found"),
        ("en", 2, "2 experience experts found"),
    ],
)
def test_directory_total_agrees_with_its_number(language, total, expected):
    page = SimpleNamespace(total=total)
    html = _render(
        "inzet/directory/templates/directory/expert_list.html", "ervaringsdeskundige gevonden", language, page=page
    )
    assert html.strip() == expected


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("nl", 1, "regel “Logboek”: 1 dag"),
        ("nl", 2, "regel “Logboek”: 2 dagen"),
        ("en", 1, "rule “Logboek”: 1 day"),
        ("en", 2, "rule “Logboek”: 2 days"),
    ],
)
def test_register_retention_days_agree_with_their_number(language, days, expected):
    rule = SimpleNamespace(period_days=days, name="Logboek")
    html = _render("inzet/privacy/templates/privacy/register.html", "{{ days }} dag{% plural %}", language, rule=rule)
    assert html.strip() == expected


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("nl", 1, "1 ervaringsdeskundige is actief. Die naam ziet alleen wie de ervaringsdeskundige dat toestaat."),
        ("nl", 2, "2 ervaringsdeskundigen zijn actief. Hun namen ziet alleen wie zij dat toestaan."),
        ("en", 1, "1 experience expert is active. Only people they allow can see their name."),
        ("en", 2, "2 experience experts are active. Only people they allow can see their names."),
    ],
)
def test_organisation_expert_count_agrees_with_its_number(language, count, expected):
    html = _render(
        "inzet/organisations/templates/organisations/detail.html",
        "ervaringsdeskundige is actief",
        language,
        expert_count=count,
    )
    assert html.strip() == expected


@pytest.mark.parametrize(
    ("language", "lessons", "expected"),
    [
        ("nl", 1, ["1 les van 1,5 uur (1,5 uur)", "Na minstens 1 les<"]),
        ("nl", 2, ["2 lessen van 1,5 uur (3 uur)", "Na minstens 2 lessen<"]),
        ("en", 1, ["1 lesson of 1.5 h (1.5 h)", "After at least 1 lesson<"]),
        ("en", 2, ["2 lessons of 1.5 h (3 h)", "After at least 2 lessons<"]),
    ],
)
def test_the_course_page_counts_lessons_in_the_right_form(client, settings, orgs, expert, language, lessons, expected):
    from django.urls import reverse

    from inzet.training.tests.access import course_for

    course = course_for(orgs.deploying, lessons=lessons, minimum_lessons=lessons, hours_per_lesson=D("1.5"))
    client.force_login(expert)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("training:course_detail", args=[course.pk])).content.decode()
    for text in expected:
        assert text in html
