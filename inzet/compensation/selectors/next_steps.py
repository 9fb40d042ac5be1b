"""What to do next about money: the steps on the home page."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles
from inzet.compensation.models import Invoice, Payout
from inzet.compensation.selectors.entries import payouts_of, waiting_for_approval
from inzet.compensation.selectors.tables import missing_cap_notices, missing_cap_years
from inzet.engagements.models import Invitation
from inzet.experts.models import RewardForm
from inzet.lib.next_step import NextStep, counted
from inzet.organisations.models import Role


def next_steps_for(user: User, roles: Roles, role: str | None = None) -> list[NextStep]:
    """What to do next about money, for every role the person holds, or only for `role` (a few counts)."""

    def wanted(name: str) -> bool:
        return (role is None or role == name) and roles.has(name)

    steps: list[NextStep] = []
    if wanted(Role.COORDINATOR):
        hours, expenses = waiting_for_approval(user)
        n_hours, n_expenses = hours.count(), expenses.count()
        if n_hours or n_expenses:
            steps.append(
                NextStep(
                    title=_("Goedkeuren"),
                    text=ngettext(
                        "%(count)s urenregel wacht op goedkeuring.",
                        "%(count)s urenregels wachten op goedkeuring.",
                        n_hours,
                    )
                    % {"count": n_hours}
                    + " "
                    + ngettext(
                        "%(count)s declaratie wacht op goedkeuring.",
                        "%(count)s declaraties wachten op goedkeuring.",
                        n_expenses,
                    )
                    % {"count": n_expenses},
                    url=reverse("compensation:approvals"),
                    link_text=_("Uren en kosten goedkeuren"),
                )
            )
        proposed = payouts_of(user).filter(state=Payout.State.PROPOSED).exclude(expert__user=user).count()
        ready = payouts_of(user).filter(state=Payout.State.APPROVED).exclude(channel=RewardForm.NONE).count()
        if proposed or ready:
            steps.append(
                NextStep(
                    title=_("Betalingen"),
                    text=" ".join(
                        part
                        for part in (
                            ngettext(
                                "%(n)s betaling wacht op goedkeuring.",
                                "%(n)s betalingen wachten op goedkeuring.",
                                proposed,
                            )
                            % {"n": proposed}
                            if proposed
                            else "",
                            ngettext(
                                "%(n)s betaling is klaar voor een betaalbestand.",
                                "%(n)s betalingen zijn klaar voor een betaalbestand.",
                                ready,
                            )
                            % {"n": ready}
                            if ready
                            else "",
                        )
                        if part
                    ),
                    url=reverse("compensation:payouts"),
                    link_text=_("Naar de betalingen"),
                )
            )
        steps.append(
            NextStep(
                title=_("Afrekenen"),
                text=_("Maak facturen en betalingen van goedgekeurde uren en kosten."),
                url=reverse("compensation:settlements"),
                link_text=_("Naar afrekenen"),
            )
        )
    if wanted(Role.EXPERT):
        count = Invitation.objects.filter(expert__user=user, state=Invitation.State.ACCEPTED).count()
        steps += counted(
            count,
            title=_("Uren en kosten"),
            text=ngettext_lazy(
                "U heeft %(count)s opdracht. Schrijf hier uw uren en kosten.",
                "U heeft %(count)s opdrachten. Schrijf hier uw uren en kosten.",
                "count",
            ),
            url=reverse("compensation:overview"),
            link_text=_("Naar mijn vergoedingen"),
        )
    if wanted(Role.ASKER):
        count = Invoice.objects.filter(asker_organisation_id__in=roles.organisation_ids(Role.ASKER)).count()
        steps += counted(
            count,
            title=_("Facturen"),
            text=ngettext_lazy(
                "Er is %(count)s factuur voor uw organisatie.",
                "Er zijn %(count)s facturen voor uw organisatie.",
                "count",
            ),
            url=reverse("compensation:invoices"),
            link_text=_("Facturen bekijken"),
        )
    if wanted(Role.OPERATOR):
        for notice in missing_cap_notices():
            steps.append(
                NextStep(
                    title=_("Belastinggrenzen invullen"),
                    text=notice,
                    url=reverse("compensation:cap_add"),
                    link_text=_("Grenzen invullen"),
                )
            )
        missing = missing_cap_years()
        text = (
            _("Grenzen ontbreken voor: %(years)s.") % {"years": ", ".join(map(str, missing))}
            if missing
            else _("Alle jaren hebben grenzen.")
        )
        steps.append(
            NextStep(
                title=_("Regels voor vergoedingen"),
                text=text,
                url=reverse("compensation:rules"),
                link_text=_("Regels bekijken"),
            )
        )
    return steps
