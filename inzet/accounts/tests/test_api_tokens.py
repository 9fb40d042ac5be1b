from django.urls import reverse

from inzet.accounts.models import ApiToken


def test_it_shows_a_new_key_once_and_stores_only_its_hash(client, expert):
    client.force_login(expert)
    response = client.post(reverse("accounts:api_tokens"), {"name": "Rapportage"})
    body = response.content.decode()
    token = ApiToken.objects.get(user=expert)
    start = body.index("inz_")
    raw = body[start : body.index("<", start)]
    assert raw not in token.token_hash
    assert ApiToken.find(raw) == token


def test_it_asks_for_a_name_in_dutch(client, expert):
    client.force_login(expert)
    response = client.post(reverse("accounts:api_tokens"), {"name": ""})
    assert "Geef de sleutel een naam" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_it_refuses_to_revoke_someone_elses_key(client, expert, coordinator):
    token, _raw = ApiToken.issue(user=coordinator, name="van een ander")
    client.force_login(expert)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_the_owner_can_revoke_a_key(client, expert):
    token, _raw = ApiToken.issue(user=expert, name="oud")
    client.force_login(expert)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert not ApiToken.objects.filter(pk=token.pk).exists()
