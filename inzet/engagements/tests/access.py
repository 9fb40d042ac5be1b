"""Who may open each page of the engagements app (see inzet/lib/testing.py).

The data: a request from the asker persona's organisation (Gemeente Test) to the coordinator
persona's organisation (Stichting Ervaring), in the state each page needs. The expert persona is
invited (and for some pages has said yes). Other organisations' people get 404.
"""

from inzet.engagements import services
from inzet.engagements.tests import factories as f
from inzet.lib.testing import LOGIN, everyone, only

ASKER = "asker@test.nl"
COORDINATOR = "coordinator@test.nl"
EXPERT = "expert@test.nl"

# Who sees a submitted request; everyone else gets 404.
READERS = {"coordinator": 200, "trainer": 200, "asker": 200}
# Coordinator-only pages: the trainer and the asker may see the request but not do this.
COORDINATOR_PAGE = {"coordinator": 200, "trainer": 403, "asker": 403}


def _people():
    return f.person(ASKER), f.person(COORDINATOR), f.person(EXPERT)


def _draft(orgs):
    asker, _coordinator, _expert = _people()
    return {"pk": f.draft(orgs, asker).pk}


def _draft_step(orgs):
    return {**_draft(orgs), "step": "doel"}


def _submitted(orgs):
    asker, _coordinator, _expert = _people()
    return {"pk": f.submitted(orgs, asker).pk}


def _matching(orgs):
    asker, coordinator, _expert = _people()
    return {"pk": f.matching(orgs, asker, coordinator).pk}


def _matching_with_accepted_expert(orgs):
    """A matching request with an agreement and an attachment; the expert persona said yes."""
    asker, coordinator, expert = _people()
    request = f.draft(orgs, asker)
    attachment = f.with_attachment(request, asker)
    services.request_submit(engagement=request, actor=asker)
    services.intake_review(engagement=request, actor=coordinator, answers=f.ACCEPT_ANSWERS)
    f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    f.with_agreement(request, coordinator)
    return {"pk": request.pk, "attachment_pk": attachment.pk}


def _introduction(orgs):
    """A matching request that asks for a kennismaking; the expert persona said yes."""
    asker, coordinator, expert = _people()
    request = f.matching(orgs, asker, coordinator, getting_to_know=True)
    f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator))
    return {"pk": request.pk}


def _pk_only(builder):
    return lambda orgs: {"pk": builder(orgs)["pk"]}


def _invitation(orgs):
    asker, coordinator, expert = _people()
    request = f.matching(orgs, asker, coordinator)
    return {"pk": f.invite(request, f.profile_for(expert, orgs.deploying), coordinator).pk}


def _accepted_invitation(orgs):
    asker, coordinator, expert = _people()
    request = f.matching(orgs, asker, coordinator)
    return {"pk": f.accept(f.invite(request, f.profile_for(expert, orgs.deploying), coordinator)).pk}


def _referring(orgs):
    from inzet.organisations.models import PolicySettings

    PolicySettings.objects.update_or_create(pk=1, defaults={"brokerage": False})
    return {}


def _referral(orgs):
    from inzet.engagements.models import Referral

    _referring(orgs)
    referral = Referral.objects.create(
        asker_organisation=orgs.asker,
        organisation=orgs.deploying,
        created_by=f.person(ASKER),
        question="Wie denkt mee over ons armoedebeleid?",
        contact="030-1234567",
    )
    return {"pk": referral.pk}


def _feed(orgs):
    return {"token": services.calendar_feed_get(user=f.person(ASKER)).token}


CALENDAR_ROLES = {
    "coordinator": 200,
    "other_coordinator": 200,
    "trainer": 200,
    "expert": 200,
    "asker": 200,
    "other_asker": 200,
}

