from inzet.compensation.models import HourEntry, Invoice, Payout, PayoutBatch
from inzet.demo.compensation import OPEN_TITLE, SETTLED_TITLE, load_compensation_demo
from inzet.demo.data import load_demo
from inzet.engagements.models import Invitation


def test_the_demo_loads_a_settled_and_an_open_request_once(db):
    load_demo()
    load_compensation_demo()
    load_compensation_demo()  # a second run changes nothing

    invoice = Invoice.objects.get(settlement__request__title=SETTLED_TITLE)
    assert invoice.number.startswith("PEU-") and invoice.asker_organisation.slug == "gemeente-utrecht"
    assert PayoutBatch.objects.filter(kind="bank_transfer").count() == 1
    assert Payout.objects.filter(state=Payout.State.BATCHED).exists()
    assert (
        HourEntry.objects.filter(state="submitted", invitation__expert__user__email="expert@example.org").count() == 1
    )
    pending = Invitation.objects.get(request__title=OPEN_TITLE)
    assert pending.state == Invitation.State.PENDING and pending.expert.user.email == "expert@example.org"
