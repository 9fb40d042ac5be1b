"""`inzet seed`: each batch of experts and their search documents is one transaction."""

import pytest

from inzet.accounts.models import User
from inzet.demo import seed
from inzet.directory.models import ExpertSearchDocument
from inzet.experts.models import ExpertProfile


def test_seeded_experts_are_findable(db):
    assert seed.seed_experts(3, organisations=1) == 3
    assert ExpertSearchDocument.objects.filter(profile__in=ExpertProfile.objects.all()).count() == 3


def test_a_crash_while_building_search_documents_leaves_no_expert_behind(db, monkeypatch):
    real = seed.bulk_build_documents

    def build_then_crash(**kwargs):
        real(**kwargs)
        raise RuntimeError("killed while building the search documents")

    monkeypatch.setattr(seed, "bulk_build_documents", build_then_crash)
    with pytest.raises(RuntimeError):
        seed.seed_experts(3, organisations=1)
    assert not User.objects.filter(email__startswith="seed-").exists()
    assert not ExpertProfile.objects.exists()
    assert not ExpertSearchDocument.objects.exists()
