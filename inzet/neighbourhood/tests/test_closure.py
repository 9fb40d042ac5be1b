import io
import json
import uuid

import pytest
from django.urls import reverse
from pypdf import PdfReader

from inzet.neighbourhood import services
from inzet.neighbourhood.models import Closure, ResidentReadLog, Trajectory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(team, expert):
    trajectory, _ = services.first_contact_register(team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in")
    for day, kind in [(1, "phone"), (2, "phone"), (3, "in_person")]:
        services.contact_log(
            trajectory=trajectory, by=expert, request_key=uuid.uuid4(), on=f"2026-10-0{day}", kind=kind
        )
    return trajectory


def _pdf_text(response) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_closure_report_closes_the_trajectory_and_prints_the_seven_questions(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:closure", args=[trajectory.pk])
    page = client.get(url).text
    assert "Telefonisch: 2 keer. Live: 1 keer." in page  # question 4 from the log
    data = {
        "age": "54",
        "gender": "vrouw",
        "came_in": "Via het inloopspreekuur",
        "going_on": "Schulden en eenzaamheid",
        "action_administration": "Samen een schuldhulpafspraak gemaakt",
        "how_left": "Zij gaat nu zelf naar het buurthuis",
        "different": "Zij voelde zich gelijkwaardig",
        "reflection": "Ik herkende veel",
        "felt_heard": "on",
        "homelessness_prevented": "on",
        "closed_on": "2026-11-26",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # twice is one report
    closure = Closure.objects.get()
    assert json.loads(closure.actions) == {"administration": "Samen een schuldhulpafspraak gemaakt"}
    assert closure.felt_heard and closure.homelessness_prevented and not closure.more_contacts
    assert str(Trajectory.objects.get().closed_on) == "2026-11-26"

    response = client.get(reverse("neighbourhood:closure_pdf", args=[trajectory.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response).split())
    for expected in [
        "Afsluitverslag",
        "Leeftijd: 54",
        "1. Hoe is de bewoner bij ons gekomen, en waarom?",
        "Via het inloopspreekuur",
        "2. Wat speelde er?",
        "3. Wat is er aangepakt? Wat is er gedaan?",
        "Hulp bij administratie, budgetteren e.d.",
        "Samen een schuldhulpafspraak gemaakt",
        "4. Hoe vaak is er contact geweest, telefonisch of live?",
        "Telefonisch: 2 keer. Live: 1 keer.",
        "5. Hoe ging de bewoner weg?",
        "6. Wat is er anders dan professionele hulp?",
        "7. Wil de ervaringsdeskundige nog iets zeggen",
        "Voelde zich gehoord",
        "Dakloosheid voorkomen",
    ]:
        assert expected in text, expected
    assert "Vrije tijd" not in text  # only domains where something happened
    assert ResidentReadLog.objects.filter(item="closure_pdf").count() == 1


def test_no_pdf_before_a_closure_report(client, expert, trajectory):
    client.force_login(expert)
    assert client.get(reverse("neighbourhood:closure_pdf", args=[trajectory.pk])).status_code == 404


def test_closure_bad_date_gets_a_dutch_message_and_closes_nothing(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:closure", args=[trajectory.pk])
    response = client.post(url, {"closed_on": "morgen", "going_on": "Veel zorgen"})
    assert response.status_code == 200 and "Voer een geldige datum in" in response.text
    assert "Veel zorgen" in response.text
    assert not Closure.objects.exists() and Trajectory.objects.get().closed_on is None


def test_question_six_is_asked_at_closure_in_words_and_ticks(client, expert, trajectory):
    """004 Bijlage 2, closure form question 6: "Wat is er anders dan professionele hulp?"."""
    client.force_login(expert)
    url = reverse("neighbourhood:closure", args=[trajectory.pk])
    page = client.get(url).text
    assert "6. Wat is er anders dan professionele hulp?" in page
    for name in Closure.DIFFERENCE_FIELDS:
        assert f'name="{name}"' in page
    data = {
        "different": "Zij had zelf ook schulden gehad",
        "diff_recognition": "on",
        "diff_hope": "on",
        "closed_on": "2026-11-26",
    }
    assert client.post(url, data).status_code == 302
    closure = Closure.objects.get()
    assert closure.diff_recognition and closure.diff_hope
    assert not (closure.diff_equal or closure.diff_practical or closure.diff_stigma or closure.diff_attention)
    assert closure.different == "Zij had zelf ook schulden gehad"
    text = " ".join(_pdf_text(client.get(reverse("neighbourhood:closure_pdf", args=[trajectory.pk]))).split())
    assert "Een voorbeeld dat hoop en moed gaf" in text
    assert "Minder last van (zelf)stigma" not in text
