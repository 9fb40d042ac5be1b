import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import term
from inzet.directory.tests.cases import CASES, fields, page_params
from inzet.experts.models import AccessLog, Audience

URL = reverse("directory:experts")


def _found(client, params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [row.profile.pk for row in response.context["page"].rows]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_filter_never_finds_an_expert_who_hides_that_item(client, coordinator, expert_factory, case):
    params, shared_fields, hidden_fields = CASES[case]
    shared = expert_factory(**{"name": "Gedeeld Persoon", **fields(shared_fields)})
    expert_factory(**{"name": "Verborgen Persoon", **fields(hidden_fields)})
    client.force_login(coordinator)
    assert _found(client, page_params(params())) == [shared.pk]


def test_a_filter_leaves_out_experts_without_the_value(client, coordinator, expert_factory):
    match = expert_factory("Ria Rol", roles=("researcher",))
    expert_factory("Otto Ander", roles=("supporter",))
    client.force_login(coordinator)
    assert _found(client, {"roles": term("role", "researcher").pk}) == [match.pk]


def test_a_period_off_or_a_pause_makes_someone_unavailable(client, coordinator, expert_factory):
    from datetime import date

    from inzet.experts.models import UnavailablePeriod

    free = expert_factory("Vrije Vera")
    away = expert_factory("Weg Wim")
    UnavailablePeriod.objects.create(profile=away, start=date(2026, 12, 3), end=date(2026, 12, 10))
    expert_factory("Pauze Piet", paused=True)
    back = expert_factory("Terug Tom", paused=True, paused_until=date(2026, 11, 30))
    client.force_login(coordinator)
    found = _found(client, {"available_from": "2026-12-01", "available_to": "2026-12-05"})
    assert set(found) == {free.pk, back.pk}


def test_several_filters_and_a_search_combine(client, coordinator, expert_factory):
    match = expert_factory(
        "Combi Carla", areas=(("addiction", Audience.COORDINATORS),), roles=("researcher",), pc4="1011"
    )
    expert_factory("Half Hans", areas=(("addiction", Audience.COORDINATORS),), roles=("supporter",), pc4="1011")
    client.force_login(coordinator)
    params = {
        "areas": term("experience_area", "addiction").pk,
        "roles": term("role", "researcher").pk,
        "q": "amsterdam",
    }
    assert _found(client, params) == [match.pk]


def test_sorting_by_name_puts_hidden_names_last_without_using_them(client, coordinator, expert_factory):
    zed = expert_factory("Zed Verborgen", vis_name=Audience.ONLY_ME)
    bert = expert_factory("Bert Zichtbaar")
    aaron = expert_factory("Aaron Verborgen", vis_name=Audience.ONLY_ME)
    carla = expert_factory("Carla Zichtbaar")
    client.force_login(coordinator)
    # Hidden names keep the order in which they were made, not the alphabet.
    assert _found(client, {"sort": "name"}) == [bert.pk, carla.pk, zed.pk, aaron.pk]


def test_sorting_by_hours_ignores_hidden_hours(client, coordinator, expert_factory):
    hidden = expert_factory("Veel Uren", hours_per_week=60, vis_availability=Audience.ONLY_ME)
    few = expert_factory("Weinig Uren", hours_per_week=4)
    many = expert_factory("Meer Uren", hours_per_week=20)
    client.force_login(coordinator)
    assert _found(client, {"sort": "hours"}) == [many.pk, few.pk, hidden.pk]


def test_a_row_shows_only_what_the_expert_shares(client, coordinator, expert_factory):
    expert_factory(
        "Stille Stien",
        areas=(("addiction", Audience.ONLY_ME), ("autism", Audience.COORDINATORS)),
        vis_region=Audience.ONLY_ME,
        vis_roles=Audience.ONLY_ME,
        pc4="9711",
    )
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Stille Stien" in body and "Autisme" in body
    assert "Verslaving" not in body.split('id="resultaten"')[1]
    assert "Groningen" not in body.split('id="resultaten"')[1]
    assert "niet gedeeld" in body
    assert "Geheim verhaal" not in body


def test_a_hidden_name_is_not_shown(client, coordinator, expert_factory):
    profile = expert_factory("Anoniem Annelies", vis_name=Audience.ONLY_ME)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Annelies" not in body
    assert f"nr. {profile.pk}" in body


def test_another_organisations_coordinator_finds_nobody_of_ours(client, other_coordinator, expert_factory):
    expert_factory("Onze Olga")
    client.force_login(other_coordinator)
    assert _found(client, {}) == []
    assert _found(client, {"q": "Olga"}) == []


def test_a_trainer_of_the_organisation_searches_too(client, trainer, expert_factory, orgs):
    ours = expert_factory("Onze Olga")
    expert_factory("Andere Anna", organisation=orgs.other_deploying)
    client.force_login(trainer)
    assert _found(client, {}) == [ours.pk]


def test_shown_experiences_are_logged_in_one_go(client, coordinator, expert_factory):
    shown = expert_factory("Open Olga", areas=(("autism", Audience.COORDINATORS),))
    expert_factory("Dicht Dirk", areas=(("autism", Audience.ONLY_ME),))
    client.force_login(coordinator)
    client.get(URL)
    logged = list(AccessLog.objects.values_list("profile_id", "item", "context", "viewer_id"))
    assert logged == [(shown.pk, "experience", "search", coordinator.pk)]


def test_the_list_is_paged_by_25_and_counts_everyone(client, coordinator, expert_factory):
    for i in range(30):
        expert_factory(f"Persoon {i:02d}", refresh=False)
    client.force_login(coordinator)
    first = client.get(URL).context["page"]
    assert (first.total, len(first.rows), first.pages) == (30, 25, 2)
    second = client.get(URL, {"pagina": 2}).context["page"]
    assert len(second.rows) == 5 and second.number == 2
    beyond = client.get(URL, {"pagina": 9}).context["page"]
    assert beyond.number == 2 and len(beyond.rows) == 5
    assert "30 ervaringsdeskundigen gevonden" in client.get(URL).content.decode()


def test_a_wrong_date_range_is_explained_and_kept(client, coordinator, expert_factory):
    expert_factory("Iemand")
    client.force_login(coordinator)
    response = client.get(URL, {"available_from": "2026-12-10", "available_to": "2026-12-01", "q": "Iemand"})
    body = response.content.decode()
    assert "Deze datum ligt voor de begindatum" in body
    assert 'value="2026-12-10"' in body and 'value="Iemand"' in body
    assert response.context["page"].total == 1  # the valid part of the search still works


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, params).status_code == 200
    # Savepoints exist only because each test runs inside a transaction.
    return len([q for q in context.captured_queries if "SAVEPOINT" not in q["sql"]])


