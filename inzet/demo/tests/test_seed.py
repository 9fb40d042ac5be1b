"""`inzet seed`: each batch of experts and their search documents is one transaction."""

import pytest

from inzet.accounts.models import User
from inzet.demo import seed
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.services import bulk_build_documents
from inzet.experts.models import ExpertProfile


def test_seeded_experts_are_findable(db):
    assert seed.seed_experts(3, organisations=1) == 3
    assert ExpertSearchDocument.objects.filter(profile__in=ExpertProfile.objects.all()).count() == 3


def test_a_crash_while_building_search_documents_leaves_no_expert_behind(db, monkeypatch):
    real = seed.documents_save_from_values

    def build_then_crash(**kwargs):
        real(**kwargs)
        raise RuntimeError("killed while building the search documents")

    monkeypatch.setattr(seed, "documents_save_from_values", build_then_crash)
    with pytest.raises(RuntimeError):
        seed.seed_experts(3, organisations=1)
    assert not User.objects.filter(email__startswith="seed-").exists()
    assert not ExpertProfile.objects.exists()
    assert not ExpertSearchDocument.objects.exists()


def test_documents_built_in_the_same_pass_match_those_built_from_the_database(db):
    """The seed builds each search document from the rows it has just inserted; reading those rows
    back (as `inzet_reindex` does) gives the same words for coordinators and for the public."""
    seed.seed_experts(40, organisations=2)

    def words():
        return {
            d.profile_id: (sorted(d.coordinators_text.split()), sorted(d.public_text.split()))
            for d in ExpertSearchDocument.objects.all()
        }

    in_pass = words()
    assert bulk_build_documents() == 40
    assert words() == in_pass
    assert all(coordinators for coordinators, _public in in_pass.values())
