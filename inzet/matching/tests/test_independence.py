"""Independence (issue 4 item 5, docs/domain/request-loop.md#independence): a coordinator who is also an expert of the same
organisation never appears in their own ranking or team, whatever the pool looks like.

rules.py and team.py have their own property tests; these go through the database, the selector
and the page, with random pools of real profiles.
"""

from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inzet.experts.models import AgeBand, Audience, ExpertExperience
from inzet.matching import selectors
from inzet.matching.tests.conftest import make_expert

AREAS = ("poverty_debt", "addiction", "autism")
LEVELS = ("experience", "experiential_knowledge", "expertise", "professional")
VISIBILITY = st.sampled_from(list(Audience.values))

experts = st.fixed_dictionaries(
    {
        "areas": st.dictionaries(st.sampled_from(AREAS), VISIBILITY, max_size=3),
        "roles": st.sampled_from([(), ("policy_influencer",), ("researcher",)]),
        "level": st.sampled_from(LEVELS),
        "paused": st.booleans(),
        "consent_matching": st.booleans(),
        "available_days": st.integers(0, 127),
        "age_band": st.sampled_from(list(AgeBand.values)),
        "vis_benefit": VISIBILITY,
        "vis_roles": VISIBILITY,
        "vis_level": VISIBILITY,
        "vis_name": VISIBILITY,
    }
)
own_profile = st.fixed_dictionaries(
    {
        "areas": st.dictionaries(st.sampled_from(AREAS), VISIBILITY, min_size=1, max_size=3),
        "level": st.sampled_from(LEVELS),
    }
)
property_settings = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@property_settings
@given(pool=st.lists(experts, max_size=6), own=own_profile, needed=st.integers(1, 3))
def test_the_coordinator_is_never_in_their_own_ranking_or_team(
    client, coordinator, coordinator_expert, orgs, matching_request, pool, own, needed
):
    client.force_login(coordinator)
    with transaction.atomic():
        matching_request.experts_needed = needed
        matching_request.save(update_fields=["experts_needed"])
        # The coordinator's own profile varies too: it must never matter how well they fit.
        coordinator_expert.experiences.all().delete()
        for code, visibility in own["areas"].items():
            ExpertExperience.objects.create(
                profile=coordinator_expert,
                description="",
                visibility=visibility,
                **ExpertExperience.area_fields(_area(code), visibility),
            )
        profiles = [make_expert(orgs.deploying, **fields) for fields in pool]
        excluded = {p.pk for p in profiles if p.paused or not p.consent_matching} | {coordinator_expert.pk}

        response = client.get(reverse("matching:request", args=[matching_request.pk]))
        assert response.status_code == 200
        page = response.context["page"]
        shown = {row.expert_id for row in page.ranking}
        in_teams = {
            m.expert_id for team in ([page.team] if page.team else []) + page.alternatives for m in team.members
        }
        assert not (shown | in_teams) & excluded
        assert f'name="expert" value="{coordinator_expert.pk}"' not in response.content.decode()
        assert str(coordinator_expert.pk) not in (page.team.expert_ids.split(",") if page.team else [])

        # The selector path the API uses gives the same answer.
        api_page = selectors.matching_page(matching_request, coordinator, context="api")
        assert [r.expert_id for r in api_page.ranking] == [r.expert_id for r in page.ranking]
        transaction.set_rollback(True)


def _area(code: str) -> int:
    from conftest import term

    return term("experience_area", code).pk


def test_the_page_leaves_out_a_coordinator_who_fits_best(
    client, coordinator, coordinator_expert, orgs, matching_request
):
    other = make_expert(orgs.deploying, name="Andere Deskundige", areas={"poverty_debt": Audience.COORDINATORS})
    client.force_login(coordinator)
    page = client.get(reverse("matching:request", args=[matching_request.pk])).context["page"]
    assert [row.expert_id for row in page.ranking] == [other.pk]
    assert [m.expert_id for m in page.team.members] == [other.pk]


def test_another_coordinator_does_see_the_coordinator_as_expert(client, coordinator_expert, orgs, matching_request):
    """Independence is per person: a colleague may propose the coordinator for this request."""
    from conftest import make_person
    from inzet.organisations.models import Role

    colleague = make_person("collega@test.nl", "Collega Coördinator", [(orgs.deploying, Role.COORDINATOR)])
    client.force_login(colleague)
    page = client.get(reverse("matching:request", args=[matching_request.pk])).context["page"]
    assert [row.expert_id for row in page.ranking] == [coordinator_expert.pk]
