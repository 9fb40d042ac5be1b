"""Fictional money data for the demo: payment settings, tariffs, assignments with hours and expenses,
one settled request (invoice, approved payouts, a bank file) and one still open.

Call after `inzet.demo.data.load_demo()` (it needs its organisations and people):

    from inzet.demo.compensation import load_compensation_demo
    load_compensation_demo()

Running it again changes nothing. No allowance caps are invented: a year the operator has not
entered (such as the current one) stays "ontbreekt" in the demo too.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from inzet.accounts.models import User
from inzet.compensation import services
from inzet.compensation.models import Payout, Settlement, Tariff
from inzet.engagements.models import Agreement, EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation
from inzet.taxonomy.models import Term

SETTLED_TITLE = "Meedenken over de armoedeaanpak (demo)"
OPEN_TITLE = "Gastlessen over herstel op de hogeschool (demo)"
DEPLOYING_SLUG = "platform-utrecht"
ASKER_SLUG = "gemeente-utrecht"


def _receipt() -> SimpleUploadedFile:
    from weasyprint import HTML

    content = HTML(
        string="<h1>NS – vervoersbewijs</h1><p>Utrecht Centraal – Den Haag Centraal v.v.</p><p>Totaal: € 24,60</p>"
    ).write_pdf()
    return SimpleUploadedFile("ns-kaartje.pdf", content, content_type="application/pdf")


def _request(title: str, *, asker_org, deploying, created_by, status, start: dt.date, **fields) -> EngagementRequest:
    request, _created = EngagementRequest.objects.get_or_create(
        title=title,
        deploying_organisation=deploying,
        defaults={
            "asker_organisation": asker_org,
            "created_by": created_by,
            "goal": "Ervaringen van inwoners gebruiken om beleid en onderwijs beter te maken.",
            "status": status,
            "submitted_at": timezone.now(),
            "experts_needed": 2,
            "start_date": start,
            **fields,
        },
    )
    return request


def _agreement(request: EngagementRequest, *, rate: str, hours: str, drafted_by: User, first: bool = False) -> None:
    Agreement.objects.get_or_create(
        request=request,
        defaults={
            "communication": "Per e-mail en één keer per maand bellen.",
            "time_and_pay": "De uren schrijft u per sessie. We rekenen per maand af.",
            "tasks_and_roles": "Meedenken, eigen ervaring inbrengen, meelezen.",
            "expectations": "Open en respectvol. Nee zeggen mag altijd.",
            "safety_net_contact": "Carla Coördinator",
            "hourly_rate": Decimal(rate),
            "hours": Decimal(hours),
            "first_assignment_discount": first,
            "drafted_by": drafted_by,
            "accepted_by": request.created_by,
            "accepted_at": timezone.now(),
        },
    )


def _accepted(request: EngagementRequest, profile: ExpertProfile, invited_by: User, state=Invitation.State.ACCEPTED):
    invitation, _created = Invitation.objects.get_or_create(
        request=request,
        expert=profile,
        defaults={
            "invited_by": invited_by,
            "state": state,
            "expires_at": timezone.now() + dt.timedelta(days=7),
            "responded_at": timezone.now() if state == Invitation.State.ACCEPTED else None,
        },
    )
    return invitation


@transaction.atomic
def load_compensation_demo() -> None:
    deploying = Organisation.objects.filter(slug=DEPLOYING_SLUG).first()
    asker_org = Organisation.objects.filter(slug=ASKER_SLUG).first()
    if deploying is None or asker_org is None or Settlement.objects.filter(request__title=SETTLED_TITLE).exists():
        return
    coordinator = User.objects.get(email="coordinator@example.org")
    asker = User.objects.get(email="vrager@example.org")
    eva = ExpertProfile.objects.select_related("user").get(user__email="expert@example.org")
    colleague = (
        ExpertProfile.objects.filter(organisation=deploying, paused=False)
        .exclude(pk=eva.pk)
        .select_related("user")
        .order_by("pk")
        .first()
    )

    services.payment_settings_update(
        organisation=deploying,
        changes={
            "account_name": "Platform Ervaringsdeskundigheid Utrecht",
            "iban": "NL91ABNA0417164300",
            "bic": "ABNANL2A",
            "coordination_share": Decimal(10),
            "invoice_prefix": "PEU-",
            "invoice_footer": "Platform Ervaringsdeskundigheid Utrecht · Voorbeeldstraat 1 · 3511 AB Utrecht (fictief)",
        },
    )
    for code, level, rate in (
        ("policy_influencer", "expertise", "55.00"),
        ("policy_influencer", "professional", "65.00"),
        ("expertise_promoter", None, "50.00"),
    ):
        Tariff.objects.get_or_create(
            organisation=deploying,
            role=Term.objects.get(vocabulary="role", code=code),
            level=Term.objects.get(vocabulary="level", code=level) if level else None,
            defaults={
                "hourly_rate": Decimal(rate),
                "valid_from": dt.date(2025, 1, 1),
                "source": "Tarievenlijst van het bestuur, 2025 (demo)",
            },
        )
    for profile, iban in ((eva, "NL02ABNA0123456789"), (colleague, "NL69INGB0123456789")):
        if profile is not None and not profile.iban:
            profile.iban = iban
            profile.save(update_fields=["iban"])

    today = timezone.localdate()
    # 1. A request that is settled: invoice to the municipality, approved payouts, a bank file.
    settled = _request(
        SETTLED_TITLE,
        asker_org=asker_org,
        deploying=deploying,
        created_by=asker,
        status=RequestStatus.RUNNING,
        start=today - dt.timedelta(days=30),
        amount_offered=Decimal("5.00"),
    )
    _agreement(settled, rate="50.00", hours="12", drafted_by=coordinator)
    eva_job = _accepted(settled, eva, coordinator)
    for days_ago, hours, what in ((21, "2", "Eerste sessie"), (14, "2.5", "Tweede sessie")):
        entry = services.hours_log(
            invitation=eva_job,
            actor=eva.user,
            date=today - dt.timedelta(days=days_ago),
            hours=Decimal(hours),
            description=what,
        )
        services.hours_decide(entry=entry, actor=coordinator, approve=True)
    claim = services.expense_submit(
        invitation=eva_job,
        actor=eva.user,
        date=today - dt.timedelta(days=14),
        amount=Decimal("24.60"),
        description="Trein Utrecht – Den Haag en terug",
        receipt=_receipt(),
    )
    services.expense_decide(claim=claim, actor=coordinator, approve=True)
    if colleague is not None:
        colleague_job = _accepted(settled, colleague, coordinator)
        entry = services.hours_log(
            invitation=colleague_job, actor=coordinator, date=today - dt.timedelta(days=14), hours=Decimal(3)
        )
        services.hours_decide(entry=entry, actor=coordinator, approve=True)
    settlement = services.settlement_create(engagement=settled, actor=coordinator)
    for payout in settlement.payouts.filter(channel="bank_transfer"):
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    if Payout.objects.filter(organisation=deploying, state=Payout.State.APPROVED, channel="bank_transfer").exists():
        services.batch_create(organisation=deploying, kind="bank_transfer", actor=coordinator)

    # 2. Hours after the settlement, one waiting for approval: something to do for everyone.
    services.hours_log(
        invitation=eva_job,
        actor=eva.user,
        date=today - dt.timedelta(days=2),
        hours=Decimal("1.5"),
        description="Nagesprek",
    )

    # 3. An invitation that Eva still has to answer: € 50 an hour is above the volunteer caps.
    open_request = _request(
        OPEN_TITLE,
        asker_org=asker_org,
        deploying=deploying,
        created_by=asker,
        status=RequestStatus.MATCHING,
        start=today + dt.timedelta(days=14),
        amount_offered=Decimal("50.00"),
        hours_estimate=Decimal("6"),
    )
    _accepted(open_request, eva, coordinator, state=Invitation.State.PENDING)
