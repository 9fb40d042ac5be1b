"""Who may open the privacy pages. Everyone logged in has their own data; requests are handled by
the coordinators of the person's organisation; the register is the operator's."""

from inzet.accounts.models import User
from inzet.lib.testing import LOGIN, everyone, only
from inzet.privacy import services


def _request(o, p=None) -> dict:
    erasure, _created = services.erasure_request(user=User.objects.get(email="expert@test.nl"))
    return {"pk": erasure.pk}


HANDLERS = only({"coordinator": 200, "other_coordinator": 200, "operator": 200}, 403)
OPERATOR = only({"operator": 200}, 403)

MATRIX = {
    "privacy:mine": (None, everyone(200), LOGIN),
    "privacy:export": (None, everyone(200), LOGIN),
    "privacy:erasure_ask": (None, everyone(405), LOGIN),  # POST: below
    "privacy:erasure_list": (None, HANDLERS, LOGIN),
    "privacy:erasure_detail": (_request, only({"coordinator": 200}, 404), LOGIN),
    "privacy:erasure_carry_out": (_request, everyone(405), LOGIN),  # POST: below
    "privacy:register": (None, OPERATOR, LOGIN),
    "privacy:register_download": (None, OPERATOR, LOGIN),
}

POST_MATRIX = {
    "privacy:erasure_ask": (lambda o, p: {}, everyone(302)),
    "privacy:erasure_carry_out": (_request, only({"coordinator": 302}, 404)),
}
