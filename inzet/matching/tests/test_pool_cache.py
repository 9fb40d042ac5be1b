"""The matching page's per-process candidate pool (pool_cache): stale versions, writes past the services,
every service family that changes what matching reads, and organisations kept apart."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import term
from inzet.experts import services
from inzet.experts.models import Audience, ExpertCompetence, ExpertProfile, ExpertStatus
from inzet.matching import pool_cache
from inzet.matching.tests.conftest import make_expert, make_request


def names(client, user, request) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("matching:request", args=[request.pk]))
    assert response.status_code == 200
    page = response.context["page"]
    team = [m.name for t in ([page.team] if page.team else []) + page.alternatives for m in t.members]
    return [row.name for row in page.ranking] + team


def test_a_new_version_rebuilds_the_pool(client, coordinator, orgs, matching_request):
    make_expert(orgs.deploying, name="Eerste")
    assert "Eerste" in names(client, coordinator, matching_request)
    # Created past the services: the cached pool does not know her yet (that the cache is used) ...
    make_expert(orgs.deploying, name="Nieuwe")
    assert "Nieuwe" not in names(client, coordinator, matching_request)
    # ... until a service renews the organisation's version.
    services.matching_changed(organisation_ids=[orgs.deploying.pk])
    assert "Nieuwe" in names(client, coordinator, matching_request)


@pytest.mark.parametrize(
    "change",
    [{"consent_matching": False}, {"paused": True}, {"status": ExpertStatus.INACTIVE}],
    ids=["consent withdrawn", "paused", "inactive"],
)
def test_a_write_past_the_services_never_shows_the_expert(client, coordinator, orgs, matching_request, change):
    gone = make_expert(orgs.deploying, name="Trekt Zich Terug")
    make_expert(orgs.deploying, name="Blijft")
    assert "Trekt Zich Terug" in names(client, coordinator, matching_request)
    version = pool_cache.version(orgs.deploying.pk)
    ExpertProfile.objects.filter(pk=gone.pk).update(**change)  # no service, no new version
    assert pool_cache.version(orgs.deploying.pk) == version
    shown = names(client, coordinator, matching_request)
    assert "Trekt Zich Terug" not in shown
    assert "Blijft" in shown


def test_two_organisations_do_not_share_a_pool(client, coordinator, other_coordinator, orgs, asker, matching_request):
    make_expert(orgs.deploying, name="Van Ervaring")
    make_expert(orgs.other_deploying, name="Van Andere")
    other = make_request(orgs, asker, other_coordinator)
    other.deploying_organisation = orgs.other_deploying
    other.save(update_fields=["deploying_organisation"])
    assert names(client, coordinator, matching_request)[:1] == ["Van Ervaring"]
    assert names(client, other_coordinator, other)[:1] == ["Van Andere"]
    assert "Van Andere" not in names(client, coordinator, matching_request)


def _changes_version(organisation_id, write) -> bool:
    before = pool_cache.version(organisation_id)
    write()
    return pool_cache.version(organisation_id) != before


def test_every_expert_service_that_changes_matching_renews_the_version(orgs, coordinator):
    profile = make_expert(orgs.deploying)
    org = orgs.deploying.pk
    today = timezone.localdate()
    assert _changes_version(org, lambda: services.profile_update(profile=profile, changes={"travel_radius_km": 12}))
    assert _changes_version(
        org, lambda: services.experiences_set(profile=profile, stories={term("experience_area", "autism"): "Ik"})
    )
    assert _changes_version(
        org,
        lambda: services.visibility_set(profile=profile, items={"roles": Audience.ONLY_ME}, consent_matching=False),
    )
    assert _changes_version(org, lambda: services.profile_pause(profile=profile, until=None))
    assert _changes_version(org, lambda: services.profile_resume(profile=profile))
    assert _changes_version(
        org, lambda: services.unavailable_add(profile=profile, start=today, end=today + timedelta(days=2))
    )
    period = profile.unavailable_periods.get()
    assert _changes_version(org, lambda: services.unavailable_remove(period=period))
    assert _changes_version(
        org, lambda: services.competence_add(profile=profile, competence=term("competence", "change_advice"))
    )
    competence = ExpertCompetence.objects.get(profile=profile)
    assert _changes_version(org, lambda: services.competence_confirm(competence=competence, confirmed_by=coordinator))
    assert not _changes_version(orgs.other_deploying.pk, lambda: services.profile_resume(profile=profile))


def test_printed_criteria_are_kept_per_language(client, coordinator, orgs, matching_request):
    """The cached entry keeps the printed criteria per language: a warm page in English never shows Dutch."""
    from django.utils import translation

    make_expert(orgs.deploying, name="Eerste")
    client.force_login(coordinator)
    url = reverse("matching:request", args=[matching_request.pk])
    dutch = client.get(url).context["page"].ranking[0].lines
    with translation.override("en"):
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").context["page"].ranking[0].lines
    again = client.get(url).context["page"].ranking[0].lines
    assert [line.label for line in dutch] != [line.label for line in english]
    assert any("points" in line.points for line in english) and not any("punten" in line.points for line in english)
    assert again == dutch
