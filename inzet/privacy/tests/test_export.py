"""The data export: everything about the person, readable (PDF) and machine-readable (JSON),
decrypted for the owner only, in a bounded number of queries, logged."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog
from inzet.privacy.models import DataRightsEvent

pytestmark = pytest.mark.django_db


def _open(response) -> tuple[dict, str]:
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("gegevens.json"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read("gegevens.pdf"))).pages)
    return data, text


def test_the_owner_gets_everything_decrypted(client, orgs, expert, expert_profile, asker, coordinator):
    f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    AccessLog.objects.create(profile=expert_profile, viewer=coordinator, item="experience", context="page")
    client.force_login(expert)
    data, text = _open(client.get(reverse("privacy:export")))
    sections = data["sections"]
    assert sections["account"][0]["email"] == "expert@test.nl"
    stories = {row["description"] for row in sections["experiences"]}
    assert stories == {"Geheim verhaal", "Schulden verhaal", "Openbaar verhaal"}  # decrypted, "only me" too
    assert sections["profile"][0]["benefit_situation"] == "wajong"
    assert sections["consent"][0]["vis_benefit"] == "Alleen ik"
    assert sections["access_log"][0]["viewer"] == "Cor Coördinator"
    assert len(sections["hours"]) == 1 and len(sections["expenses"]) == 1 and len(sections["payouts"]) == 2
    assert len(sections["invitations"]) == 1
    assert "password" not in sections["account"][0]
    # The PDF says the same, in words.
    assert "Geheim verhaal" in text and "Wie heeft uw gegevens bekeken" in text and "Betalingen" in text
    assert DataRightsEvent.objects.filter(subject=expert, actor=expert, kind="export").count() == 1


def test_it_holds_nothing_of_other_people(client, expert, expert_profile, other_asker):
    client.force_login(other_asker)
    data, text = _open(client.get(reverse("privacy:export")))
    assert "Geheim verhaal" not in json.dumps(data) and "Geheim verhaal" not in text
    assert data["sections"]["account"][0]["email"] == "asker@andere.nl"
    assert "experiences" not in data["sections"]


def test_the_number_of_queries_does_not_grow_with_the_data(
    client, orgs, expert, expert_profile, asker, coordinator, django_assert_max_num_queries
):
    client.force_login(expert)
    for _ in range(3):
        f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    for _ in range(20):
        AccessLog.objects.create(profile=expert_profile, viewer=coordinator, item="experience", context="page")
    with django_assert_max_num_queries(40):
        response = client.get(reverse("privacy:export"))
    data, _text = _open(response)
    assert len(data["sections"]["access_log"]) == 20 and len(data["sections"]["hours"]) == 3
