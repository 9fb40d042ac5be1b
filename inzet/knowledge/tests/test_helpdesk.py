"""The helpdesk: anyone asks; coordinators answer, refer or turn the question into a draft request."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.engagements.models import EngagementRequest, RequestStatus
from inzet.knowledge import services
from inzet.knowledge.forms import HONEYPOT
from inzet.knowledge.models import Article, HelpdeskQuestion
from inzet.knowledge.retention import delete_old_questions
from inzet.knowledge.views_helpdesk import ASK_LIMIT

pytestmark = pytest.mark.django_db


def _token(page) -> str:
    return re.search(r'name="idempotency_token" value="([0-9a-f]{32})"', page.content.decode()).group(1)


def _ask(client, **changes):
    url = reverse("knowledge:ask")
    data = {"question": "Hoe vind ik een ervaringsdeskundige voor een lesdag?", "email": "vrager@voorbeeld.nl"}
    return client.post(url, data | {"idempotency_token": _token(client.get(url))} | changes)


def test_anyone_asks_without_an_account_and_gets_a_reference(client):
    page = client.get(reverse("knowledge:ask"))
    assert "Uw privacy:" in page.content.decode()
    response = _ask(client, name="Anouk")
    assert response.status_code == 302 and response["Location"].startswith(reverse("knowledge:ask_thanks"))
    question = HelpdeskQuestion.objects.get()
    assert question.channel == "web" and question.status == "new" and question.name == "Anouk"
    assert question.reference in client.get(response["Location"]).content.decode()


def test_what_the_asker_typed_is_encrypted_at_rest(client):
    _ask(client)
    with connection.cursor() as cursor:
        cursor.execute("SELECT question, email FROM knowledge_helpdeskquestion")
        stored_question, stored_email = cursor.fetchone()
    assert "lesdag" not in stored_question and "voorbeeld" not in stored_email


def test_a_double_click_makes_one_question(client):
    url = reverse("knowledge:ask")
    data = {"question": "Wat kost het?", "idempotency_token": _token(client.get(url))}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert HelpdeskQuestion.objects.count() == 1


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client):
    response = _ask(client, **{HONEYPOT: "http://spam.example"})
    assert response.status_code == 200
    assert "Uw vraag is niet verstuurd" in response.content.decode()
    assert not HelpdeskQuestion.objects.exists()


def test_an_empty_question_or_a_bad_address_gets_a_dutch_message(client):
    response = _ask(client, question="", email="geen-adres")
    html = response.content.decode()
    assert "Schrijf uw vraag op." in html and "Dit e-mailadres klopt niet" in html
    assert 'value="geen-adres"' in html  # nothing typed is lost
    assert not HelpdeskQuestion.objects.exists()


def test_too_many_questions_from_one_address_are_refused_for_an_hour(client):
    for _ in range(ASK_LIMIT):
        assert _ask(client).status_code == 302
    response = _ask(client, question="Nog een vraag die bewaard moet blijven")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Probeer het over een uur opnieuw" in html and "Nog een vraag die bewaard moet blijven" in html
    assert HelpdeskQuestion.objects.count() == ASK_LIMIT


def test_the_queue_shows_unclaimed_and_own_questions_only(client, orgs, coordinator, other_coordinator):
    unclaimed = services.question_ask(question="Open vraag")
    ours = services.question_ask(question="Onze vraag", organisation=orgs.deploying)
    theirs = services.question_ask(question="Hun vraag", organisation=orgs.other_deploying)
    client.force_login(coordinator)
    shown = {q.pk for q in client.get(reverse("knowledge:queue")).context["questions"]}
    assert shown == {unclaimed.pk, ours.pk}
    assert client.get(reverse("knowledge:question", args=[theirs.pk])).status_code == 404


def test_the_queue_costs_a_bounded_number_of_queries(client, orgs, coordinator, django_assert_max_num_queries):
    for i in range(25):
        services.question_ask(question=f"Vraag {i}", organisation=orgs.deploying)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("knowledge:queue"))
    assert len(response.context["questions"]) == 25


def test_an_answer_is_mailed_and_claims_the_question(
    client, orgs, coordinator, other_coordinator, django_capture_on_commit_callbacks
):
    question = services.question_ask(question="Hoe begin ik?", email="vrager@voorbeeld.nl")
    client.force_login(coordinator)
    url = reverse("knowledge:answer", args=[question.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"answer": "Lees de tien stappen."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "answered" and question.organisation == orgs.deploying
    assert question.handled_by == coordinator
    assert mail.outbox[0].to == ["vrager@voorbeeld.nl"] and "Lees de tien stappen." in mail.outbox[0].body
    assert question.reference in mail.outbox[0].subject
    client.force_login(other_coordinator)
    assert client.get(reverse("knowledge:question", args=[question.pk])).status_code == 404


def test_a_referral_names_the_page_and_the_organisation(client, orgs, coordinator, django_capture_on_commit_callbacks):
    orgs.other_deploying.email = "info@andere.nl"
    orgs.other_deploying.save()
    question = services.question_ask(question="Wat mag ik betalen?", email="vrager@voorbeeld.nl")
    article = Article.objects.get(slug="eerlijk-betalen-en-uitkeringen")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("knowledge:refer", args=[question.pk]),
            {"article": article.pk, "referred_organisation": orgs.other_deploying.pk},
        )
    question.refresh_from_db()
    assert question.status == "referred" and question.referred_article == article
    body = mail.outbox[0].body
    assert "/kennis/eerlijk-betalen-en-uitkeringen/" in body and "Andere Stichting" in body and "info@andere.nl" in body


def test_a_referral_without_a_page_or_organisation_is_refused(client, coordinator):
    question = services.question_ask(question="Wat mag ik betalen?")
    client.force_login(coordinator)
    response = client.post(reverse("knowledge:refer", args=[question.pk]), {"answer": "Zie hier"})
    assert response.status_code == 400
    assert "Kies een pagina uit de kennisbank of een organisatie." in response.content.decode()
    question.refresh_from_db()
    assert question.status == "new"


def test_a_question_becomes_one_draft_request_of_the_asker_organisation(client, orgs, coordinator, asker):
    question = services.question_ask(question="Wij willen meedenken over armoedebeleid met ervaringsdeskundigen.")
    client.force_login(coordinator)
    url = reverse("knowledge:to_request", args=[question.pk])
    data = {"asker_organisation": orgs.asker.pk, "title": "Armoedebeleid"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a retry makes no second draft
    draft = EngagementRequest.objects.get()
    assert draft.status == RequestStatus.DRAFT
    assert (draft.asker_organisation, draft.deploying_organisation) == (orgs.asker, orgs.deploying)
    assert draft.title == "Armoedebeleid" and "armoedebeleid" in draft.goal
    question.refresh_from_db()
    assert question.status == "request" and question.engagement_request == draft
    client.force_login(asker)  # the asker finds the draft among their requests
    assert client.get(reverse("engagements:detail", args=[draft.pk])).status_code == 200


def test_only_an_asker_organisation_can_get_the_draft(client, orgs, coordinator):
    question = services.question_ask(question="Vraag")
    client.force_login(coordinator)
    response = client.post(
        reverse("knowledge:to_request", args=[question.pk]),
        {"asker_organisation": orgs.other_deploying.pk, "title": "X"},
    )
    assert response.status_code == 400
    assert not EngagementRequest.objects.exists()


def test_a_coordinator_logs_a_phone_question(client, orgs, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("knowledge:log"), {"question": "Belde over reiskosten.", "channel": "phone", "phone": "030 123 45 67"}
    )
    question = HelpdeskQuestion.objects.get()
    assert response["Location"] == reverse("knowledge:question", args=[question.pk])
    assert (question.channel, question.logged_by, question.organisation) == ("phone", coordinator, orgs.deploying)


def test_erasure_removes_the_questions_left_with_the_persons_address(orgs):
    from inzet.accounts.models import User
    from inzet.privacy.erasure import person_erase

    user = User.objects.create(email="Anna@Voorbeeld.nl", full_name="Anna")
    services.question_ask(question="Mijn vraag", email="anna@voorbeeld.NL")
    services.question_ask(question="Andere vraag", email="iemand@anders.nl")
    counts = person_erase(user=user)
    assert counts["helpdesk_questions"] == 1
    assert [q.email for q in HelpdeskQuestion.objects.all()] == ["iemand@anders.nl"]


def test_retention_deletes_questions_older_than_the_period():
    old = services.question_ask(question="Oud")
    services.question_ask(question="Nieuw")
    HelpdeskQuestion.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    assert delete_old_questions(timezone.now() - dt.timedelta(days=365)) == 1
    assert list(HelpdeskQuestion.objects.values_list("question", flat=True)) == ["Nieuw"]
    assert delete_old_questions(timezone.now() - dt.timedelta(days=365)) == 0


def test_a_coordinator_deletes_a_question_at_the_askers_request(client, orgs, coordinator, other_coordinator):
    question = services.question_ask(question="Verwijder mij", phone="06 1234 5678", organisation=orgs.deploying)
    client.force_login(other_coordinator)
    assert client.post(reverse("knowledge:delete", args=[question.pk])).status_code == 404
    client.force_login(coordinator)
    response = client.post(reverse("knowledge:delete", args=[question.pk]))
    assert response["Location"] == reverse("knowledge:queue")
    assert not HelpdeskQuestion.objects.exists()
