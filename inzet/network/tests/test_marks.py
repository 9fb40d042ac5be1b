"""Quality marks: assessed by someone else (enforced), evidence stored encrypted, expired marks vanish."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from inzet.network import marks, rules
from inzet.network.models import Award, Partner, Scheme
from inzet.network.tests.access import PNG


@pytest.fixture
def scheme(db):
    return Scheme.objects.create(
        name="Toegankelijk Buurthuis",
        criteria="Drempelvrij, ringleiding",
        evidence_required="Foto's en een verslag van een schouw door ervaringsdeskundigen",
        assessor="Twee ervaringsdeskundigen van buiten de organisatie",
        validity_months=12,
    )


@pytest.fixture
def partner(db):
    return Partner.objects.create(name="Buurthuis De Linde", kind="welfare", area="Utrecht")


def png(name="schouw.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def test_validity_runs_to_the_day_before_the_same_date_n_months_later():
    assert rules.valid_until(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 27)
    assert rules.valid_until(dt.date(2026, 3, 15), 12) == dt.date(2027, 3, 14)


def test_the_applicant_can_never_assess_their_own_application(
    scheme, partner, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        award = marks.award_apply(applicant=coordinator, scheme=scheme, partner=partner, evidence=png())
    with pytest.raises(PermissionDenied):
        marks.award_assess(award=award, assessor=coordinator, grant=True, assessment="Prima")
    with pytest.raises(IntegrityError):  # and the database refuses it too
        Award.objects.filter(pk=award.pk).update(assessor=coordinator)


def test_the_applicant_gets_403_on_the_page(client, scheme, partner, coordinator):
    award = marks.award_apply(applicant=coordinator, scheme=scheme, partner=partner, evidence=png())
    client.force_login(coordinator)
    page = client.get(reverse("network:award", args=[award.pk]))
    assert "Iemand anders moet het beoordelen" in page.text and "Beoordeling opslaan" not in page.text
    response = client.post(
        reverse("network:award", args=[award.pk]), {"grant": "1", "assessment": "Ok", "assessed_on": "2026-01-01"}
    )
    assert response.status_code == 403
    assert Award.objects.get().status == "applied"


def test_evidence_is_required_checked_and_stored_encrypted(
    client, scheme, partner, coordinator, settings, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    data = {"scheme": scheme.pk, "partner": partner.pk, "scope": "Inloopspreekuur"}
    response = client.post(reverse("network:award_apply"), data)
    assert response.status_code == 200 and "Voeg het gevraagde bewijs toe." in response.text
    fake = SimpleUploadedFile("schouw.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = client.post(reverse("network:award_apply"), {**data, "evidence": fake})
    assert "niet wat de naam zegt" in response.text and not Award.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:award_apply"), {**data, "evidence": png()})
    award = Award.objects.get()
    assert response.status_code == 302 and award.scope == "Inloopspreekuur" and award.evidence_name == "schouw.png"
    on_disk = (settings.MEDIA_ROOT / award.evidence.name).read_bytes()
    assert PNG not in on_disk  # encrypted at rest
    download = client.get(reverse("network:award_evidence", args=[award.pk]))
    assert b"".join(download.streaming_content) == PNG


def test_an_awarded_mark_is_shown_with_its_scope_and_disappears_when_expired(
    client, scheme, partner, coordinator, operator
):
    award = marks.award_apply(
        applicant=coordinator, scheme=scheme, partner=partner, scope="Inloopspreekuur", evidence=png()
    )
    marks.award_assess(
        award=award, assessor=operator, grant=True, assessment="Schouw gedaan", assessed_on=dt.date(2026, 3, 1)
    )
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)):
        page = client.get(reverse("network:marks"))
        assert "Buurthuis De Linde" in page.text and "Inloopspreekuur" in page.text
        assert (
            "Toegankelijk Buurthuis"
            in client.get(reverse("network:partner", args=[partner.pk])).text.split("Keurmerken")[1]
        )
    with time_machine.travel(dt.datetime(2027, 3, 2, 12, tzinfo=dt.UTC)):
        assert "Buurthuis De Linde" not in client.get(reverse("network:marks")).text
        detail = client.get(reverse("network:partner", args=[partner.pk])).text
        assert "Geen geldig keurmerk." in detail


def test_a_refused_application_is_never_public(client, scheme, partner, coordinator, operator):
    award = marks.award_apply(applicant=coordinator, scheme=scheme, partner=partner, evidence=png())
    marks.award_assess(award=award, assessor=operator, grant=False, assessment="Lift werkt niet")
    assert "Buurthuis De Linde" not in client.get(reverse("network:marks")).text
    # Deciding again keeps the first decision.
    marks.award_assess(award=award, assessor=operator, grant=True, assessment="Toch wel")
    assert Award.objects.get().status == "refused"


def test_the_marks_page_uses_a_bounded_number_of_queries(
    client, scheme, coordinator, operator, django_assert_max_num_queries
):
    for i in range(15):
        p = Partner.objects.create(name=f"Organisatie {i}", kind="care")
        award = marks.award_apply(applicant=coordinator, scheme=scheme, partner=p, evidence=png())
        marks.award_assess(award=award, assessor=operator, grant=True, assessment="Goed")
    with django_assert_max_num_queries(6):
        assert client.get(reverse("network:marks")).status_code == 200
    client.force_login(operator)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("network:awards")).status_code == 200
