"""Closing a request both ways: answers, moderation, who sees what as the switch says, the follow-up
mail, the matching criterion, and the word list."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from inzet.compensation.tests import factories as f
from inzet.engagements.models import RequestStatus
from inzet.evaluation import feedback
from inzet.evaluation.models import AskerFeedback, ExpertFeedback, Moderation, StigmaWord
from inzet.evaluation.tests.factories import asker_feedback
from inzet.organisations.models import PolicySettings


def _switch(on: bool) -> None:
    PolicySettings.objects.filter(pk=PolicySettings.current().pk).update(reviews=on)


def _complete(orgs, asker, expert):
    _switch(True)
    invitation = f.assignment(orgs, expert=expert, asker=asker, rate=None)
    invitation.request.status = RequestStatus.COMPLETED
    invitation.request.save(update_fields=["status"])
    return invitation.request


@pytest.fixture
def completed(orgs, asker, expert):
    return _complete(orgs, asker, expert)


def _asker_form(**extra):
    data = {
        "request_key": str(uuid.uuid4()),
        "goal_met": "4",
        "cooperation": "5",
        "follow_up": "Het advies staat nu in het nieuwe beleidsplan.",
        "price": "fair",
        "remarks": "Een van hen had een psychose gehad, dat hielp juist.",
    }
    data.update(extra)
    return data


def test_both_ways_moderated_then_shown_and_the_follow_up_mailed(
    client, completed, asker, expert, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(asker)
    url = reverse("evaluation:feedback_asker", kwargs={"request_pk": completed.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _asker_form())
    assert response.status_code == 302
    given = AskerFeedback.objects.get(request=completed)
    assert given.state == Moderation.PENDING and given.flagged == "psychose"
    client.force_login(expert)
    client.post(
        reverse("evaluation:feedback_expert", kwargs={"request_pk": completed.pk}),
        {"request_key": str(uuid.uuid4()), "conditions": "4", "safety": "5", "paid": "yes", "remarks": "Fijn"},
    )
    page = reverse("evaluation:feedback_request", kwargs={"request_pk": completed.pk})
    # Before the check the expert sees nothing of the asker's answers.
    assert "beleidsplan" not in client.get(page).content.decode()

    client.force_login(coordinator)
    moderate = reverse("evaluation:feedback_moderate", kwargs={"kind": "vrager", "pk": given.pk})
    assert "psychose" in client.get(moderate).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            moderate,
            {"decision": "approve", "follow_up": given.follow_up, "remarks": "Het hielp juist."},
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [[expert.email]]
    assert "beleidsplan" not in mailoutbox[0].body  # the mail links, it does not quote
    theirs = ExpertFeedback.objects.get(request=completed)
    client.post(
        reverse("evaluation:feedback_moderate", kwargs={"kind": "deskundige", "pk": theirs.pk}),
        {"decision": "approve", "remarks": theirs.remarks},
    )

    client.force_login(expert)
    html = client.get(page).content.decode()
    assert "beleidsplan" in html and "Het hielp juist." in html and "psychose" not in html
    client.force_login(asker)
    assert "Fijn" in client.get(page).content.decode()


def test_a_refused_answer_stays_hidden_and_a_second_decision_changes_nothing(client, completed, asker, coordinator):
    item = asker_feedback(asker, completed.pk, goal_met=2, cooperation=2, follow_up="Niets mee gedaan")
    feedback.feedback_moderate(item=item, by=coordinator, approve=False)
    again = feedback.feedback_moderate(item=item, by=coordinator, approve=True)
    assert again.state == Moderation.REFUSED


def test_the_switch_off_shows_and_takes_nothing(client, completed, asker, expert):
    _switch(False)
    client.force_login(asker)
    assert client.get(reverse("evaluation:feedback_request", kwargs={"request_pk": completed.pk})).status_code == 404
    response = client.post(reverse("evaluation:feedback_asker", kwargs={"request_pk": completed.pk}), _asker_form())
    assert response.status_code == 404
    assert not AskerFeedback.objects.exists()


def test_a_double_click_stores_once_and_a_second_answer_gets_a_clear_message(client, completed, asker):
    client.force_login(asker)
    url = reverse("evaluation:feedback_asker", kwargs={"request_pk": completed.pk})
    data = _asker_form()
    client.post(url, data)
    client.post(url, data)
    assert AskerFeedback.objects.count() == 1
    response = client.post(url, _asker_form())
    assert response.status_code == 200
    assert "al gegeven" in response.content.decode()
    assert AskerFeedback.objects.count() == 1


def test_bad_input_gets_a_dutch_message_and_keeps_the_text(client, completed, asker):
    client.force_login(asker)
    url = reverse("evaluation:feedback_asker", kwargs={"request_pk": completed.pk})
    response = client.post(url, _asker_form(goal_met="9", remarks="Mijn eigen woorden"))
    html = response.content.decode()
    assert response.status_code == 200 and "Mijn eigen woorden" in html and "geldige keuze" in html


def test_wrong_roles_are_refused_on_writes(completed, asker, expert, coordinator, other_asker):
    with pytest.raises(PermissionDenied):
        asker_feedback(expert, completed.pk)
    with pytest.raises(PermissionDenied):
        feedback.expert_feedback_give(
            parties=feedback.parties(asker, completed.pk),
            by=asker,
            request_key=uuid.uuid4(),
            conditions=5,
            safety=5,
            paid="yes",
            remarks="",
        )
    from django.http import Http404

    with pytest.raises(Http404):
        feedback.parties(other_asker, completed.pk)
    item = asker_feedback(asker, completed.pk)
    with pytest.raises(PermissionDenied):
        feedback.feedback_moderate(item=item, by=asker, approve=True)


def test_approved_feedback_changes_the_matching_explanation_within_the_organisation(orgs, asker, coordinator, expert):
    from inzet.matching import selectors
    from inzet.matching.tests.conftest import make_expert, make_request

    profile = make_expert(orgs.deploying, user=expert)  # active and willing: a candidate
    completed = _complete(orgs, asker, expert)
    new = make_request(orgs, asker, coordinator)
    make_expert(orgs.deploying)  # a candidate without feedback

    def explanation():
        pool = selectors.candidate_set(new, coordinator)
        match = next(m for m in selectors.rank(pool, coordinator, limit=50) if m.expert_id == profile.pk)
        return next(c for c in match.criteria if c.code == "feedback")

    assert explanation().explanation_nl == "Nog geen feedback."
    item = asker_feedback(asker, completed.pk, cooperation=4, follow_up="Gebruikt")
    assert explanation().explanation_nl == "Nog geen feedback."  # not before the check
    feedback.feedback_moderate(item=item, by=coordinator, approve=True)
    assert explanation().explanation_nl == "Eerdere feedback: 88 van de 100."
    assert feedback.expert_feedback_scores(orgs.other_deploying.pk) == {}


def test_the_operator_keeps_the_word_list(client, operator):
    client.force_login(operator)
    url = reverse("evaluation:stigma_words")
    assert StigmaWord.objects.filter(word="verslaafde").exists()  # the starting list
    client.post(url, {"word": " Labelwoord "})
    word = StigmaWord.objects.get(word="labelwoord")
    response = client.post(url, {"word": "twee woorden"})
    assert "Vul één woord in" in response.content.decode()
    client.post(reverse("evaluation:stigma_word_remove", kwargs={"pk": word.pk}))
    assert not StigmaWord.objects.filter(word="labelwoord").exists()


def test_an_empty_post_says_what_is_missing(client, operator):
    """A POST with no fields at all (a browser sends none for an empty form without a token field)
    is still a POST: the form says what is missing instead of showing itself again as if fresh."""
    client.force_login(operator)
    response = client.post(reverse("evaluation:stigma_words"), {})
    assert response.status_code == 200
    assert "utrecht-form-field--invalid" in response.content.decode()


def test_the_request_page_takes_a_bounded_number_of_queries(
    client, completed, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    with django_assert_max_num_queries(25):
        assert (
            client.get(reverse("evaluation:feedback_request", kwargs={"request_pk": completed.pk})).status_code == 200
        )
    with django_assert_max_num_queries(25):
        assert client.get(reverse("evaluation:feedback_index")).status_code == 200


def test_validation_error_is_raised_for_an_empty_follow_up(completed, asker):
    with pytest.raises(ValidationError):
        asker_feedback(asker, completed.pk, follow_up="  ")


def _auth(user) -> dict:
    from inzet.accounts.models import ApiToken

    _token, raw = ApiToken.issue(user=user, name="test", made_after_two_step=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_the_api_has_the_same_rules_as_the_pages(client, completed, asker, expert, coordinator, other_asker):
    base = f"/api/evaluation/feedback/{completed.pk}"
    body = {"request_key": str(uuid.uuid4()), "goal_met": 5, "cooperation": 4, "follow_up": "Gebruikt", "price": "fair"}
    headers = {**_auth(asker), "HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}
    assert client.post(f"{base}/asker", body, content_type="application/json", **_auth(expert)).status_code == 403
    assert client.get(base, **_auth(other_asker)).status_code == 404
    bad = client.post(f"{base}/asker", {**body, "goal_met": 9}, content_type="application/json", **_auth(asker))
    assert bad.status_code == 422 and not AskerFeedback.objects.exists()
    first = client.post(f"{base}/asker", body, content_type="application/json", **headers)
    again = client.post(f"{base}/asker", body, content_type="application/json", **headers)
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    assert AskerFeedback.objects.count() == 1
    assert client.get(base, **_auth(expert)).json()["asker"] is None  # not before the check
    item = first.json()["id"]
    refused = client.post(
        f"/api/evaluation/feedback/moderation/vrager/{item}",
        {"approve": True},
        content_type="application/json",
        **_auth(asker),
    )
    assert refused.status_code == 403
    done = client.post(
        f"/api/evaluation/feedback/moderation/vrager/{item}",
        {"approve": True},
        content_type="application/json",
        **_auth(coordinator),
    )
    assert done.json()["state"] == "approved"
    assert client.get(base, **_auth(expert)).json()["asker"]["follow_up"] == "Gebruikt"
