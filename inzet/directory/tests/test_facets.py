"""The facets in the search document (directory/facets.py): what they hold, and that the
coordinators' search really uses them to narrow (and only to narrow)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import term
from inzet.directory.filters import ExpertFilters
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.selectors import coordinator_experts
from inzet.experts.models import Audience

ONLY_ME = Audience.ONLY_ME


def _facets(profile) -> set[str]:
    return set(ExpertSearchDocument.objects.get(profile=profile).coordinators_facets.split())


def _found(coordinator, **filters) -> set[int]:
    return set(coordinator_experts(coordinator, ExpertFilters(**filters)).values_list("pk", flat=True))


def test_the_facets_hold_only_what_the_expert_shares_with_coordinators(expert_factory, orgs):
    shared = expert_factory(
        areas=(("mental_health", Audience.COORDINATORS), ("addiction", ONLY_ME)),
        roles=("supporter",),
        relational_roles=("gadfly",),
        settings=("peer_groups",),
        languages=("pap",),
        competences=(("methods_tools", True), ("own_expertise", False)),
    )
    facets = _facets(shared)
    assert f"a{term('experience_area', 'mental_health').pk}" in facets
    assert f"a{term('experience_area', 'addiction').pk}" not in facets  # kept to the expert
    assert {
        f"r{term('role', 'supporter').pk}",
        f"x{term('relational_role', 'gadfly').pk}",
        f"s{term('practice_setting', 'peer_groups').pk}",
        f"l{term('language', 'pap').pk}",
        f"c{term('competence', 'methods_tools').pk}",
        f"k{term('competence', 'methods_tools').pk}",  # confirmed
        f"c{term('competence', 'own_expertise').pk}",
    } <= facets
    assert f"k{term('competence', 'own_expertise').pk}" not in facets  # only self-assessed
    hidden = expert_factory(
        roles=("supporter",), languages=("pap",), vis_roles=ONLY_ME, vis_languages=ONLY_ME, vis_competences=ONLY_ME
    )
    assert not {f for f in _facets(hidden) if f[0] in "rxslck"}
    assert ExpertSearchDocument.objects.get(profile=hidden).organisation_id == orgs.deploying.pk


def test_the_search_is_narrowed_by_the_facets_first(expert_factory, coordinator):
    """Proof that the facets are used: a document whose facets (deliberately) say otherwise keeps
    an expert out, although the live rows match. Services never leave it like that: every profile
    write rebuilds the document in the same transaction."""
    expert = expert_factory(roles=("supporter",))
    supporter = term("role", "supporter").pk
    with CaptureQueriesContext(connection) as captured:
        assert expert.pk in _found(coordinator, roles=(supporter,))
    facets_query, page_query = (q["sql"] for q in captured.captured_queries[-2:])
    assert "coordinators_facets" in facets_query and "coordinators_facets" not in page_query
    # The candidates' ids go first, in the main query: each candidate's profile row is read once.
    assert page_query.count('FROM "experts_expertprofile"') == 1
    ExpertSearchDocument.objects.filter(profile=expert).update(coordinators_facets=" ")
    assert expert.pk not in _found(coordinator, roles=(supporter,))
    assert expert.pk in _found(coordinator)  # without a facet filter nothing is narrowed


def test_too_many_candidates_are_not_listed_but_checked_in_full(expert_factory, coordinator, monkeypatch):
    from inzet.directory import selectors

    experts = {expert_factory(roles=("supporter",)).pk for _ in range(3)}
    monkeypatch.setattr(selectors, "NARROW_LIMIT", 2)
    with CaptureQueriesContext(connection) as captured:
        found = _found(coordinator, roles=(term("role", "supporter").pk,))
    assert experts <= found
    assert "coordinators_facets" not in captured.captured_queries[-1]["sql"]


def test_search_words_are_checked_with_the_facets_and_the_same_people_are_found(
    expert_factory, coordinator, monkeypatch
):
    """With a facet filter, the words are looked up in the facets query (on the few documents it
    leaves), and the page query no longer reads the search document. Too many candidates: the page
    query checks the words itself. Either way the same people are found."""
    from inzet.directory import selectors

    utrecht = {expert_factory(f"Utrecht {i}", pc4="3511", roles=("supporter",)).pk for i in range(3)}
    expert_factory("Elders", pc4="1011", roles=("supporter",))
    expert_factory("Utrecht zonder rol", pc4="3511", roles=())
    supporter = term("role", "supporter").pk
    with CaptureQueriesContext(connection) as captured:
        assert _found(coordinator, q="utrecht", roles=(supporter,)) == utrecht
    facets_query, page_query = (q["sql"] for q in captured.captured_queries[-2:])
    assert "coordinators_text" in facets_query and "coordinators_facets" in facets_query
    assert "coordinators_text" not in page_query and "directory_expertsearchdocument" not in page_query
    assert _found(coordinator, q="utrecht amsterdam", roles=(supporter,)) == set()
    monkeypatch.setattr(selectors, "NARROW_LIMIT", 2)
    with CaptureQueriesContext(connection) as captured:
        assert _found(coordinator, q="utrecht", roles=(supporter,)) == utrecht
    assert "coordinators_text" in captured.captured_queries[-1]["sql"]  # the page query searches


def test_facets_never_let_through_what_a_live_check_refuses(expert_factory, coordinator):
    """Facets that claim too much (stale the other way) do not show anyone: the live rows decide."""
    expert = expert_factory(roles=("supporter",))
    researcher = term("role", "researcher").pk
    ExpertSearchDocument.objects.filter(profile=expert).update(coordinators_facets=f" r{researcher} ")
    assert expert.pk not in _found(coordinator, roles=(researcher,))


def test_unbuilt_facets_are_checked_in_full(expert_factory, coordinator):
    built = expert_factory(roles=("supporter",))
    unbuilt = expert_factory(roles=("supporter",))
    ExpertSearchDocument.objects.filter(profile=unbuilt).update(coordinators_facets=None)
    assert {built.pk, unbuilt.pk} <= _found(coordinator, roles=(term("role", "supporter").pk,))
    assert not {built.pk, unbuilt.pk} & _found(coordinator, roles=(term("role", "researcher").pk,))


def test_a_new_profile_has_its_search_document_at_once(orgs):
    from conftest import make_person
    from inzet.experts.services import profile_create
    from inzet.organisations.models import Role

    user = make_person("nieuw@dir.test", "Nieuwe Deskundige", [(orgs.deploying, Role.EXPERT)])
    profile = profile_create(user=user, organisation=orgs.deploying)
    document = ExpertSearchDocument.objects.get(profile=profile)
    assert (document.organisation_id, document.coordinators_facets) == (orgs.deploying.pk, " ")
