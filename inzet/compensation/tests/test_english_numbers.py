"""Hours and amounts on compensation pages follow the reader's language: 1,5 and € 125,00 in Dutch, 1.5 and €125.00 in English."""

import re

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from inzet.compensation.tests import factories as f


def _shown(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_the_filters_write_numbers_and_money_the_dutch_and_the_english_way():
    template = Template("{% load compensation %}{{ hours|number }}|{{ amount|euro }}|{{ rate|percentage }}")
    context = {"hours": "1.50", "amount": "1234.5", "rate": "12.5"}
    with translation.override("nl"):
        dutch = template.render(Context(context))
    with translation.override("en"):
        english = template.render(Context(context))
    assert dutch == '1,5|<data class="utrecht-currency-data" value="1234.50">€ 1.234,50</data>|12,5%'
    assert english == '1.5|<data class="utrecht-currency-data" value="1234.50">€1,234.50</data>|12.5%'


def test_the_assignment_page_shows_hours_and_amounts_in_the_readers_language(
    client, settings, in_2025, job, coordinator, expert
):
    f.approved_hours(job, coordinator, "1.5")
    f.approved_expense(job, coordinator, "125")
    client.force_login(expert)
    url = reverse("compensation:assignment", args=[job.pk])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = _shown(client.get(url).content.decode())
    assert "<td>1,5</td>" in dutch and "€ 125,00" in dutch and "1.5" not in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = _shown(client.get(url).content.decode())
    assert "<td>1.5</td>" in english and "€125.00" in english
    assert "1,5" not in english and "125,00" not in english
