import io
import zipfile

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inzet.engagements.models import AuditEvent, EngagementRequest, RequestAttachment, RequestStatus
from inzet.engagements.tests import factories as f
from inzet.taxonomy.models import Term


def _step(pk: int, step: str) -> str:
    return reverse("engagements:edit", args=[pk, step])


def test_the_wizard_takes_an_asker_from_the_goal_to_a_submitted_request(
    client, asker, coordinator, orgs, django_capture_on_commit_callbacks
):
    client.force_login(asker)
    response = client.post(
        reverse("engagements:create"),
        {
            "title": "Lesmateriaal toetsen",
            "goal": "Lessen over armoede verbeteren",
            "deploying_organisation": orgs.deploying.pk,
        },
    )
    request = EngagementRequest.objects.get(title="Lesmateriaal toetsen")
    assert response.url == _step(request.pk, "werk")
    assert request.status == RequestStatus.DRAFT and request.asker_organisation == orgs.asker

    role = Term.objects.of("role").first()
    area = Term.objects.of("experience_area").first()
    competence = Term.objects.of("competence").first()
    steps = {
        "werk": {
            "role": role.pk,
            "structural": "on",
            "activities": "Twee lessen meegeven",
            "requirements": "Kunnen vertellen",
        },
        "deskundigheid": {"experience_areas": [area.pk], "competences": [competence.pk], "experts_needed": 2},
        "tijd": {
            "start_date": "2026-03-01",
            "end_date": "2026-03-31",
            "hours_estimate": "6",
            "time_investment": "Twee middagen",
        },
        "plaats": {"location": "Hogeschool, Utrecht", "postcode": "3511 AB", "accessibility": "Lift aanwezig"},
        "vergoeding": {"reward_form": "bank_transfer", "amount_offered": "50"},
    }
    for step, data in steps.items():
        response = client.post(_step(request.pk, step), data)
        assert response.status_code == 302, (step, response.context["form"].errors if response.context else None)
    request.refresh_from_db()
    assert request.role == role and request.structural
    assert list(request.experience_areas.all()) == [area]
    assert str(request.hours_estimate) == "6.0" and request.location == "Hogeschool, Utrecht"
    assert str(request.amount_offered) == "50.00"

    review = client.get(_step(request.pk, "controleren"))
    assert "Lesmateriaal toetsen" in review.content.decode() and "Vraag versturen" in review.content.decode()
    html = review.content.decode()
    # "Check your answers": Utrecht data lists, a Wijzigen link to every step with answers.
    assert 'class="utrecht-data-list utrecht-data-list--rows"' in html
    for step in ("doel", "werk", "deskundigheid", "tijd", "plaats", "vergoeding"):
        assert f'href="{_step(request.pk, step)}">Wijzigen<span class="visually-hidden">' in html, step
    # The step indicator marks the current step; the asker is not offered "mijn bankrekening".
    assert 'class="inzet-step-indicator' in html and 'aria-current="step"' in html
    assert "Geld op de bankrekening van de ervaringsdeskundige" in html and "mijn bankrekening" not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("engagements:submit", args=[request.pk]))
    assert response.url == reverse("engagements:detail", args=[request.pk])
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED and request.submitted_at
    # The coordinators of the organisation hear about it.
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


def test_the_expert_count_defaults_to_two(client, asker, orgs):
    client.force_login(asker)
    request = f.draft(orgs, asker)
    body = client.get(_step(request.pk, "deskundigheid")).content.decode()
    assert 'name="experts_needed" value="2"' in body


