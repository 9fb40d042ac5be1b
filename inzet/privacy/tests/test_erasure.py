"""Asking for erasure and carrying it out: idempotent, within the retention rules, audited, told."""

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.urls import reverse

from inzet.compensation.models import ExpenseClaim, HourEntry, Payout
from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog, ExpertExperience, ExpertProfile, ExpertStatus
from inzet.organisations.models import Membership
from inzet.privacy import services
from inzet.privacy.models import DataRightsEvent, ErasureRequest
from inzet.recruitment.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_expert(orgs, expert, expert_profile, asker, coordinator):
    f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator)
    AccessLog.objects.create(profile=expert_profile, viewer=coordinator, item="experience", context="page")
    return expert


def test_it_creates_one_request_however_often_asked(expert, orgs):
    first, created = services.erasure_request(user=expert)
    again, created_again = services.erasure_request(user=expert)
    assert created and not created_again and first.pk == again.pk
    assert first.organisation == orgs.deploying  # the expert's organisation handles it
    assert ErasureRequest.objects.filter(user=expert).count() == 1


def test_a_person_without_a_deploying_organisation_goes_to_the_operator(asker):
    request, _created = services.erasure_request(user=asker)
    assert request.organisation is None


def test_it_erases_the_person_and_keeps_the_bookkeeping(
    paid_expert, expert_profile, coordinator, django_capture_on_commit_callbacks
):
    Application.objects.create(
        organisation=expert_profile.organisation,
        full_name="Eef Expert",
        email=paid_expert.email,
        channel="website",
        motivation_text="Mijn verhaal",
        current_stage=_stage(expert_profile.organisation),
        consent_at="2025-01-01T10:00:00Z",
    )
    receipts = [claim.receipt.name for claim in ExpenseClaim.objects.all()]
    kept = (HourEntry.objects.count(), ExpenseClaim.objects.count(), Payout.objects.count())
    request, _created = services.erasure_request(user=paid_expert)
    email = paid_expert.email

    with django_capture_on_commit_callbacks(execute=True):
        done, now = services.erasure_carry_out(erasure_request_id=request.pk, actor=coordinator)
    assert now and done.state == ErasureRequest.State.COMPLETED

    paid_expert.refresh_from_db()
    assert paid_expert.full_name == "Verwijderde persoon" and "inzet.invalid" in paid_expert.email
    assert not paid_expert.is_active and not paid_expert.has_usable_password()
    profile = ExpertProfile.objects.get(pk=expert_profile.pk)
    assert profile.status == ExpertStatus.INACTIVE
    assert (profile.iban, profile.benefit_situation, profile.needs, profile.postcode, profile.phone) == ("",) * 5
    assert not ExpertExperience.objects.filter(profile=profile).exists()
    assert not AccessLog.objects.filter(profile=profile).exists()
    assert not profile.wanted_roles.exists() and not profile.languages.exists()
    assert not Membership.objects.filter(user=paid_expert).exists()
    assert not Application.objects.filter(email=email).exists()
    # Bookkeeping law: hours, expenses (with receipts) and payouts stay.
    assert (HourEntry.objects.count(), ExpenseClaim.objects.count(), Payout.objects.count()) == kept
    assert receipts and all(default_storage.exists(name) for name in receipts)
    assert done.outcome["kept_payouts"] == kept[2] and done.outcome["kept_until"].endswith("-12-31")
    # Told at the address they had; audited without content.
    assert [m.to for m in mail.outbox] == [[email]]
    assert "Dat is gebeurd" in mail.outbox[0].body and "artikel 52" in mail.outbox[0].body
    assert DataRightsEvent.objects.filter(subject=paid_expert, kind="erasure_completed", actor=coordinator).exists()


def test_carrying_out_twice_does_nothing_the_second_time(paid_expert, coordinator):
    request, _created = services.erasure_request(user=paid_expert)
    services.erasure_carry_out(erasure_request_id=request.pk, actor=coordinator)
    _again, now = services.erasure_carry_out(erasure_request_id=request.pk, actor=coordinator)
    assert now is False
    assert DataRightsEvent.objects.filter(kind="erasure_completed").count() == 1


def test_a_double_click_on_the_page_erases_once(client, paid_expert, coordinator):
    request, _created = services.erasure_request(user=paid_expert)
    client.force_login(coordinator)
    url = reverse("privacy:erasure_carry_out", kwargs={"pk": request.pk})
    first = client.post(url, follow=True)
    second = client.post(url, follow=True)
    assert "De gegevens zijn verwijderd" in first.content.decode()
    assert "al uitgevoerd" in second.content.decode()
    assert DataRightsEvent.objects.filter(kind="erasure_completed").count() == 1


def test_the_person_asks_from_the_page_and_sees_it_is_pending(client, expert):
    client.force_login(expert)
    client.post(reverse("privacy:erasure_ask"), {"reason": "Ik stop"})
    response = client.post(reverse("privacy:erasure_ask"), follow=True)
    assert "U had dit al gevraagd" in response.content.decode()
    assert ErasureRequest.objects.filter(user=expert).count() == 1
    assert "Een coördinator voert dit uit" in client.get(reverse("privacy:mine")).content.decode()


def test_a_coordinator_never_carries_out_their_own_request(client, coordinator, orgs):
    from conftest import make_person
    from inzet.organisations.models import Role

    colleague = make_person("coll@test.nl", "Col Lega", [(orgs.deploying, Role.COORDINATOR)])
    request, _created = services.erasure_request(user=coordinator)
    client.force_login(coordinator)
    assert client.post(reverse("privacy:erasure_carry_out", kwargs={"pk": request.pk})).status_code == 403
    client.force_login(colleague)
    assert client.post(reverse("privacy:erasure_carry_out", kwargs={"pk": request.pk})).status_code == 302


def _stage(organisation):
    from inzet.recruitment.models import PipelineStage

    return PipelineStage.objects.create(organisation=organisation, position=0, code="gesprek", name="Gesprek")


def test_the_page_is_complete_in_english(client, expert, settings):
    client.force_login(expert)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("privacy:mine")).content.decode()
    assert "Download my data" in page and "Ask for erasure" in page and "What we must keep" in page


def test_the_operator_handles_people_without_an_organisation_and_only_them(
    client, asker, expert, operator, coordinator
):
    orgless, _created = services.erasure_request(user=asker)
    of_org, _created = services.erasure_request(user=expert)
    client.force_login(operator)
    listing = client.get(reverse("privacy:erasure_list")).content.decode()
    assert "Aad Asker" in listing and "Eef Expert" not in listing
    assert client.get(reverse("privacy:erasure_detail", kwargs={"pk": of_org.pk})).status_code == 404
    client.force_login(coordinator)
    assert client.get(reverse("privacy:erasure_detail", kwargs={"pk": orgless.pk})).status_code == 404
    client.force_login(operator)
    assert client.post(reverse("privacy:erasure_carry_out", kwargs={"pk": orgless.pk})).status_code == 302
    orgless.refresh_from_db()
    assert orgless.state == ErasureRequest.State.COMPLETED and orgless.completed_by == operator


def test_stripping_a_profile_renews_the_organisations_matching_version(orgs, expert_profile):
    # Matching's cached candidate pools (inzet/matching/pool_cache.py) must drop the erased expert.
    from inzet.experts.models import MatchingVersion
    from inzet.privacy.erasure import profile_strip

    def version():
        return MatchingVersion.objects.filter(organisation=orgs.deploying).values_list("version", flat=True).first()

    before = version()
    profile_strip(profile=expert_profile)
    assert version() not in (None, before)