MATRIX = {
    # askers
    "engagements:mine": (None, only({"asker": 200, "other_asker": 200}, 403), LOGIN),
    "engagements:create": (None, only({"asker": 200, "other_asker": 200}, 403), LOGIN),
    "engagements:detail": (_pk_only(_matching_with_accepted_expert), only(READERS, 404), LOGIN),
    "engagements:edit": (_draft_step, only({"asker": 200}, 404), LOGIN),
    "engagements:submit": (_draft, everyone(405), LOGIN),
    "engagements:cancel": (_matching, only({"asker": 200, "coordinator": 200, "trainer": 403}, 404), LOGIN),
    "engagements:attachment": (
        _matching_with_accepted_expert,
        only({**READERS, "expert": 200}, 404),
        LOGIN,
    ),
    "engagements:attachment_delete": (lambda o: {"pk": 1, "attachment_pk": 1}, everyone(405), LOGIN),
    "engagements:agreement_accept": (_matching, everyone(405), LOGIN),
    # the deploying organisation
    "engagements:inbox": (
        None,
        only({"coordinator": 200, "other_coordinator": 200, "trainer": 200}, 403),
        LOGIN,
    ),
    "engagements:housekeeping": (None, only({"coordinator": 405, "other_coordinator": 405}, 403), LOGIN),
    "engagements:intake_start": (_submitted, everyone(405), LOGIN),
    "engagements:intake": (_submitted, only(COORDINATOR_PAGE, 404), LOGIN),
    "engagements:invite": (_matching, only(COORDINATOR_PAGE, 404), LOGIN),
    "engagements:agreement": (_matching, only(COORDINATOR_PAGE, 404), LOGIN),
    "engagements:agreement_pdf": (
        _pk_only(_matching_with_accepted_expert),
        only({**READERS, "expert": 200}, 404),
        LOGIN,
    ),
    "engagements:quote_pdf": (_pk_only(_matching_with_accepted_expert), only(READERS, 404), LOGIN),
    "engagements:start": (_matching, everyone(405), LOGIN),
    "engagements:complete": (_matching, everyone(405), LOGIN),
    "engagements:session_add": (_matching, only(COORDINATOR_PAGE, 404), LOGIN),
    # calendar
    "engagements:request_calendar": (
        _pk_only(_matching_with_accepted_expert),
        only({**READERS, "expert": 200}, 404),
        LOGIN,
    ),
    "engagements:calendar": (None, only(CALENDAR_ROLES, 403), LOGIN),
    "engagements:calendar_renew": (None, only(dict.fromkeys(CALENDAR_ROLES, 405), 403), LOGIN),
    # The private feed opens with its secret token alone, so calendar apps can read it.
    "engagements:feed": (_feed, everyone(200), 200),
    # referring (brokerage off)
    "engagements:referral_find": (_referring, only({"asker": 200, "other_asker": 200}, 403), LOGIN),
    "engagements:referral_create": (
        lambda o: {**_referring(o), "organisation_pk": o.deploying.pk},
        only({"asker": 200, "other_asker": 200}, 403),
        LOGIN,
    ),
    "engagements:referrals": (
        _referring,
        only(
            {"asker": 200, "other_asker": 200, "coordinator": 200, "other_coordinator": 200, "trainer": 200},
            404,
        ),
        LOGIN,
    ),
    "engagements:referral_answer": (_referral, everyone(405), LOGIN),
    # experts
    "engagements:invitations": (None, only({"expert": 200}, 403), LOGIN),
    "engagements:invitation": (_invitation, only({"expert": 200}, 404), LOGIN),
    "engagements:invitation_needs": (_accepted_invitation, only({"expert": 200}, 404), LOGIN),
    "engagements:assignments": (None, only({"expert": 200}, 403), LOGIN),
    # changing one's mind
    "engagements:agreement_change": (
        _pk_only(_matching_with_accepted_expert),
        only({**COORDINATOR_PAGE, "coordinator": 403, "trainer": 403, "asker": 200}, 404),
        LOGIN,
    ),
    "engagements:invitation_withdraw": (_accepted_invitation, only({"expert": 200}, 404), LOGIN),
    # the kennismaking: the request's readers and the expert who said yes
    "engagements:introduction": (_introduction, only({**READERS, "expert": 200}, 404), LOGIN),
}


