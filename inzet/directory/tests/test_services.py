from django.core.management import call_command

from inzet.directory import text
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.services import bulk_build_documents, search_document_refresh
from inzet.experts import services as expert_services
from inzet.experts.models import Audience


def _document(profile) -> ExpertSearchDocument:
    return ExpertSearchDocument.objects.get(profile=profile)


def test_it_indexes_what_coordinators_may_see(expert_factory):
    profile = expert_factory(
        "Fenna Veenstra",
        areas=(("poverty_debt", Audience.COORDINATORS),),
        languages=("pap",),
        training=("Herstelwerkplaats",),
    )
    document = _document(profile).coordinators_text
    for query in ("Fenna", "Veenstra", "schulden", "Papiamento", "herstelwerkplaats", "Utrecht", "ondersteuner"):
        assert text.matches(document, query), query


def test_it_never_indexes_hidden_items_or_the_stories(expert_factory):
    profile = expert_factory(
        "Geheime Naam",
        areas=(("addiction", Audience.ONLY_ME), ("mental_health", Audience.COORDINATORS)),
        vis_name=Audience.ONLY_ME,
        vis_region=Audience.ONLY_ME,
        vis_roles=Audience.ONLY_ME,
    )
    document = _document(profile).coordinators_text
    for query in ("Geheime", "verslaving", "Utrecht", "ondersteuner", "verhaal"):
        assert not text.matches(document, query), query
    assert text.matches(document, "psychische")


def test_the_public_text_holds_only_public_items(expert_factory):
    profile = expert_factory(
        "Publieke Persoon",
        areas=(("autism", Audience.PUBLIC), ("addiction", Audience.ASKERS)),
        vis_name=Audience.PUBLIC,
        vis_region=Audience.COORDINATORS,
    )
    document = _document(profile)
    assert text.matches(document.public_text, "autisme Publieke")
    assert not text.matches(document.public_text, "verslaving")
    assert not text.matches(document.public_text, "Utrecht")
    assert text.matches(document.coordinators_text, "verslaving Utrecht")


def test_a_refresh_follows_a_changed_choice(expert_factory):
    profile = expert_factory("Wisselende Willemijn")
    assert text.matches(_document(profile).coordinators_text, "Willemijn")
    profile.vis_name = Audience.ONLY_ME
    profile.save()
    search_document_refresh(profile_ids=[profile.pk])
    assert not text.matches(_document(profile).coordinators_text, "Willemijn")


def test_a_profile_write_in_the_experts_app_refreshes_the_search_words(expert_factory):
    # experts announces the change (experts/signals.py); the directory listens (receivers.py).
    profile = expert_factory("Stille Sanne", vis_name=Audience.PUBLIC)
    assert text.matches(_document(profile).public_text, "Sanne")
    expert_services.visibility_set(profile=profile, items={"name": Audience.COORDINATORS})
    assert not text.matches(_document(profile).public_text, "Sanne")


def test_the_bulk_build_gives_the_same_documents_as_a_refresh(expert_factory):
    profiles = [expert_factory(f"Persoon {i}", training=("Cursus",)) for i in range(5)]
    before = {d.pk: (d.coordinators_text, d.public_text) for d in ExpertSearchDocument.objects.all()}
    ExpertSearchDocument.objects.all().delete()
    assert bulk_build_documents() == 5
    after = {d.pk: (d.coordinators_text, d.public_text) for d in ExpertSearchDocument.objects.all()}
    assert after == before and set(after) == {p.pk for p in profiles}


def test_the_bulk_build_takes_a_fixed_number_of_queries(expert_factory, django_assert_max_num_queries):
    for i in range(30):
        expert_factory(f"Persoon {i}", refresh=False)
    with django_assert_max_num_queries(8):
        assert bulk_build_documents() == 30


def test_the_reindex_command_rebuilds_every_document(expert_factory, capsys):
    profile = expert_factory("Herbouwde Hanna", refresh=False)
    call_command("inzet_reindex", "--no-progress")
    assert text.matches(_document(profile).coordinators_text, "Hanna")
    assert "Indexed 1 experts" in capsys.readouterr().out
