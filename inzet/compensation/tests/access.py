"""Who may open which money page (see inzet/lib/testing.py for the format).

Experts see only their own work; coordinators of the deploying organisation approve and settle;
askers see only invoices addressed to their organisation; the operator edits rule tables.
"""

from decimal import Decimal as D

from django.utils import timezone

from inzet.compensation import services
from inzet.compensation.models import Payout
from inzet.compensation.tests import factories as f
from inzet.lib.testing import LOGIN, everyone, only

EXPERT = "expert@test.nl"
ASKER = "asker@test.nl"
COORDINATOR = "coordinator@test.nl"

OWN_WORK = only({"expert": 200, "coordinator": 200}, 404)
COORDINATORS = only({"coordinator": 200, "other_coordinator": 200}, 403)
ANY_ROLE = only({"outsider": 403}, 200)


def _assignment(orgs):
    return f.assignment(orgs, expert=f.user(EXPERT), asker=f.user(ASKER))


def _assignment_pk(orgs):
    return {"pk": _assignment(orgs).pk}


def _approved_hours_pk(orgs):
    return {"pk": f.approved_hours(_assignment(orgs), f.user(COORDINATOR), "3").pk}


def _approved_expense_pk(orgs):
    return {"pk": f.approved_expense(_assignment(orgs), f.user(COORDINATOR), "9.80").pk}


def _submitted_hours_pk(orgs, personas=None):
    invitation = _assignment(orgs)
    entry = services.hours_log(
        invitation=invitation, actor=invitation.expert.user, date=timezone.localdate(), hours=D(2)
    )
    return {"pk": entry.pk}


def _submitted_expense_pk(orgs, personas=None):
    invitation = _assignment(orgs)
    claim = services.expense_submit(
        invitation=invitation,
        actor=invitation.expert.user,
        date=timezone.localdate(),
        amount=D("5.00"),
        description="Bus",
        receipt=f.pdf_upload(),
    )
    return {"pk": claim.pk}


def _settlement(orgs):
    return f.settled(orgs, expert=f.user(EXPERT), asker=f.user(ASKER), coordinator=f.user(COORDINATOR))


def _batch_pk(orgs):
    settlement = _settlement(orgs)
    for payout in settlement.payouts.all():
        services.payout_approve(payout=payout, actor=f.user(COORDINATOR), acknowledged=True)
    f.bank_settings(orgs.deploying)
    batch, _skipped = services.batch_create(
        organisation=orgs.deploying, kind="bank_transfer", actor=f.user(COORDINATOR)
    )
    return {"pk": batch.pk}


def _statement_year(orgs):
    f.profile_for(f.user(EXPERT), orgs.deploying)
    return {"year": 2025}


MATRIX = {
    "compensation:overview": (None, ANY_ROLE, LOGIN),
    "compensation:rules": (None, ANY_ROLE, LOGIN),
    "compensation:cap_add": (None, only({"operator": 200}, 403), LOGIN),
    "compensation:org_settings": (
        lambda o: {"pk": o.deploying.pk},
        only({"operator": 200, "coordinator": 200, "trainer": 403, "expert": 403}, 404),
        LOGIN,
    ),
    "compensation:assignment": (_assignment_pk, OWN_WORK, LOGIN),
    "compensation:assignment_reward": (_assignment_pk, OWN_WORK, LOGIN),
    # Only the invited expert answers; coordinators and everyone else: 404.
    "compensation:invitation_answer": (
        lambda o: {"pk": f.assignment(o, expert=f.user(EXPERT), asker=f.user(ASKER), state="pending").pk},
        only({"expert": 200}, 404),
        LOGIN,
    ),
    "compensation:hours_add": (_assignment_pk, OWN_WORK, LOGIN),
    "compensation:expense_add": (_assignment_pk, OWN_WORK, LOGIN),
    "compensation:hours_correct": (_approved_hours_pk, OWN_WORK, LOGIN),
    "compensation:expense_correct": (_approved_expense_pk, OWN_WORK, LOGIN),
    "compensation:expense_receipt": (_approved_expense_pk, OWN_WORK, LOGIN),
    "compensation:hours_withdraw": (lambda o: {"pk": 1}, everyone(405), LOGIN),
    "compensation:hours_decide": (lambda o: {"pk": 1}, everyone(405), LOGIN),
    "compensation:expense_withdraw": (lambda o: {"pk": 1}, everyone(405), LOGIN),
    "compensation:expense_decide": (lambda o: {"pk": 1}, everyone(405), LOGIN),
    "compensation:approvals": (None, COORDINATORS, LOGIN),
    "compensation:settlements": (None, COORDINATORS, LOGIN),
    "compensation:settle": (lambda o: {"pk": _assignment(o).request_id}, only({"coordinator": 200}, 404), LOGIN),
    "compensation:settlement": (lambda o: {"pk": _settlement(o).pk}, only({"coordinator": 200}, 404), LOGIN),
    "compensation:invoices": (
        None,
        only({"coordinator": 200, "other_coordinator": 200, "asker": 200, "other_asker": 200}, 403),
        LOGIN,
    ),
    "compensation:invoice_pdf": (
        lambda o: {"pk": _settlement(o).invoice.pk},
        only({"coordinator": 200, "asker": 200}, 404),
        LOGIN,
    ),
    "compensation:payouts": (None, COORDINATORS, LOGIN),
    "compensation:payout": (
        lambda o: {"pk": _settlement(o).payouts.filter(kind=Payout.Kind.ALLOWANCE).get().pk},
        only({"coordinator": 200}, 404),
        LOGIN,
    ),
    "compensation:batch_create": (lambda o: {"pk": o.deploying.pk}, everyone(405), LOGIN),
    "compensation:batch_download": (_batch_pk, only({"coordinator": 200}, 404), LOGIN),
    "compensation:export": (None, COORDINATORS, LOGIN),
    "compensation:statement": (_statement_year, only({"expert": 200}, 404), LOGIN),
}

