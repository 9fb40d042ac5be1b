"""Demo requests in every stage, built through the real services (no e-mails are sent).

Called from inzet/demo/data.py after the demo people exist: `load_engagements_demo()`.
Running it again changes nothing.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.engagements import services
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.lib.mail import notifications_off
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import Term

DEPLOYING_SLUG = "platform-utrecht"
ASKER_SLUGS = ("gemeente-utrecht", "ggz-midden", "hogeschool-domstad")
EXPERT_EMAIL = "expert@example.org"
MARKER = "Meedenken over het armoedebeleid"  # the first request: present means loaded

_INTAKE = {
    "fits_mission": True,
    "fits_mission_reason": "Past bij onze missie: ervaringskennis in beleid en onderwijs.",
    "has_expertise": True,
    "has_expertise_reason": "Meerdere ervaringsdeskundigen hebben deze ervaring en rol.",
    "conditions_ok": True,
    "conditions_ok_reason": "Eerlijke vergoeding, twee mensen samen, een vangnet.",
    "decision": "accept",
    "message": "",
}


def _agreement(hours: str, *, first: bool = False, vat: str = "0") -> dict:
    return {
        "communication": "De projectleider mailt elke vrijdag een korte stand van zaken. Vragen kunnen altijd.",
        "time_and_pay": "Elke bijeenkomst duurt 2 uur. Voorbereiding en reistijd tellen mee.",
        "tasks_and_roles": "De ervaringsdeskundigen denken mee en beslissen mee over de aanbevelingen.",
        "expectations": "We komen voorbereid, we luisteren naar elkaar en we mogen het oneens zijn.",
        "participation_needs": "Vervoer wordt vergoed. Stukken komen een week vooraf, ook op papier.",
        "safety_net_contact": "Carla Coördinator, 030-123 45 67",
        "meeting_chair": "Hanna de Wit (onafhankelijk gespreksleider)",
        "hourly_rate": Decimal("50.00"),
        "hours": Decimal(hours),
        "vat_rate": Decimal(vat),
        "first_assignment_discount": first,
    }


def _terms(vocabulary: str, count: int) -> list[Term]:
    return list(Term.objects.of(vocabulary).order_by("sort_order", "pk")[:count])


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=timezone.get_current_timezone())


def _draft(asker: User, org: Organisation, deploying: Organisation, title: str, **fields) -> EngagementRequest:
    role = _terms("role", 2)
    data = {
        "title": title,
        "goal": fields.pop("goal"),
        "deploying_organisation": deploying,
        "role": role[-1] if role else None,
        "activities": fields.pop("activities", "Meepraten in een werkgroep en meelezen met stukken."),
        "requirements": fields.pop("requirements", "Kunnen vertellen over eigen ervaring en die van anderen."),
        "experts_needed": 2,
        "start_date": timezone.localdate() + dt.timedelta(days=14),
        "end_date": timezone.localdate() + dt.timedelta(days=60),
        "hours_estimate": Decimal("8"),
        "time_investment": "Drie bijeenkomsten van 2 uur op dinsdagmiddag, plus voorbereiding.",
        "location": "Stadskantoor, Stadsplateau 1, Utrecht",
        "postcode": "3521 AZ",
        "accessibility": "Lift en toegankelijk toilet. Een stille ruimte is beschikbaar.",
        "participant_needs": "Vervoer wordt geregeld als dat nodig is.",
        "reward_form": "bank_transfer",
        "amount_offered": Decimal("50.00"),
        **fields,
    }
    request = services.request_create(
        asker_organisation=org,
        actor=asker,
        data=data,
        m2m={"experience_areas": _terms("experience_area", 2), "competences": _terms("competence", 2)},
    )
    return request


def _to_matching(request: EngagementRequest, asker: User, coordinator: User) -> EngagementRequest:
    services.request_submit(engagement=request, actor=asker)
    services.intake_review(engagement=request, actor=coordinator, answers=_INTAKE)
    request.refresh_from_db()
    return request


def _accept(request: EngagementRequest, coordinator: User, profiles: list[ExpertProfile]) -> None:
    for profile in profiles:
        invitation = services.invitation_create(engagement=request, expert=profile, actor=coordinator)
        services.invitation_respond(invitation=invitation, actor=profile.user, accept=True)


def _session(request: EngagementRequest, coordinator: User, title: str, days: int) -> None:
    services.session_add(
        engagement=request,
        actor=coordinator,
        data={"title": title, "starts_at": _at(days, 13), "ends_at": _at(days, 15), "location": request.location},
    )


def is_loaded() -> bool:
    return EngagementRequest.objects.filter(title=MARKER, asker_organisation__slug=ASKER_SLUGS[0]).exists()


@transaction.atomic
def load_engagements_demo() -> list[EngagementRequest]:
    """A few requests in various states for the demo organisations; [] when already loaded or missing."""
    if is_loaded():
        return []
    deploying = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    askers = {o.slug: o for o in Organisation.objects.filter(slug__in=ASKER_SLUGS)}
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    asker_users = {
        slug: User.objects.filter(memberships__organisation=askers[slug], memberships__role="asker")
        .order_by("email")
        .first()
        for slug in askers
    }
    eva = ExpertProfile.objects.filter(user__email=EXPERT_EMAIL, organisation=deploying).select_related("user").first()
    if deploying is None or coordinator is None or eva is None or len(askers) < len(ASKER_SLUGS):
        return []
    others = list(
        ExpertProfile.objects.filter(
            organisation=deploying, status=ExpertStatus.ACTIVE, paused=False, consent_matching=True
        )
        .exclude(pk=eva.pk)
        .exclude(user=coordinator)
        .select_related("user")
        .order_by("pk")[:6]
    )
    if len(others) < 5:
        return []
    gemeente, ggz, hogeschool = (askers[s] for s in ASKER_SLUGS)
    victor, ggz_asker, school_asker = (asker_users[s] for s in ASKER_SLUGS)
    made = []

    with notifications_off():
        # 1. Matching, with a pending invitation for Eva (expert@example.org) and one yes already.
        matching = _to_matching(
            _draft(
                victor,
                gemeente,
                deploying,
                MARKER,
                goal="Het armoedebeleid toetsen aan de ervaringen van inwoners, zodat regels beter aansluiten.",
                structural=True,
            ),
            victor,
            coordinator,
        )
        _accept(matching, coordinator, others[:1])
        services.invitation_create(
            engagement=matching, expert=eva, actor=coordinator, message="Uw ervaring met schulden past hier goed bij."
        )
        services.invitation_create(engagement=matching, expert=others[1], actor=coordinator)
        made.append(matching)

        # 2. Running, Eva is in the team; the first assignment for this school, without costs.
        running = _to_matching(
            _draft(
                school_asker,
                hogeschool,
                deploying,
                "Gastles herstel voor studenten social work",
                goal="Studenten leren wat herstel betekent, vanuit het verhaal van ervaringsdeskundigen.",
                activities="Twee gastlessen geven, samen met de docent.",
            ),
            school_asker,
            coordinator,
        )
        _accept(running, coordinator, [eva, others[2]])
        services.invitation_needs_state(
            invitation=running.invitations.get(expert=eva),
            actor=eva.user,
            kinds=["duo", "safety_net", "papers_in_advance"],
            duo_partner="Het liefst met iemand die ik al ken",
            safety_net_person="Mijn buddy Ahmed",
            safety_net_when="Dezelfde avond even bellen",
            share_with_asker=True,
        )
        services.invitation_needs_state(
            invitation=running.invitations.get(expert=others[2]),
            actor=others[2].user,
            kinds=["interpreter", "other"],
            other="Een gebarentolk, en de dia's een week van tevoren",
            share_with_asker=True,
        )
        services.agreement_save(engagement=running, actor=coordinator, data=_agreement("16", first=True))
        services.agreement_accept(engagement=running, actor=school_asker)
        services.request_start(engagement=running, actor=coordinator)
        _session(running, coordinator, "Eerste gastles", -7)
        _session(running, coordinator, "Tweede gastles", 7)
        made.append(running)

        # 3. Matching with every seat filled and the agreement ready: waiting for the asker's yes.
        ready = _to_matching(
            _draft(
                victor,
                gemeente,
                deploying,
                "Werkgroep toegankelijke informatie",
                goal="Brieven van de gemeente begrijpelijk maken voor iedereen.",
            ),
            victor,
            coordinator,
        )
        _accept(ready, coordinator, others[3:5])
        services.agreement_save(engagement=ready, actor=coordinator, data=_agreement("16", vat="21"))
        _session(ready, coordinator, "Startbijeenkomst", 21)
        made.append(ready)

        # 4. Completed.
        done = _to_matching(
            _draft(
                victor,
                gemeente,
                deploying,
                "Toegankelijkheid van het stadhuis",
                goal="Samen het stadhuis bekijken op toegankelijkheid en verbeterpunten opschrijven.",
            ),
            victor,
            coordinator,
        )
        _accept(done, coordinator, [others[0], others[3]])
        services.agreement_save(engagement=done, actor=coordinator, data=_agreement("12"))
        services.agreement_accept(engagement=done, actor=victor)
        services.request_start(engagement=done, actor=coordinator)
        _session(done, coordinator, "Rondgang door het stadhuis", -30)
        services.request_complete(engagement=done, actor=coordinator, note="Twaalf verbeterpunten opgeleverd.")
        made.append(done)

        # 5. Submitted, waiting for the intake.
        submitted = _draft(
            ggz_asker,
            ggz,
            deploying,
            "Cliëntenraad versterken",
            goal="De cliëntenraad wil beter horen wat cliënten nodig hebben.",
            is_heavy=True,
        )
        services.request_submit(engagement=submitted, actor=ggz_asker)
        made.append(submitted)

        # 6. A draft the asker is still writing.
        made.append(
            _draft(
                victor,
                gemeente,
                deploying,
                "Lesmateriaal over armoede toetsen",
                goal="Lesmateriaal voor basisscholen over armoede laten toetsen door mensen die het kennen.",
            )
        )
    assert Invitation.objects.filter(request=matching, expert=eva, state=Invitation.State.PENDING).exists()
    return made
