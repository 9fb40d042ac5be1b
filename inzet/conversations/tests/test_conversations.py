"""Threads, messages, attachments, unread counts and what an asker may see of an expert."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from inzet.accounts.permissions import get_roles
from inzet.conversations import selectors, services
from inzet.conversations.models import Message, MessageAttachment, Notification
from inzet.conversations.permissions import invitation_access, shared_access
from inzet.engagements.tests import factories as f
from inzet.experts.models import Audience
from inzet.lib.tests.samples import PDF_BYTES


@pytest.fixture
def engagement(orgs, asker, coordinator):
    return f.matching(orgs, asker, coordinator)


@pytest.fixture
def invitation(engagement, expert, coordinator, orgs):
    return f.invite(engagement, f.profile_for(expert, orgs.deploying), coordinator)


def _post(access, actor, body="Hallo", nonce="n1", files=()):
    return services.message_post(access=access, actor=actor, body=body, nonce=nonce, files=list(files))


# --- who may read and write -------------------------------------------------------------------------


def test_an_invited_expert_sees_only_their_own_thread_until_they_accept(engagement, invitation, expert):
    with pytest.raises(Http404):
        shared_access(expert, engagement.pk)
    assert invitation_access(expert, invitation.pk).can_write
    f.accept(invitation)
    assert shared_access(expert, engagement.pk).can_write


def test_the_asker_never_sees_an_invitation_thread(invitation, asker, other_asker, outsider):
    for person in (asker, other_asker, outsider):
        with pytest.raises(Http404):
            invitation_access(person, invitation.pk)


def test_a_trainer_reads_along_but_may_not_write(engagement, invitation, trainer):
    assert not shared_access(trainer, engagement.pk).can_write
    with pytest.raises(PermissionDenied):
        shared_access(trainer, engagement.pk, write=True)
    with pytest.raises(PermissionDenied):
        invitation_access(trainer, invitation.pk, write=True)


def test_other_organisations_get_404(engagement, other_coordinator, other_asker, operator):
    for person in (other_coordinator, other_asker, operator):
        with pytest.raises(Http404):
            shared_access(person, engagement.pk)


def test_a_draft_has_no_conversation(orgs, asker):
    draft = f.draft(orgs, asker)
    with pytest.raises(Http404):
        shared_access(asker, draft.pk)


# --- posting ------------------------------------------------------------------------------------------


def test_posting_twice_with_the_same_nonce_saves_one_message(engagement, asker):
    access = shared_access(asker, engagement.pk)
    first = _post(access, asker, nonce="same")
    again = _post(access, asker, nonce="same")
    assert first.pk == again.pk
    assert Message.objects.count() == 1


def test_an_empty_message_is_refused_with_a_dutch_message(engagement, asker):
    with pytest.raises(ValidationError) as exc:
        _post(shared_access(asker, engagement.pk), asker, body="   ")
    assert "Schrijf een bericht" in str(exc.value)
    assert Message.objects.count() == 0


def test_the_body_is_encrypted_at_rest(engagement, asker):
    from django.db import connection

    _post(shared_access(asker, engagement.pk), asker, body="Mijn uitkering is gestopt")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM conversations_message")
        stored = cursor.fetchone()[0]
    assert "uitkering" not in stored
    assert Message.objects.get().body == "Mijn uitkering is gestopt"


def test_an_attachment_is_stored_encrypted_and_written_on_commit(engagement, asker, django_capture_on_commit_callbacks):
    import os

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = _post(shared_access(asker, engagement.pk), asker, files=[ContentFile(PDF_BYTES, name="plan.pdf")])
        attachment = message.attachments.get()
        assert not os.path.exists(attachment.file.path)  # not in place before the transaction commits
    for callback in callbacks:
        callback()
    with open(attachment.file.path, "rb") as handle:
        assert handle.read(6) == b"gAAAAA"  # a Fernet token, not the PDF
    assert attachment.file.open("rb").read() == PDF_BYTES


def test_a_message_notifies_the_others_once(engagement, asker, coordinator):
    access = shared_access(asker, engagement.pk)
    _post(access, asker, nonce="a")
    _post(access, asker, nonce="b")
    assert Notification.objects.filter(user=coordinator).count() == 1  # one unread notice per thread
    assert not Notification.objects.filter(user=asker).exists()
    assert "Hallo" not in Notification.objects.get(user=coordinator).text  # never the content


def test_a_private_message_does_not_reach_the_asker(invitation, expert, asker, coordinator):
    _post(invitation_access(expert, invitation.pk), expert, body="Ik heb een tolk nodig")
    assert Notification.objects.filter(user=coordinator).exists()
    assert not Notification.objects.filter(user=asker).exists()
    assert selectors.unread_counts(asker)["messages"] == 0
    assert selectors.unread_counts(coordinator)["messages"] == 1


def test_unread_counts_drop_after_reading(engagement, asker, coordinator):
    access = shared_access(asker, engagement.pk)
    _post(access, asker)
    assert selectors.unread_counts(coordinator) == {"messages": 1, "notifications": 1}
    services.thread_mark_read(access=shared_access(coordinator, engagement.pk), user=coordinator)
    assert selectors.unread_counts(coordinator) == {"messages": 0, "notifications": 0}


def test_the_header_count_compiled_once_counts_for_each_person_and_their_organisations(
    engagement, asker, coordinator, expert
):
    """unread_counts reuses its compiled query with other people's ids: each still gets their own."""
    from inzet.organisations.models import Membership, Organisation, Role

    _post(shared_access(asker, engagement.pk), asker)
    selectors._compiled_unread.clear()
    assert selectors.unread_counts(coordinator) == {"messages": 1, "notifications": 1}
    assert selectors.unread_counts(asker) == {"messages": 0, "notifications": 0}
    assert selectors.unread_counts(expert) == {"messages": 0, "notifications": 0}
    # A second organisation changes the shape (two staff organisations): a new compile, same answer.
    other = Organisation.objects.create(name="Tweede organisatie", slug="tweede-organisatie")
    Membership.objects.create(user=coordinator, organisation=other, role=Role.COORDINATOR)
    coordinator._inzet_roles = None
    assert selectors.unread_counts(coordinator) == {"messages": 1, "notifications": 1}
    # A coordinator of only the other organisation reuses the one-organisation query: nothing to see.
    outsider = type(coordinator).objects.create_user("buiten@example.org", full_name="Buiten")
    Membership.objects.create(user=outsider, organisation=other, role=Role.COORDINATOR)
    assert selectors.unread_counts(outsider) == {"messages": 0, "notifications": 0}
    assert len(selectors._compiled_unread) == 4  # shapes (staff, asker orgs): (1, 0), (0, 1), (0, 0), (2, 0)


