"""Who may open the evaluation pages: coordinators of the organisation; a funder only through a live link."""

import datetime as dt

from inzet.lib.testing import LOGIN, everyone, only


def _org(o) -> dict:
    return {"org_pk": o.deploying.pk}


def _grant(o, p=None):
    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.evaluation.models import ReportGrant

    today = timezone.localdate()
    return ReportGrant.objects.create(
        organisation=o.deploying,
        funder="Fonds Test",
        period_start=dt.date(today.year, 1, 1),
        period_end=today,
        expires_on=today + dt.timedelta(days=30),
        created_by=User.objects.get(email="coordinator@test.nl"),
    )


def _token(o) -> dict:
    return {"token": _grant(o).token}


def _grant_pk(o, p) -> dict:
    return {"pk": _grant(o).pk}


def _story(o, p=None) -> dict:
    import uuid

    from inzet.accounts.models import User
    from inzet.evaluation import services

    story = services.story_submit(
        organisation=o.deploying,
        by=User.objects.get(email="expert@test.nl"),
        request_key=uuid.uuid4(),
        teller="expert",
        title="Mijn verhaal",
        text="Geheim verhaal",
        anonymous=True,
        name_shown="",
        for_report=True,
        for_website=False,
    )
    return {"pk": story.pk}


def _reflection(o) -> dict:
    import uuid

    from django.utils import timezone

    from inzet.accounts.models import User
    from inzet.evaluation import services

    reflection = services.reflection_record(
        organisation=o.deploying,
        by=User.objects.get(email="expert@test.nl"),
        request_key=uuid.uuid4(),
        occasion="intervision",
        meeting=None,
        held_on=timezone.localdate(),
        went_well="Goed",
        was_hard="Moeilijk",
        we_learn="Leren",
    )
    return {"pk": reflection.pk}


def _completed(o, p=None) -> dict:
    """A completed request of the test asker with the test expert on it; the reviews switch on."""
    from inzet.accounts.models import User
    from inzet.compensation.tests import factories as f
    from inzet.engagements.models import RequestStatus
    from inzet.organisations.models import PolicySettings

    PolicySettings.objects.filter(pk=PolicySettings.current().pk).update(reviews=True)
    invitation = f.assignment(
        o, expert=User.objects.get(email="expert@test.nl"), asker=User.objects.get(email="asker@test.nl"), rate=None
    )
    invitation.request.status = RequestStatus.COMPLETED
    invitation.request.save(update_fields=["status"])
    return {"request_pk": invitation.request.pk}


def _pending(o, p=None) -> dict:
    from inzet.accounts.models import User
    from inzet.evaluation.tests.factories import asker_feedback

    asker = User.objects.get(email="asker@test.nl")
    item = asker_feedback(
        asker, _completed(o)["request_pk"], goal_met=4, follow_up="Het advies staat in het nieuwe beleid"
    )
    return {"kind": "vrager", "pk": item.pk}


def _word(o, p=None) -> dict:
    from inzet.evaluation.models import StigmaWord

    return {"pk": StigmaWord.objects.get_or_create(word="testwoord")[0].pk}


# The parties of a completed request: its asker, its expert, the coordinators of the deploying
# organisation; others with one of those roles 404, everyone else 403.
_PARTIES = only({"coordinator": 200, "expert": 200, "asker": 200, "other_coordinator": 404, "other_asker": 404}, 403)
_FEEDBACK_ROLES = only(
    {"coordinator": 200, "expert": 200, "asker": 200, "other_coordinator": 200, "other_asker": 200}, 403
)


# Writers of stories and reflections: experts, trainers and coordinators of the organisation.
_WRITERS = only({"coordinator": 200, "trainer": 200, "expert": 200, "other_coordinator": 200}, 403)
# The writer's own item, and the coordinators of its organisation; 404 for other writers, 403 for non-writers.
_OWN_OR_COORDINATED = only({"coordinator": 200, "expert": 200, "trainer": 404, "other_coordinator": 404}, 403)
_WRITER_IN_ORG = only({"coordinator": 200, "trainer": 200, "expert": 200, "other_coordinator": 404}, 403)

# Coordinators of the organisation read its report; a coordinator elsewhere gets 404; other roles 403.
_COORDINATOR_ONLY = only({"coordinator": 200, "other_coordinator": 404}, 403)

MATRIX = {
    "evaluation:index": (None, only({"coordinator": 200, "other_coordinator": 200}, 403), LOGIN),
    "evaluation:report": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:report_pdf": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:report_xlsx": (_org, _COORDINATOR_ONLY, LOGIN),
    "evaluation:grants": (_org, _COORDINATOR_ONLY, LOGIN),
    # POST only: a GET is refused (405) for everyone.
    "evaluation:grant_revoke": (lambda o: {"pk": _grant(o).pk}, everyone(405), 405),
    # The funder's link needs no account: anyone holding a live link reads that one report.
    "evaluation:shared": (_token, everyone(200), 200),
    "evaluation:shared_pdf": (_token, everyone(200), 200),
    "evaluation:shared_xlsx": (_token, everyone(200), 200),
    "evaluation:stories": (None, _WRITERS, LOGIN),
    "evaluation:story_new": (_org, _WRITER_IN_ORG, LOGIN),
    "evaluation:story": (_story, _OWN_OR_COORDINATED, LOGIN),
    "evaluation:story_approve": (_story, everyone(405), 405),
    "evaluation:story_withdraw": (_story, everyone(405), 405),
    "evaluation:reflections": (None, _WRITERS, LOGIN),
    "evaluation:reflection_new": (_org, _WRITER_IN_ORG, LOGIN),
    "evaluation:reflection": (_reflection, _OWN_OR_COORDINATED, LOGIN),
}

MATRIX.update(
    {
        "evaluation:budget": (_org, _COORDINATOR_ONLY, LOGIN),
        "evaluation:feedback_index": (None, _FEEDBACK_ROLES, LOGIN),
        "evaluation:feedback_request": (_completed, _PARTIES, LOGIN),
        "evaluation:feedback_asker": (
            _completed,
            only({"coordinator": 403, "expert": 403, "asker": 200, "other_coordinator": 404, "other_asker": 404}, 403),
            LOGIN,
        ),
        "evaluation:feedback_expert": (
            _completed,
            only({"coordinator": 403, "expert": 200, "asker": 403, "other_coordinator": 404, "other_asker": 404}, 403),
            LOGIN,
        ),
        "evaluation:feedback_moderate": (_pending, _COORDINATOR_ONLY, LOGIN),
        "evaluation:stigma_words": (None, only({"operator": 200}, 403), LOGIN),
        "evaluation:stigma_word_remove": (_word, everyone(405), 405),
    }
)

POST_MATRIX = {
    "evaluation:stigma_word_remove": (_word, only({"operator": 302}, 403)),
    "evaluation:grant_revoke": (
        _grant_pk,
        only({"coordinator": 302, "other_coordinator": 404}, 403),
    ),
    # Refusals run first; then the coordinator approves (302).
    "evaluation:story_approve": (
        _story,
        only({"coordinator": 302, "trainer": 404, "other_coordinator": 404, "expert": 403}, 403),
    ),
    "evaluation:story_withdraw": (
        _story,
        only({"coordinator": 302, "expert": 302, "trainer": 404, "other_coordinator": 404}, 403),
    ),
}
