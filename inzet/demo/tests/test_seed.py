"""`inzet seed`: each batch of experts and their search documents is one transaction."""

import pytest

from inzet.accounts.models import User
from inzet.demo import seed
from inzet.demo.generate import STORY_OPENINGS
from inzet.directory.models import ExpertSearchDocument
from inzet.directory.services import bulk_build_documents
from inzet.experts.models import Audience, BenefitSituation, ExpertExperience, ExpertProfile


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


def test_seeded_rows_read_back_as_the_generator_made_them(db):
    """The seed writes rows without model instances and converts each repeated value once: what
    it stores must still read back through the ORM (dates, choices, encrypted texts, sealed areas)."""
    seed.seed_experts(30, organisations=2)
    profiles = list(ExpertProfile.objects.select_related("user", "level"))
    assert len(profiles) == 30
    assert len({p.user.password for p in profiles}) == 1 and not profiles[0].user.has_usable_password()
    assert all(p.created_at and p.updated_at and p.user.date_joined for p in profiles)
    assert {p.benefit_situation for p in profiles} <= {*BenefitSituation.values, ""}
    assert all(p.level is not None and p.organisation_id for p in profiles)
    experiences = list(ExpertExperience.objects.filter(profile__in=profiles))
    assert experiences and all(e.area_term_id for e in experiences)
    for e in experiences:
        assert (e.area_id is None) == (e.visibility == Audience.ONLY_ME)
        assert not e.description or e.description.split(" ")[0] in {s.split(" ")[0] for s in STORY_OPENINGS}
