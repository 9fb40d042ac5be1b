"""The processing register: every model that holds personal data is declared, and the page and
download are generated from those declarations and the models' fields."""

import csv
import io

import pytest
from django.apps import apps
from django.urls import reverse

from inzet.privacy.detect import personal_models
from inzet.privacy.models import RetentionRule
from inzet.privacy.registry import REGISTER
from inzet.privacy.retention import HANDLERS


def test_every_model_with_personal_data_is_declared():
    missing = sorted(set(personal_models()) - set(REGISTER))
    assert missing == [], f"Declare purpose, basis, recipients and retention in inzet/privacy/registry.py: {missing}"


def test_every_declaration_names_a_real_model_and_a_real_rule():
    for label, processing in REGISTER.items():
        apps.get_model(label)
        assert not processing.rule or processing.rule in HANDLERS, label


@pytest.mark.django_db
def test_every_rule_has_a_job_and_a_public_source():
    rules = list(RetentionRule.objects.all())
    assert {rule.code for rule in rules} == set(HANDLERS)
    for rule in rules:
        assert rule.source.startswith(("https://wetten.overheid.nl/", "https://eur-lex.europa.eu/")), rule.code
    assert RetentionRule.objects.get(code="bookkeeping_files").period_days >= 7 * 365


@pytest.mark.django_db
def test_a_period_below_the_legal_minimum_is_refused():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RetentionRule.objects.filter(code="bookkeeping_files").update(period_days=30)


@pytest.mark.django_db
def test_the_operator_reads_and_downloads_the_register(client, operator, django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("privacy:register")).content.decode()
    assert "Verwerkingsregister" in page and "ervaringsdeskundige" in page and "wetten.overheid.nl" in page
    response = client.get(reverse("privacy:register_download"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(REGISTER) + 1
    profile_row = next(row for row in rows if "(experts.ExpertProfile)" in row[0])
    assert "IBAN" in profile_row[7] and profile_row[8] == "ja"
