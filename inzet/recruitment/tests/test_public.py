from pathlib import Path

from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse

from inzet.lib import uploads
from inzet.recruitment.forms import HONEYPOT
from inzet.recruitment.models import Application, ApplicationStatus, Channel
from inzet.recruitment.tests.samples import SAMPLES, upload


def apply_url(orgs) -> str:
    return reverse("recruitment:apply", args=[orgs.deploying.slug])


def form_data(**overrides) -> dict:
    data = {
        "full_name": "Anna Aanmelder",
        "email": "anna@example.org",
        "phone": "",
        "preferred_contact": "email",
        "channel": Channel.INTEREST_ORGANISATION,
        "channel_other": "Cliëntenraad",
        "motivation_text": "Ik wil anderen laten zien dat herstel kan.",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_the_page_tells_duration_time_activities_and_requirements_before_the_form(client, orgs, page):
    body = client.get(apply_url(orgs)).content.decode()
    form_at = body.index('<form method="post" enctype')
    for text in ["Minstens een jaar", "Vier uur per week", "Gastlessen geven", "Afstand tot uw eigen ervaring"]:
        assert 0 < body.index(text) < form_at
    assert "Kennismakingsgesprek" in body  # the selection steps are told up front too


def test_a_valid_application_is_stored_and_the_person_gets_a_mail(
    client, orgs, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url(orgs), form_data())
    assert response.status_code == 302
    assert response.url == reverse("recruitment:thanks", args=[orgs.deploying.slug])
    application = Application.objects.get()
    assert application.organisation == orgs.deploying
    assert application.channel == Channel.INTEREST_ORGANISATION
    assert application.channel_other == "Cliëntenraad"
    assert application.current_stage.code == "application"
    assert application.status == ApplicationStatus.OPEN
    assert application.consent_at is not None
    assert application.entered_by is None
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert "Stichting Ervaring" in mail.outbox[0].subject


def test_the_thank_you_page_thanks_the_person(client, orgs, page):
    response = client.get(reverse("recruitment:thanks", args=[orgs.deploying.slug]))
    assert "Bedankt voor uw aanmelding" in response.content.decode()


def test_the_motivation_is_encrypted_at_rest(client, orgs, page):
    client.post(apply_url(orgs), form_data(motivation_text="Mijn geheime verhaal"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT motivation_text FROM recruitment_application")
        raw = cursor.fetchone()[0]
    assert "geheime" not in raw
    assert Application.objects.get().motivation_text == "Mijn geheime verhaal"


def test_bad_input_is_explained_in_dutch_and_keeps_what_was_typed(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(email="geen-mailadres", consent=None))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit is geen geldig e-mailadres." in body
    assert "Zonder toestemming kunnen we uw aanmelding niet bewaren." in body
    assert 'value="Anna Aanmelder"' in body
    assert "Ik wil anderen laten zien dat herstel kan." in body
    assert not Application.objects.exists()


def test_some_motivation_is_needed_in_any_form(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(motivation_text=""))
    assert "Vertel iets over uw motivatie" in response.content.decode()
    assert not Application.objects.exists()


def test_telling_the_motivation_in_a_talk_is_enough(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(motivation_text="", motivation_in_talk="on"))
    assert response.status_code == 302
    assert Application.objects.get().motivation_in_talk is True


def test_an_audio_file_is_stored_under_a_random_name(client, orgs, page):
    response = client.post(
        apply_url(orgs), form_data(motivation_text="", motivation_file=upload("Mijn verhaal – Anna.mp3"))
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.motivation_file_kind == "audio"
    assert application.motivation_file_name == "Mijn verhaal – Anna.mp3"
    assert "Anna" not in application.motivation_file.name
    assert application.motivation_file.name.startswith(f"recruitment/{orgs.deploying.pk}/")
    assert application.motivation_file.name.endswith(".mp3")
    assert len(media_files()) == 1


def test_a_file_of_another_type_is_refused_in_dutch(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(motivation_file=upload("programma.exe", b"MZ\x90\x00")))
    assert "Dit soort bestand kunnen we niet gebruiken." in response.content.decode()
    assert not Application.objects.exists()
    assert media_files() == []


def test_a_file_that_is_not_what_its_name_says_is_refused(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(motivation_file=upload("motivatie.pdf", b"MZ\x90\x00 exe")))
    assert "Dit bestand is niet wat de naam zegt." in response.content.decode()
    assert not Application.objects.exists()


def test_a_document_over_10_mb_is_refused(client, orgs, page):
    big = SAMPLES["pdf"] + b"0" * (10 * uploads.MB)
    response = client.post(apply_url(orgs), form_data(motivation_file=upload("motivatie.pdf", big)))
    assert "Dit bestand is te groot. Een document mag hoogstens 10 MB zijn." in response.content.decode()
    assert not Application.objects.exists()


def test_a_file_over_every_limit_is_cut_off_while_it_streams_in(client, orgs, page, monkeypatch):
    for kind in ("audio", "video", "document"):
        monkeypatch.setitem(uploads.USES["motivation"].limits, kind, 1024)
    response = client.post(apply_url(orgs), form_data(motivation_file=upload("lang.mp3", SAMPLES["mp3"] * 20)))
    stand_in = response.context["form"].files["motivation_file"]
    assert isinstance(stand_in, uploads.TooLargeUpload)  # stopped by the upload handler
    assert stand_in.size > 1024 and stand_in.name == "lang.mp3"
    assert "Dit bestand is te groot. Geluid of video mag hoogstens" in response.content.decode()
    assert not Application.objects.exists()
    assert media_files() == []
    response = client.post(apply_url(orgs), form_data(motivation_file=upload("lang.pdf", SAMPLES["pdf"] * 100)))
    assert "Een document mag hoogstens" in response.content.decode()


def test_a_chosen_file_must_be_chosen_again_after_an_error_elsewhere(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(full_name="", motivation_file=upload("motivatie.pdf")))
    body = response.content.decode()
    assert "Vul uw naam in." in body
    assert "Kies uw bestand opnieuw." in body


def test_the_honeypot_refuses_bots(client, orgs, page):
    response = client.post(apply_url(orgs), form_data(**{HONEYPOT: "http://spam.example"}))
    assert response.status_code == 200
    assert "Uw aanmelding is niet verstuurd." in response.content.decode()
    assert not Application.objects.exists()


def test_a_closed_page_says_so_kindly_and_takes_no_applications(client, orgs, page):
    page.is_open = False
    page.save()
    response = client.get(apply_url(orgs))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Aanmelden kan op dit moment niet." in body
    assert '<form method="post" enctype' not in body
    client.post(apply_url(orgs), form_data())
    assert not Application.objects.exists()


def test_there_is_no_page_for_organisations_without_one_or_that_do_not_deploy(client, orgs, page):
    assert client.get(reverse("recruitment:apply", args=[orgs.other_deploying.slug])).status_code == 404
    assert client.get(reverse("recruitment:apply", args=[orgs.asker.slug])).status_code == 404
    assert client.get(reverse("recruitment:apply", args=["bestaat-niet"])).status_code == 404


def test_the_public_form_does_not_offer_the_coordinator_channel(client, orgs, page):
    body = client.get(apply_url(orgs)).content.decode()
    assert 'value="social_media"' in body and 'value="interest_organisation"' in body
    assert 'value="coordinator"' not in body
    response = client.post(apply_url(orgs), form_data(channel=Channel.COORDINATOR))
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_the_public_page_needs_a_csrf_token(orgs, page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(apply_url(orgs), form_data())
    assert response.status_code == 403
    assert not Application.objects.exists()