def test_the_list_takes_at_most_9_queries_whatever_the_number_of_experts(client, coordinator, expert_factory):
    params = {
        "q": "utrecht",
        "areas": term("experience_area", "mental_health").pk,
        "roles": term("role", "supporter").pk,
        "available_from": "2026-12-01",
        "sort": "hours",
    }
    for i in range(55):
        expert_factory(f"Persoon {i}", training=("Cursus",), competences=(("methods_tools", True),))
    client.force_login(coordinator)
    client.get(URL)
    small = _queries(client, params)
    for i in range(30):
        expert_factory(f"Nog iemand {i}")
    # 9: session, user, two-step devices (one query for every kind), roles, the facets' candidates
    # (selectors._facet_candidates), page + total, labels + linked rows, access log, unread counts.
    assert _queries(client, params) == small <= 9


def test_the_table_rows_escape_every_value_and_mark_what_is_hidden_or_empty():
    from types import SimpleNamespace

    from inzet.directory.templatetags.directory import expert_rows

    row = SimpleNamespace(
        display_name="<b>Ans</b> & Co",
        areas=["Armoede <i>en</i> schulden"],
        roles=None,  # not shared
        expert_level="",  # not filled in
        municipality="'s-Hertogenbosch",
        hours=8,
        paused=True,
        work_form="<script>x</script>",
        status="Actief",
    )
    html = str(expert_rows([row, SimpleNamespace(**{**vars(row), "areas": [], "paused": False, "hours": None})]))
    assert "&lt;b&gt;Ans&lt;/b&gt; &amp; Co" in html and "<b>" not in html
    assert "Armoede &lt;i&gt;en&lt;/i&gt; schulden" in html and "<script>" not in html
    assert '<td><span class="inzet-muted">niet gedeeld</span></td>' in html
    assert '<td><span class="inzet-muted">niet ingevuld</span></td>' in html
    assert "<td>&#x27;s-Hertogenbosch</td>" in html and "<td>8 (pauze)</td>" in html
    assert '<td><span class="inzet-muted">niets gedeeld</span></td>' in html  # the second row
    assert html.count("<tr>") == 2 and html.count('<th scope="row">') == 2


def test_checkbox_lists_escape_labels_mark_the_chosen_ones_and_follow_the_language():
    """forms.Checkboxes keeps each list's escaped markup (forms._option_parts); only "checked" and
    the labels of the current language change per request."""
    from django import forms as django_forms
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from inzet.directory.forms import Checkboxes

    class Form(django_forms.Form):
        kinds = django_forms.MultipleChoiceField(
            choices=[("a&b", "<i>Een</i> & twee"), ("2", gettext_lazy("Pauze"))], widget=Checkboxes, required=False
        )

    for _ in range(2):  # the second time from the kept markup
        html = str(Form({"kinds": ["2"]})["kinds"])
        assert 'value="a&amp;b" id="id_kinds_0">' in html and "&lt;i&gt;Een&lt;/i&gt; &amp; twee" in html
        assert 'value="2" id="id_kinds_1" checked> Pauze' in html and "<i>" not in html
        assert html.count(" checked") == 1
    assert str(Form({})["kinds"]).count(" checked") == 0
    with translation.override("en"):
        assert "> Break</label>" in str(Form({})["kinds"])


def test_the_fixed_choice_labels_are_kept_per_language():
    from django.utils import translation

    from inzet.directory.selectors import choice_labels
    from inzet.experts.models import Weekday

    with translation.override("nl"):
        dutch = choice_labels()
        assert dutch["status"]["active"] == "Actief" and dutch["day"][Weekday.MONDAY] == "maandag"
    with translation.override("en"):
        english = choice_labels()
        assert english["status"]["active"] == "Active" and english["day"][Weekday.MONDAY] == "Monday"
    with translation.override("nl"):
        assert choice_labels() is dutch  # translated once per language, not once per list
