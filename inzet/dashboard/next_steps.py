"""What each person should do next, per role. The apps that know the work make the steps
(`NextStep` lives in inzet/lib, below them); the dashboard, above them, lists them here."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inzet.accounts.permissions import Roles
from inzet.compensation import selectors as compensation
from inzet.engagements import selectors as engagements
from inzet.experts.models import ExpertProfile
from inzet.lib.next_step import NextStep
from inzet.organisations.models import Membership, Organisation, Role
from inzet.recruitment import selectors as recruitment


@dataclass(frozen=True)
class RoleSection:
    role: str
    heading: str
    steps: list[NextStep]


def _coordinator(user, roles: Roles) -> list[NextStep]:
    org_ids = roles.organisation_ids(Role.COORDINATOR)
    orgs = Organisation.objects.filter(pk__in=org_ids).annotate(
        expert_count=Count("memberships", filter=Q(memberships__role=Role.EXPERT, memberships__is_active=True))
    )
    steps = []
    for org in orgs:
        steps.append(
            NextStep(
                title=org.name,
                text=ngettext(
                    "%(count)s ervaringsdeskundige doet mee.",
                    "%(count)s ervaringsdeskundigen doen mee.",
                    org.expert_count,
                )
                % {"count": org.expert_count},
                url=reverse("organisations:detail", args=[org.pk]),
                link_text=_("Mensen bekijken"),
            )
        )
    steps.append(
        NextStep(
            title=_("Iemand helpen aanmelden"),
            text=_("Maak een profiel namens iemand en houd het voor die persoon bij."),
            url=reverse("experts:managed_list"),
            link_text=_("Profielen die u bijhoudt"),
        )
    )
    return steps


def _expert(user, roles: Roles) -> list[NextStep]:
    if ExpertProfile.objects.filter(user=user).exists():
        profile_step = NextStep(
            title=_("Mijn profiel"),
            text=_("Bekijk uw profiel en kies wie wat ziet."),
            url=reverse("experts:my_profile"),
            link_text=_("Naar mijn profiel"),
        )
    else:
        profile_step = NextStep(
            title=_("Uw profiel"),
            text=_("Vul uw profiel in. Dat gaat in 5 korte stappen. U kunt stoppen en later verder gaan."),
            url=reverse("experts:wizard", args=[1]),
            link_text=_("Profiel invullen"),
        )
    return [
        profile_step,
        NextStep(
            title=_("Uw account"),
            text=_("Kies uw taal en beveilig uw account."),
            url=reverse("accounts:settings"),
            link_text=_("Naar mijn account"),
        ),
    ]


def _asker(user, roles: Roles) -> list[NextStep]:
    orgs = Organisation.objects.filter(pk__in=roles.organisation_ids(Role.ASKER))
    return [
        NextStep(
            title=org.name,
            text=_("Bekijk wie er bij uw organisatie vragen stelt."),
            url=reverse("organisations:detail", args=[org.pk]),
            link_text=_("Naar uw organisatie"),
        )
        for org in orgs
    ]


def _trainer(user, roles: Roles) -> list[NextStep]:
    orgs = Organisation.objects.filter(pk__in=roles.organisation_ids(Role.TRAINER))
    return [
        NextStep(
            title=org.name,
            text=_("U begeleidt ervaringsdeskundigen van deze organisatie."),
            url=reverse("organisations:detail", args=[org.pk]),
            link_text=_("Naar de organisatie"),
        )
        for org in orgs
    ]


def _operator(user, roles: Roles) -> list[NextStep]:
    return [
        NextStep(
            title=_("Beleid van het platform"),
            text=_(
                "Kies wat dit platform toestaat: zelf ervaringsdeskundigen zoeken bij een vraag, beoordelen, betalen, het register."
            ),
            url=reverse("organisations:policy"),
            link_text=_("Beleid instellen"),
        ),
        NextStep(
            title=_("Beheer"),
            text=_("Beheer organisaties, mensen en lijsten."),
            url=reverse("admin:index"),
            link_text=_("Naar beheer"),
        ),
    ]


# Steps of other apps that come first on every role's section: f(user, roles, role).
ROLE_STEPS = [engagements.next_steps_for, compensation.next_steps_for]

# Steps of other apps that come last on one role's section: f(user, roles).
EXTRA_STEPS = {
    Role.COORDINATOR: [recruitment.coordinator_next_steps],
    Role.TRAINER: [recruitment.trainer_next_steps],
}

_BY_ROLE = [
    (Role.OPERATOR, _operator),
    (Role.COORDINATOR, _coordinator),
    (Role.TRAINER, _trainer),
    (Role.EXPERT, _expert),
    (Role.ASKER, _asker),
]


def sections_for(user, roles: Roles) -> list[RoleSection]:
    sections = []
    for role, build in _BY_ROLE:
        if roles.has(role):
            steps = []
            for provider in ROLE_STEPS:
                steps += provider(user, roles, role)
            steps += build(user, roles)
            for extra in EXTRA_STEPS.get(role, []):
                steps += extra(user, roles)
            sections.append(RoleSection(role=role, heading=Role(role).label, steps=steps))
    return sections


def membership_count(user) -> int:
    return Membership.objects.filter(user=user, is_active=True).count()
