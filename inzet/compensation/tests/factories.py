"""Small factories for money tests: an assignment (accepted invitation) with an agreement, rows, files."""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inzet.accounts.models import User
from inzet.compensation import services
from inzet.engagements.models import Agreement, EngagementRequest, Invitation, RequestStatus
from inzet.experts.models import ExpertProfile
from inzet.lib.tests.samples import PDF_BYTES

D = Decimal

# The smallest files that pass the magic-byte check.

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def pdf_upload(name: str = "bon.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_upload(name: str = "bon.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def user(email: str) -> User:
    return User.objects.get(email=email)


def profile_for(person: User, organisation, **fields) -> ExpertProfile:
    defaults = {
        "organisation": organisation,
        "age_band": "27_plus",
        "benefit_situation": "none",
        "work_form": "volunteer",
        "reward_form": "bank_transfer",
        "iban": "NL91ABNA0417164300",
    }
    defaults.update(fields)
    profile, created = ExpertProfile.objects.get_or_create(user=person, defaults=defaults)
    if not created and fields:
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.save()
    return profile


def engagement(
    orgs,
    *,
    asker: User,
    title: str = "Meedenken over armoedebeleid",
    rate: str | None = "50.00",
    hours: str = "10",
    amount_offered: str | None = None,
    hours_estimate: str | None = None,
    first_assignment: bool = False,
    drafted_by: User | None = None,
    deploying=None,
    asker_organisation=None,
) -> EngagementRequest:
    request = EngagementRequest.objects.create(
        asker_organisation=asker_organisation or orgs.asker,
        deploying_organisation=deploying or orgs.deploying,
        created_by=asker,
        title=title,
        goal="Beleid toetsen aan ervaringen van inwoners",
        experts_needed=2,
        status=RequestStatus.RUNNING,
        submitted_at=timezone.now(),
        amount_offered=D(amount_offered) if amount_offered else None,
        hours_estimate=D(hours_estimate) if hours_estimate else None,
    )
    if rate is not None:
        Agreement.objects.create(
            request=request,
            communication="Per e-mail",
            time_and_pay="Per uur",
            tasks_and_roles="Meedenken",
            expectations="Open gesprek",
            safety_net_contact="Cor, 06-12345678",
            hourly_rate=D(rate),
            hours=D(hours),
            first_assignment_discount=first_assignment,
            drafted_by=drafted_by or asker,
        )
    return request


def assignment(
    orgs,
    *,
    expert: User,
    asker: User,
    invited_by: User | None = None,
    state: str = Invitation.State.ACCEPTED,
    request: EngagementRequest | None = None,
    profile_fields: dict | None = None,
    **engagement_kwargs,
) -> Invitation:
    request = request or engagement(orgs, asker=asker, **engagement_kwargs)
    profile = profile_for(expert, request.deploying_organisation, **(profile_fields or {}))
    return Invitation.objects.create(
        request=request,
        expert=profile,
        invited_by=invited_by or asker,
        state=state,
        expires_at=timezone.now() + dt.timedelta(days=7),
        responded_at=timezone.now() if state == Invitation.State.ACCEPTED else None,
    )


def approved_hours(invitation: Invitation, coordinator: User, hours: str, day: dt.date | None = None):
    entry = services.hours_log(
        invitation=invitation,
        actor=invitation.expert.user,
        date=day or timezone.localdate(),
        hours=D(hours),
        description="Werksessie",
    )
    return services.hours_decide(entry=entry, actor=coordinator, approve=True)


def approved_expense(invitation: Invitation, coordinator: User, amount: str, day: dt.date | None = None):
    claim = services.expense_submit(
        invitation=invitation,
        actor=invitation.expert.user,
        date=day or timezone.localdate(),
        amount=D(amount),
        description="Trein Utrecht – Den Haag",
        receipt=pdf_upload(),
    )
    return services.expense_decide(claim=claim, actor=coordinator, approve=True)


def settled(
    orgs, *, expert: User, asker: User, coordinator: User, hours: str = "4", costs: str | None = "12.40", **kwargs
):
    """An assignment with approved hours (and costs), settled once. Returns the settlement."""
    invitation = assignment(orgs, expert=expert, asker=asker, **kwargs)
    approved_hours(invitation, coordinator, hours)
    if costs:
        approved_expense(invitation, coordinator, costs)
    return services.settlement_create(engagement=invitation.request, actor=coordinator)


def bank_settings(organisation, **fields):
    changes = {"account_name": "Stichting Ervaring", "iban": "NL20INGB0001234567", "bic": "INGBNL2A", **fields}
    return services.payment_settings_update(organisation=organisation, changes=changes)
