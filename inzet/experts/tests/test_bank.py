"""IBAN and account holder: entered by the expert and by a coordinator on their behalf, checked, encrypted, masked."""

import pytest
from django.db import connection
from django.urls import reverse

from inzet.experts.models import AccessLog, ExpertProfile
from inzet.lib import iban


@pytest.mark.parametrize(
    "raw,problem",
    [
        ("NL91ABNA0417164300", None),
        ("nl91 abna 0417 1643 00", None),
        ("NL92ABNA0417164300", "checksum"),
        ("BE68539007547034", None),
        ("hallo", "format"),
    ],
)
def test_it_checks_an_iban_with_schwifty(raw, problem):
    assert iban.iban_problem(raw) == problem


def test_it_masks_all_but_the_country_and_the_last_four():
    assert iban.masked("nl91abna0417164300") == "NL** **** **** **43 00"


def test_the_expert_enters_an_iban_with_spaces_and_lowercase(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(
        reverse("experts:my_bank"), {"iban": "nl91 abna 0417 1643 00", "account_holder": "  E.  Expert "}
    )
    assert response.status_code == 302
    expert_profile.refresh_from_db()
    assert (expert_profile.iban, expert_profile.account_holder) == ("NL91ABNA0417164300", "E. Expert")
    with connection.cursor() as cursor:  # encrypted at rest
        cursor.execute("SELECT iban, account_holder FROM experts_expertprofile WHERE id = %s", [expert_profile.pk])
        stored = cursor.fetchone()
    assert "NL91" not in stored[0] and "Expert" not in stored[1]
    # The owner's input field holds the whole number; the profile page shows it masked.
    assert "NL91 ABNA 0417 1643 00" in client.get(reverse("experts:my_bank")).content.decode()
    profile_page = client.get(reverse("experts:my_profile")).content.decode()
    assert "NL** **** **** **43 00" in profile_page and "0417 1643" not in profile_page


def test_a_wrong_checksum_is_refused_in_dutch_and_the_other_input_is_kept(client, expert, expert_profile):
    client.force_login(expert)
    response = client.post(
        reverse("experts:my_bank"), {"iban": "NL92 ABNA 0417 1643 00", "account_holder": "Eef Expert"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit IBAN klopt niet: de controlecijfers passen niet bij het nummer." in body
    assert 'value="Eef Expert"' in body and 'value="NL92 ABNA 0417 1643 00"' in body
    expert_profile.refresh_from_db()
    assert expert_profile.iban == ""


def test_a_coordinator_enters_the_iban_on_the_experts_behalf_and_sees_it_masked(client, coordinator, expert_profile):
    client.force_login(coordinator)
    url = reverse("experts:bank_for", args=[expert_profile.pk])
    response = client.post(url, {"iban": "NL02ABNA0123456789", "account_holder": "Eef Expert"})
    assert response.status_code == 302
    expert_profile.refresh_from_db()
    assert expert_profile.iban == "NL02ABNA0123456789"

    page = client.get(url).content.decode()
    assert "NL** **** **** **67 89" in page and "0123 4567" not in page and "0123456789" not in page
    detail = client.get(reverse("experts:detail", args=[expert_profile.pk])).content.decode()
    assert "NL** **** **** **67 89" in detail and "0123456789" not in detail
    # The expert sees in their access log that a coordinator looked at the bank details.
    assert AccessLog.objects.filter(profile=expert_profile, viewer=coordinator, item="bank").exists()


def test_a_coordinator_who_only_corrects_the_name_keeps_the_iban(client, coordinator, expert_profile):
    ExpertProfile.objects.filter(pk=expert_profile.pk).update(iban="NL91ABNA0417164300")
    expert_profile.refresh_from_db()
    expert_profile.account_holder = "Eef"
    expert_profile.save()
    client.force_login(coordinator)
    client.post(reverse("experts:bank_for", args=[expert_profile.pk]), {"iban": "", "account_holder": "Eef Expert"})
    expert_profile.refresh_from_db()
    assert (expert_profile.iban, expert_profile.account_holder) == ("NL91ABNA0417164300", "Eef Expert")


def test_others_cannot_open_the_bank_details(client, trainer, outsider, expert_profile):
    url = reverse("experts:bank_for", args=[expert_profile.pk])
    client.force_login(trainer)
    assert client.get(url).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404
