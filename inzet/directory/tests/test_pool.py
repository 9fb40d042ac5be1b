from django.urls import reverse

from inzet.directory.selectors import pool_overview
from inzet.experts.models import Audience

URL = reverse("directory:pool")


def _counts(pool, code) -> dict[str, int]:
    dimension = next(d for d in pool.dimensions if d.code == code)
    return {c.label: c.count for c in dimension.counts}


def test_it_counts_only_what_is_shared_with_coordinators(coordinator, expert_factory):
    for _ in range(6):
        expert_factory(
            areas=(("autism", Audience.COORDINATORS),), age_band="27_plus", vis_benefit=Audience.COORDINATORS
        )
    for _ in range(3):
        expert_factory(areas=(("autism", Audience.ONLY_ME),), age_band="27_plus", vis_benefit=Audience.ONLY_ME)
    for _ in range(2):
        expert_factory(pc4="9711", vis_region=Audience.ONLY_ME)
    pool = pool_overview(coordinator)
    assert pool.total == 11
    assert _counts(pool, "experience_areas")["Autisme"] == 6
    assert _counts(pool, "age_bands")["27 of ouder"] == 6
    assert _counts(pool, "regions")["Utrecht"] == 9
    assert _counts(pool, "regions")["Groningen"] == 0
    assert _counts(pool, "roles")["Ondersteuner, begeleider, maatje of coach"] == 11


def test_it_counts_only_its_own_organisation_and_active_experts(coordinator, expert_factory, orgs):
    expert_factory()
    expert_factory(status="inactive")
    expert_factory(organisation=orgs.other_deploying)
    assert pool_overview(coordinator).total == 1


def test_the_page_shows_counts_not_names_and_hides_small_numbers(client, coordinator, expert_factory):
    for _ in range(7):
        expert_factory("Zichtbare Zus", areas=(("autism", Audience.COORDINATORS),))
    expert_factory("Enige Eva", areas=(("addiction", Audience.COORDINATORS),))
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Zichtbare Zus" not in body and "Enige Eva" not in body  # ("Eva" alone is in the menu: Evaluatie)
    assert "minder dan 5" in body
    table = body.split("Ervaringsgebieden: aantal ervaringsdeskundigen")[1].split("</table>")[0]
    assert '<th scope="row">Autisme</th><td>7</td>' in table
    assert '<th scope="row">Verslaving</th><td>minder dan 5</td>' in table
    assert 'role="img"' in body and "<title" in body


def test_the_pool_page_takes_a_fixed_number_of_queries(
    client, coordinator, expert_factory, django_assert_max_num_queries
):
    for _ in range(20):
        expert_factory(refresh=False)
    client.force_login(coordinator)
    with django_assert_max_num_queries(15):
        assert client.get(URL, {"who": "all"}).status_code == 200