# --- consent -----------------------------------------------------------------------------------------


def test_an_asker_sees_an_experts_name_only_when_shared(engagement, invitation, expert, asker, coordinator):
    f.accept(invitation)
    profile = invitation.expert
    profile.vis_name = Audience.COORDINATORS
    profile.save()
    _post(shared_access(expert, engagement.pk), expert, body="Ik kom graag")
    rows = selectors.message_rows(
        asker, shared_access(asker, engagement.pk), selectors.thread_of(shared_access(asker, engagement.pk))
    )
    assert expert.full_name not in rows[0].name
    assert "naam niet gedeeld" in rows[0].name
    staff_rows = selectors.message_rows(
        coordinator,
        shared_access(coordinator, engagement.pk),
        selectors.thread_of(shared_access(coordinator, engagement.pk)),
    )
    assert staff_rows[0].name == expert.full_name


# --- pages ---------------------------------------------------------------------------------------------


def test_the_asker_posts_a_message_with_an_attachment_on_the_page(client, engagement, asker, coordinator):
    client.force_login(asker)
    url = reverse("conversations:request", args=[engagement.pk])
    page = client.get(url)
    nonce = page.context["form"].initial["nonce"]
    upload = SimpleUploadedFile("agenda.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(url, {"body": "Hierbij de agenda", "nonce": nonce, "file": upload})
    assert response.status_code == 302
    attachment = MessageAttachment.objects.get()
    client.force_login(coordinator)
    page = client.get(url)
    assert "Hierbij de agenda" in page.content.decode()
    download = client.get(reverse("conversations:attachment", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_a_fake_pdf_is_refused_and_the_text_is_kept(client, engagement, asker):
    client.force_login(asker)
    url = reverse("conversations:request", args=[engagement.pk])
    upload = SimpleUploadedFile("agenda.pdf", b"<html><script>x</script></html>", content_type="application/pdf")
    response = client.post(url, {"body": "Mijn tekst blijft staan", "nonce": "x1", "file": upload})
    assert response.status_code == 200
    content = response.content.decode()
    assert "niet wat de naam zegt" in content
    assert "Mijn tekst blijft staan" in content
    assert Message.objects.count() == 0


def test_the_thread_page_uses_a_bounded_number_of_queries(client, engagement, asker, django_assert_max_num_queries):
    access = shared_access(asker, engagement.pk)
    for i in range(30):
        _post(access, asker, nonce=f"q{i}", files=[ContentFile(PDF_BYTES, name=f"p{i}.pdf")] if i % 3 == 0 else [])
    client.force_login(asker)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("conversations:request", args=[engagement.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("conversations:inbox")).status_code == 200


def test_the_header_shows_the_counts_without_script_in_one_bounded_query(
    client, engagement, asker, coordinator, django_assert_max_num_queries, django_assert_num_queries
):
    _post(shared_access(asker, engagement.pk), asker)
    client.force_login(coordinator)
    page = client.get(reverse("engagements:inbox")).content.decode()
    # Rendered on the server: the number is in the HTML, the badge is not hidden.
    assert '<span class="inzet-badge" data-inzet-unread="messages"><span data-inzet-unread-number>1</span>' in page
    assert '<span class="inzet-badge" data-inzet-unread="notifications"><span data-inzet-unread-number>1</span>' in page
    get_roles(coordinator)  # every page has read the roles already
    with django_assert_num_queries(1):
        assert selectors.unread_counts(coordinator) == {"messages": 1, "notifications": 1}
    with django_assert_max_num_queries(12):  # session, person, roles, then the one count
        counts = client.get(reverse("conversations:unread")).json()
    assert counts == {"messages": 1, "notifications": 1}


def test_nothing_unread_shows_a_hidden_empty_badge(rf, coordinator):
    from django.template import RequestContext, Template

    from inzet.conversations.context_processors import unread

    request = rf.get("/")
    request.user = coordinator
    html = Template('{% load conversation_badges %}{% unread_badge "messages" %}').render(
        RequestContext(request, {}, [unread])
    )
    assert (
        '<span class="inzet-badge" data-inzet-unread="messages" hidden><span data-inzet-unread-number></span>' in html
    )


def test_the_count_is_computed_once_per_request_however_often_it_is_shown(rf, coordinator):
    from django.db import connection
    from django.template import RequestContext, Template
    from django.test.utils import CaptureQueriesContext

    from inzet.conversations.context_processors import unread

    request = rf.get("/")
    request.user = coordinator
    get_roles(coordinator)
    template = Template('{% load conversation_badges %}{% unread_badge "messages" %}{% unread_badge "messages" %}')
    with CaptureQueriesContext(connection) as queries:
        template.render(RequestContext(request, {}, [unread]))
        template.render(RequestContext(request, {}, [unread]))
    assert len(queries) == 1


def test_counting_stops_above_the_cap_and_the_badge_says_99_plus(client, engagement, asker, coordinator):
    Notification.objects.bulk_create(
        Notification(user=coordinator, text=f"Melding {i}", path="/") for i in range(selectors.UNREAD_CAP + 3)
    )
    assert selectors.unread_counts(coordinator)["notifications"] == selectors.UNREAD_CAP + 1
    client.force_login(coordinator)
    page = client.get(reverse("engagements:inbox")).content.decode()
    assert "<span data-inzet-unread-number>99+</span>" in page


# --- digest ---------------------------------------------------------------------------------------------


def test_the_digest_claims_rows_so_a_second_run_sends_nothing(
    engagement, asker, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    _post(shared_access(asker, engagement.pk), asker, body="Geheime inhoud")
    with django_capture_on_commit_callbacks(execute=True):
        first = services.digest_send()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.digest_send()
    assert (first, second) == (1, 0)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [coordinator.email]
    assert "Geheime inhoud" not in mailoutbox[0].body  # the message itself stays in the app
    assert "/gesprekken/vraag/" in mailoutbox[0].body


def test_no_digest_for_someone_who_switched_it_off(client, engagement, asker, coordinator, mailoutbox):
    client.force_login(coordinator)
    client.post(reverse("conversations:digest_setting"), {})
    _post(shared_access(asker, engagement.pk), asker)
    assert services.digest_send() == 0
    assert mailoutbox == []
    assert Notification.objects.filter(user=coordinator, read_at__isnull=True).exists()  # still in the app


# --- erasure ------------------------------------------------------------------------------------------


def test_erasing_a_person_removes_their_messages_files_and_notices(
    engagement, asker, coordinator, django_capture_on_commit_callbacks
):
    import os

    from inzet.privacy.erasure import person_erase

    with django_capture_on_commit_callbacks(execute=True):
        own = _post(
            shared_access(asker, engagement.pk), asker, nonce="own", files=[ContentFile(PDF_BYTES, name="plan.pdf")]
        )
    path = own.attachments.get().file.path
    _post(shared_access(coordinator, engagement.pk), coordinator, body="Antwoord van de coördinator", nonce="other")
    with django_capture_on_commit_callbacks(execute=True):
        counts = person_erase(user=asker)
    assert counts["messages"] >= 2  # the message and its read mark at least
    assert list(Message.objects.values_list("body", flat=True)) == ["Antwoord van de coördinator"]
    assert not os.path.exists(path)
    assert not Notification.objects.filter(user=asker).exists()


# --- notices from engagements and compensation ---------------------------------------------------------


def test_an_expert_stepping_back_becomes_a_notice_for_the_coordinators_only(orgs, asker, coordinator, expert):
    from inzet.engagements import changes

    request = f.matching(orgs, asker, coordinator, experts_needed=1)
    invitation = f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    changes.invitation_withdraw(invitation=invitation, actor=expert, reason="Te zwaar op dit moment")
    notice = Notification.objects.get(user=coordinator, text__contains="teruggetrokken")
    assert "zwaar" not in notice.text
    assert notice.path == reverse("engagements:detail", args=[request.pk])
    assert not Notification.objects.filter(user=asker).exists()


def test_a_different_notice_about_the_same_request_is_not_swallowed(orgs, asker, coordinator):
    services.notify(users=[coordinator], text="De vrager vraagt een aanpassing", path="/vragen/1/")
    services.notify(users=[coordinator], text="De vrager vraagt een aanpassing", path="/vragen/1/")
    services.notify(users=[coordinator], text="Een ervaringsdeskundige heeft zich teruggetrokken", path="/vragen/1/")
    assert Notification.objects.filter(user=coordinator).count() == 2
