"""Who may open the expert profile pages (see inzet/lib/testing.py).

The builders give the expert persona a profile that the coordinator persona keeps on their behalf
(assisted sign-up), with one competence, one training record with an evidence file and one period.
"""

from inzet.lib.testing import LOGIN, everyone, only


def _profile(orgs):
    from django.core.files.base import ContentFile

    from inzet.accounts.models import User
    from inzet.experts.models import ExpertCompetence, ExpertProfile, TrainingRecord, UnavailablePeriod
    from inzet.taxonomy.models import Term

    profile = ExpertProfile.objects.filter(user__email="expert@test.nl").first()
    if profile is None:
        profile = ExpertProfile.objects.create(
            user=User.objects.get(email="expert@test.nl"),
            organisation=orgs.deploying,
            managed_by=User.objects.get(email="coordinator@test.nl"),
        )
        competence = Term.objects.get(vocabulary="competence", code="methods_tools")
        ExpertCompetence.objects.create(profile=profile, competence=competence)
        record = TrainingRecord(profile=profile, kind="training", name="Basistraining", evidence_name="bewijs.pdf")
        record.evidence.save("bewijs.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
        UnavailablePeriod.objects.create(profile=profile, start="2030-01-01", end="2030-01-31")
    return profile


def _pk(orgs):
    return {"pk": _profile(orgs).pk}


def _own(orgs):
    _profile(orgs)
    return {}


def _own_step(orgs):
    _profile(orgs)
    return {"step": 1}


def _step(orgs):
    return {"pk": _profile(orgs).pk, "step": 1}


def _competence(orgs, personas=None):
    profile = _profile(orgs)
    return {"pk": profile.pk, "competence_pk": profile.competences.get().pk}


def _record(orgs):
    profile = _profile(orgs)
    return {"pk": profile.pk, "record_pk": profile.training.get().pk}


def _period(orgs, personas=None):
    profile = _profile(orgs)
    return {"pk": profile.pk, "period_pk": profile.unavailable_periods.get().pk}


def _training_record(orgs, personas=None):
    return _record(orgs)


EXPERT_ONLY = only({"expert": 200}, 403)
# The expert, or the coordinator who keeps the profile; the trainer may see it but not change it.
KEEPERS = only({"expert": 200, "coordinator": 200, "trainer": 403}, 404)

MATRIX = {
    "experts:my_profile": (_own, EXPERT_ONLY, LOGIN),
    "experts:wizard": (_own_step, EXPERT_ONLY, LOGIN),
    "experts:summary": (_own, EXPERT_ONLY, LOGIN),
    "experts:access_log": (_own, EXPERT_ONLY, LOGIN),
    "experts:my_bank": (_own, EXPERT_ONLY, LOGIN),
    "experts:managed_list": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "experts:assisted_signup": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "experts:detail": (_pk, only({"coordinator": 200, "trainer": 200, "expert": 302}, 404), LOGIN),
    "experts:wizard_for": (_step, KEEPERS, LOGIN),
    "experts:summary_for": (_pk, KEEPERS, LOGIN),
    "experts:print": (_pk, KEEPERS, LOGIN),
    "experts:pause": (_pk, KEEPERS, LOGIN),
    # Bank details: the expert or any coordinator of the organisation (on their behalf); trainer 403.
    "experts:bank_for": (_pk, KEEPERS, LOGIN),
    "experts:unavailable_add": (_pk, KEEPERS, LOGIN),
    "experts:training_add": (_pk, KEEPERS, LOGIN),
    "experts:competence_add": (_pk, KEEPERS, LOGIN),
    "experts:evidence": (_record, KEEPERS, LOGIN),
    "experts:take_over": (_pk, everyone(405), LOGIN),
    "experts:unavailable_remove": (_period, everyone(405), LOGIN),
    "experts:training_remove": (_record, everyone(405), LOGIN),
    "experts:competence_remove": (_competence, everyone(405), LOGIN),
    "experts:competence_confirm": (_competence, everyone(405), LOGIN),
}

REFUSED = {
    "operator": 404,
    "other_coordinator": 404,
    "trainer": 403,
    "asker": 404,
    "other_asker": 404,
    "outsider": 404,
}

POST_MATRIX = {
    # Only the person themself takes the profile over from the coordinator.
    "experts:take_over": (lambda o, p: _pk(o), {**REFUSED, "coordinator": 403, "expert": 302}),
    # Removing: one allowed persona here (the object is gone after the first); the coordinator's
    # removal is tested in test_profile_page.py.
    "experts:unavailable_remove": (_period, {**REFUSED, "expert": 302}),
    "experts:training_remove": (_training_record, {**REFUSED, "expert": 302}),
    "experts:competence_remove": (_competence, {**REFUSED, "expert": 302}),
    # Confirming is a coordinator's act; nobody confirms their own competence.
    "experts:competence_confirm": (_competence, {**REFUSED, "expert": 403, "coordinator": 302}),
}
