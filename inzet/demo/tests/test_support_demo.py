from inzet.demo.data import load_demo
from inzet.demo.support import load_support_demo
from inzet.support import selectors
from inzet.support.models import BuddyPair, CheckIn, EarlyConversation, MentorTalk


def test_the_demo_shows_every_support_feature_and_loads_once(db, mailoutbox, django_capture_on_commit_callbacks):
    from inzet.accounts.models import User

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
        load_support_demo()  # a second call adds nothing
    coordinator = User.objects.get(email="coordinator@example.org")
    assert MentorTalk.objects.count() == 2
    assert [r.overdue for r in selectors.team_experts(coordinator)].count(True) >= 1
    assert selectors.open_low_checkins(coordinator).count() == 1
    assert CheckIn.objects.filter(expert__user__email="expert@example.org", score=4).exists()
    conversation = EarlyConversation.objects.get()
    assert conversation.expert.paused and conversation.expert.paused_until == conversation.pause_until
    assert set(BuddyPair.objects.values_list("state", flat=True)) == {"active", "proposed"}
    from inzet.support.models import Meeting, MeetingSeat

    assert Meeting.objects.exclude(reflection="").count() == 1
    assert MeetingSeat.objects.filter(attended=True).exists()
    assert MeetingSeat.objects.filter(expert__user__email="expert@example.org", state="signed_up").exists()
    assert mailoutbox == []  # building the demo mails nobody
