"""Who may use the matching pages (see inzet/lib/testing.py).

The data: a request of the asker persona's organisation to the coordinator persona's
organisation, in the matching state, with one expert to rank. Only the deploying organisation's
coordinators (and, read-only, its trainers) know the page exists; everyone else gets 404.
"""

from inzet.engagements.tests import factories as f
from inzet.lib.testing import LOGIN, everyone, only

ASKER = "asker@test.nl"
COORDINATOR = "coordinator@test.nl"


def _request(orgs):
    from inzet.matching.tests.conftest import make_expert, make_request

    request = make_request(orgs, f.person(ASKER), f.person(COORDINATOR))
    make_expert(orgs.deploying)
    return {"pk": request.pk}


def _invite(orgs, personas):
    from inzet.matching.tests.conftest import make_expert, make_request

    request = make_request(orgs, personas["asker"], personas["coordinator"])
    make_expert(orgs.deploying)
    return {"pk": request.pk}


STAFF = {"coordinator": 200, "trainer": 200}

MATRIX = {
    "matching:request": (_request, only(STAFF, 404), LOGIN),
    "matching:invite": (_request, everyone(405), LOGIN),
    "matching:invite_team": (_request, everyone(405), LOGIN),
}

# A POST without a chosen expert: the coordinator is sent back to the page with a message.
POST_MATRIX = {
    "matching:invite": (_invite, only({"coordinator": 302, "trainer": 403}, 404)),
    "matching:invite_team": (_invite, only({"coordinator": 302, "trainer": 403}, 404)),
}
