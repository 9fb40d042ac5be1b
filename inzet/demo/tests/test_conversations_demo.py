"""The demo shows a conversation, without notifying anyone, and loading it twice adds nothing."""

from inzet.conversations.models import Message
from inzet.demo.conversations import load_conversations_demo


def test_the_demo_shows_a_conversation_and_loads_once(db, mailoutbox, django_capture_on_commit_callbacks):
    from inzet.conversations.models import Notification
    from inzet.demo.data import load_demo

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_conversations_demo()  # a second call adds nothing
    assert Message.objects.count() == 4
    assert Message.objects.filter(attachments__isnull=False).exists()
    assert not Notification.objects.exists()
    assert mailoutbox == []