POST_MATRIX = {
    # An empty choice comes back with its error; nobody else may see it.
    "compensation:work_form": (lambda o, p: _expert_pk(o), OWN_WORK),
    # The expert withdraws their own row; a coordinator may too (then there is nothing left to withdraw).
    "compensation:hours_withdraw": (_submitted_hours_pk, only({"expert": 302, "coordinator": 302}, 404)),
    "compensation:expense_withdraw": (_submitted_expense_pk, only({"expert": 302, "coordinator": 302}, 404)),
    # The expert sees the row but may not decide on their own work.
    "compensation:hours_decide": (_submitted_hours_pk, only({"expert": 403, "coordinator": 302}, 404)),
    "compensation:expense_decide": (_submitted_expense_pk, only({"expert": 403, "coordinator": 302}, 404)),
    "compensation:batch_create": (
        lambda o, p: {"pk": o.deploying.pk},
        only({"coordinator": 302, "operator": 403, "trainer": 403, "expert": 403}, 404),
    ),
}


def _expert_pk(orgs):
    return {"expert_pk": f.profile_for(f.user(EXPERT), orgs.deploying).pk}


def _external_pk(orgs):
    profile = f.profile_for(f.user(EXPERT), orgs.deploying)
    allowance = services.external_allowance_save(
        expert=profile,
        actor=f.user(EXPERT),
        organisation_name="Buurthuis",
        amount=D("50.00"),
        from_month=timezone.localdate().replace(day=1),
    )
    return {"pk": allowance.pk}


def _external_post_pk(orgs, personas=None):
    return _external_pk(orgs)


# Outside allowances: the expert and the coordinators of the expert's organisation; everyone else 404.
MATRIX |= {
    "compensation:external": (_expert_pk, OWN_WORK, LOGIN),
    "compensation:work_form": (_expert_pk, OWN_WORK, LOGIN),
    "compensation:external_edit": (_external_pk, OWN_WORK, LOGIN),
    "compensation:external_delete": (lambda o: {"pk": 1}, everyone(405), LOGIN),
}
POST_MATRIX |= {
    "compensation:external_delete": (_external_post_pk, only({"expert": 302, "coordinator": 302}, 404)),
}

# Undoing an approval: the coordinator (302, with a message when the reason is missing); the expert
# sees the row but may not decide on it (403); everyone else 404.
MATRIX |= {
    "compensation:hours_undo": (lambda o: {"pk": 1}, everyone(405), LOGIN),
    "compensation:expense_undo": (lambda o: {"pk": 1}, everyone(405), LOGIN),
}
POST_MATRIX |= {
    "compensation:hours_undo": (lambda o, p: _approved_hours_pk(o), only({"expert": 403, "coordinator": 302}, 404)),
    "compensation:expense_undo": (
        lambda o, p: _approved_expense_pk(o),
        only({"expert": 403, "coordinator": 302}, 404),
    ),
}
