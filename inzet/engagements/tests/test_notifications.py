"""Who hears what, by e-mail, as a request moves on."""

from django.core import mail

from inzet.engagements import services
from inzet.engagements.tests import factories as f


def test_everyone_hears_about_their_part_of_the_lifecycle(
    asker, coordinator, orgs, pool, django_capture_on_commit_callbacks
):
    experts = [p.user.email for p in pool[:2]]
    with django_capture_on_commit_callbacks(execute=True):
        request = f.submitted(orgs, asker)
    assert mail.outbox[-1].to == [coordinator.email] and "Nieuwe vraag" in mail.outbox[-1].subject

    with django_capture_on_commit_callbacks(execute=True):
        services.intake_review(engagement=request, actor=coordinator, answers=f.ACCEPT_ANSWERS)
    assert mail.outbox[-1].to == [asker.email]

    with django_capture_on_commit_callbacks(execute=True):
        invitations = [f.invite(request, p, coordinator) for p in pool[:2]]
    assert sorted(m.to[0] for m in mail.outbox[-2:]) == sorted(experts)

    with django_capture_on_commit_callbacks(execute=True):
        for invitation in invitations:
            f.accept(invitation)
    assert [m.to for m in mail.outbox[-2:]] == [[coordinator.email], [coordinator.email]]

    with django_capture_on_commit_callbacks(execute=True):
        f.with_agreement(request, coordinator)
    assert mail.outbox[-1].to == [asker.email] and "offerte" in mail.outbox[-1].subject.lower()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.agreement_accept(engagement=request, actor=asker)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(experts)
    assert all("/vragen/uitnodigingen/" in m.body for m in mail.outbox)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_start(engagement=request, actor=coordinator)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(experts)
    assert all("begonnen" in m.body for m in mail.outbox)


def test_titles_are_not_html_escaped_in_emails(asker, coordinator, orgs, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        f.submitted(orgs, asker, title="Zorg & welzijn: 'samen'")
    assert "Zorg & welzijn: 'samen'" in mail.outbox[-1].subject
    assert "&amp;" not in mail.outbox[-1].body