def _post(builder):
    return lambda orgs, personas: builder(orgs)


def _agreed(orgs, personas):
    asker, coordinator, expert = _people()
    return {"pk": f.agreed(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)]).pk}


def _running(orgs, personas):
    asker, coordinator, expert = _people()
    return {"pk": f.running(orgs, asker, coordinator, [f.profile_for(expert, orgs.deploying)]).pk}


def _ready_to_accept(orgs, personas):
    asker, coordinator, expert = _people()
    request = f.matching(orgs, asker, coordinator, experts_needed=1)
    f.fill_seats(request, coordinator, [f.profile_for(expert, orgs.deploying)])
    f.with_agreement(request, coordinator)
    return {"pk": request.pk}


def _draft_attachment(orgs, personas):
    asker, _coordinator, _expert = _people()
    request = f.draft(orgs, asker)
    return {"pk": request.pk, "attachment_pk": f.with_attachment(request, asker).pk}


NOT_OURS = {"operator": 404, "other_coordinator": 404, "other_asker": 404, "outsider": 404}
COORDINATOR_CHANGE = {**NOT_OURS, "expert": 404, "trainer": 403, "asker": 403, "coordinator": 302}

POST_MATRIX = {
    # Without an action nothing happens (403) for those who see it; outsiders 404.
    "engagements:introduction": (
        lambda o, p: _introduction(o),
        {**NOT_OURS, "expert": 403, "trainer": 403, "asker": 403, "coordinator": 403},
    ),
    "engagements:submit": (
        _post(_draft),
        {**NOT_OURS, "coordinator": 404, "trainer": 404, "expert": 404, "asker": 302},
    ),
    "engagements:attachment_delete": (
        _draft_attachment,
        {**NOT_OURS, "coordinator": 404, "trainer": 404, "expert": 404, "asker": 302},
    ),
    "engagements:cancel": (
        _post(_matching),
        {**NOT_OURS, "expert": 404, "trainer": 403, "asker": 302, "coordinator": 302},
    ),
    "engagements:agreement_accept": (
        _ready_to_accept,
        {**NOT_OURS, "expert": 404, "trainer": 403, "coordinator": 403, "asker": 302},
    ),
    "engagements:housekeeping": (
        lambda o, p: {},
        only({"coordinator": 302, "other_coordinator": 302}, 403),
    ),
    "engagements:intake_start": (_post(_submitted), COORDINATOR_CHANGE),
    "engagements:invite": (_post(_matching), COORDINATOR_CHANGE),
    "engagements:start": (_agreed, COORDINATOR_CHANGE),
    "engagements:complete": (_running, COORDINATOR_CHANGE),
    "engagements:calendar_renew": (lambda o, p: {}, only(dict.fromkeys(CALENDAR_ROLES, 302), 403)),
    # An empty reason is refused with a message and the form again (200); the asker's people only.
    "engagements:agreement_change": (
        _post(_pk_only(_matching_with_accepted_expert)),
        {**NOT_OURS, "expert": 404, "trainer": 403, "coordinator": 403, "asker": 200},
    ),
    # The expert steps back (302); nobody else can do it for them.
    "engagements:invitation_withdraw": (
        lambda o, p: _accepted_invitation(o),
        {**NOT_OURS, "coordinator": 404, "trainer": 404, "asker": 404, "expert": 302},
    ),
    "engagements:invitation": (
        lambda o, p: _invitation(o),
        {**NOT_OURS, "coordinator": 404, "trainer": 404, "asker": 404, "expert": 200},
    ),
    "engagements:referral_answer": (
        lambda o, p: _referral(o),
        {**NOT_OURS, "expert": 404, "asker": 404, "trainer": 403, "coordinator": 302},
    ),
    # An empty form is valid ("nothing needed"): the expert is sent back to the invitation.
    "engagements:invitation_needs": (
        lambda o, p: _accepted_invitation(o),
        {**NOT_OURS, "coordinator": 404, "trainer": 404, "asker": 404, "expert": 302},
    ),
}