def test_bad_input_is_explained_next_to_the_field_and_kept(client, asker, orgs):
    client.force_login(asker)
    request = f.draft(orgs, asker)
    response = client.post(
        _step(request.pk, "tijd"),
        {
            "start_date": "2026-05-10",
            "end_date": "2026-05-01",
            "hours_estimate": "4",
            "time_investment": "Elke dinsdag",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in body
    assert "Elke dinsdag" in body and 'value="2026-05-10"' in body
    request.refresh_from_db()
    assert request.start_date is None


def test_a_place_is_needed_unless_it_is_online(client, asker, orgs):
    client.force_login(asker)
    request = f.draft(orgs, asker)
    response = client.post(_step(request.pk, "plaats"), {"location": ""})
    assert "Vul in waar het is, of kies dat het online is." in response.content.decode()
    assert client.post(_step(request.pk, "plaats"), {"online": "on"}).status_code == 302


def test_the_goal_step_requires_a_title_and_goal_in_plain_dutch(client, asker, orgs):
    client.force_login(asker)
    response = client.post(reverse("engagements:create"), {"title": "", "goal": "", "deploying_organisation": ""})
    body = response.content.decode()
    assert "Geef de vraag een korte titel." in body and "Schrijf op wat het doel is." in body
    assert not EngagementRequest.objects.exists()


def test_only_deploying_organisations_can_be_chosen(client, asker, orgs):
    client.force_login(asker)
    response = client.post(
        reverse("engagements:create"), {"title": "T", "goal": "G", "deploying_organisation": orgs.other_asker.pk}
    )
    assert response.status_code == 200
    assert not EngagementRequest.objects.exists()


def test_a_submitted_request_can_no_longer_be_edited(client, asker, orgs):
    request = f.submitted(orgs, asker)
    client.force_login(asker)
    response = client.get(_step(request.pk, "doel"))
    assert response.url == reverse("engagements:detail", args=[request.pk])
    client.post(
        _step(request.pk, "doel"), {"title": "Anders", "goal": "G", "deploying_organisation": orgs.deploying.pk}
    )
    request.refresh_from_db()
    assert request.title != "Anders"


def test_a_coordinator_does_not_see_a_draft(client, asker, coordinator, orgs):
    request = f.draft(orgs, asker)
    client.force_login(coordinator)
    assert client.get(reverse("engagements:detail", args=[request.pk])).status_code == 404
    assert request.title not in client.get(reverse("engagements:inbox")).content.decode()


def test_askers_see_only_their_own_organisations_requests(client, asker, other_asker, orgs):
    mine = f.draft(orgs, asker, title="Van ons")
    client.force_login(other_asker)
    assert "Van ons" not in client.get(reverse("engagements:mine")).content.decode()
    assert client.get(reverse("engagements:detail", args=[mine.pk])).status_code == 404
    client.force_login(asker)
    assert "Van ons" in client.get(reverse("engagements:mine")).content.decode()


def test_my_requests_uses_a_bounded_number_of_queries(client, asker, coordinator, orgs, django_assert_max_num_queries):
    for i in range(12):
        f.matching(orgs, asker, coordinator, title=f"Vraag {i}")
    client.force_login(asker)
    with django_assert_max_num_queries(12):  # 12 requests: one query per row would exceed this
        response = client.get(reverse("engagements:mine"))
    assert response.content.decode().count("/vragen/") >= 12


def test_the_changes_the_organisation_asks_for_are_shown_to_the_asker(client, asker, coordinator, orgs):
    from inzet.engagements import services

    request = f.submitted(orgs, asker)
    services.intake_review(
        engagement=request,
        actor=coordinator,
        answers={**f.ACCEPT_ANSWERS, "decision": "changes", "message": "Bied een eerlijke vergoeding."},
    )
    client.force_login(asker)
    body = client.get(reverse("engagements:detail", args=[request.pk])).content.decode()
    assert "Bied een eerlijke vergoeding." in body
    assert "Controleren en versturen" in body


def test_an_asker_cancels_with_a_note(client, asker, coordinator, orgs, expert_profile):
    request = f.matching(orgs, asker, coordinator)
    invitation = f.invite(request, expert_profile, coordinator)
    client.force_login(asker)
    assert client.get(reverse("engagements:cancel", args=[request.pk])).status_code == 200
    client.post(reverse("engagements:cancel", args=[request.pk]), {"note": "Budget is weg"})
    request.refresh_from_db()
    invitation.refresh_from_db()
    assert request.status == RequestStatus.CANCELLED
    assert invitation.state == "withdrawn"
    assert AuditEvent.objects.filter(request=request, to_status="cancelled", note="Budget is weg").exists()


# --- attachments --------------------------------------------------------------------------------


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_an_attachment_is_stored_under_a_random_name_and_served_after_a_permission_check(
    client, asker, other_asker, orgs
):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    response = client.post(_step(request.pk, "bijlagen"), {"file": _upload("Mijn Plan.pdf", f.PDF_BYTES)})
    assert response.status_code == 302
    attachment = RequestAttachment.objects.get(request=request)
    assert attachment.original_name == "Mijn Plan.pdf"
    assert "Mijn Plan" not in attachment.file.name and attachment.file.name.endswith(".pdf")

    url = reverse("engagements:attachment", args=[request.pk, attachment.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "attachment" in download["Content-Disposition"] and download["Content-Type"] == "application/pdf"
    client.force_login(other_asker)
    assert client.get(url).status_code == 404


def test_a_docx_and_a_png_are_accepted(client, asker, orgs):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    client.post(_step(request.pk, "bijlagen"), {"file": _upload("brief.docx", _docx())})
    client.post(_step(request.pk, "bijlagen"), {"file": _upload("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)})
    assert RequestAttachment.objects.filter(request=request).count() == 2


def test_a_file_that_lies_about_its_type_is_refused(client, asker, orgs):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    response = client.post(_step(request.pk, "bijlagen"), {"file": _upload("plan.pdf", b"MZ\x90\x00 not a pdf")})
    assert "Dit bestand is niet wat de naam zegt." in response.content.decode()
    response = client.post(_step(request.pk, "bijlagen"), {"file": _upload("plan.docx", f.PDF_BYTES)})
    assert "Dit bestand is niet wat de naam zegt." in response.content.decode()
    assert not RequestAttachment.objects.exists()


def test_other_file_types_are_refused(client, asker, orgs):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    response = client.post(_step(request.pk, "bijlagen"), {"file": _upload("script.exe", b"MZ")})
    assert "Dit soort bestand kan niet." in response.content.decode()


def test_a_file_over_ten_megabytes_is_refused(client, asker, orgs):
    request = f.draft(orgs, asker)
    client.force_login(asker)
    big = f.PDF_BYTES + b"0" * (10 * 1024 * 1024)
    response = client.post(_step(request.pk, "bijlagen"), {"file": _upload("groot.pdf", big)})
    assert "groter dan 10 MB" in response.content.decode()
    assert not RequestAttachment.objects.exists()


def test_an_attachment_can_be_removed_while_drafting(client, asker, orgs):
    request = f.draft(orgs, asker)
    attachment = f.with_attachment(request, asker)
    client.force_login(asker)
    client.post(reverse("engagements:attachment_delete", args=[request.pk, attachment.pk]))
    assert not RequestAttachment.objects.exists()
