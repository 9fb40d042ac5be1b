"""Write flows for recruitment: one function per use case, keyword-only, atomic.

Every decision sends the applicant a kind e-mail (after the transaction commits). Passing the last
stage makes the applicant an expert: a person, an expert membership and an active profile.
"""

import datetime
from dataclasses import dataclass
from pathlib import PurePath

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.accounts.models import User
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.experts.services import matching_changed
from inzet.experts.signals import profile_changed
from inzet.lib import uploads
from inzet.lib.mail import send_mail_later
from inzet.organisations.models import Membership, Organisation, Role
from inzet.recruitment import rules, selectors
from inzet.recruitment.models import (
    RETENTION_DAYS,
    Application,
    ApplicationAnswer,
    ApplicationQuestion,
    ApplicationStatus,
    Channel,
    Decision,
    PipelineStage,
    PreferredContact,
    RecruitmentPage,
    StageDecision,
)

# The selection most organisations use (docs/domain/recruitment.md). Names are stored, so each organisation can
# rename them; the last stage is the one after which someone is an active expert.
DEFAULT_STAGES = [
    ("application", gettext_lazy("Aanmelding bekijken"), False),
    ("intro_talk", gettext_lazy("Kennismakingsgesprek"), False),
    ("shadowing", gettext_lazy("Meeloopdagen"), True),
    ("evaluation", gettext_lazy("Samen terugkijken"), True),
    ("training", gettext_lazy("Training"), False),
    ("active", gettext_lazy("Actief worden"), False),
]

# What a coordinator may change on the recruitment page, in the order the form shows it.
PAGE_FIELDS = (
    "is_open",
    "intro",
    "duration",
    "time_investment",
    "activities",
    "requirements",
    "compensation",
    "offer",
    "contact_name",
    "contact_phone",
    "contact_email",
)

DECISION_TEMPLATES = {
    Decision.PASSED: "recruitment/email/decision_passed",
    Decision.REPEAT: "recruitment/email/decision_repeat",
    Decision.SKIPPED: "recruitment/email/decision_skipped",
    Decision.NOT_PASSED: "recruitment/email/decision_not_passed",
}


@dataclass(frozen=True)
class StageSpec:
    """One stage as the coordinator wants it; the list order is the new order. pk None = new."""

    name: str
    can_skip: bool = False
    pk: int | None = None


MOTIVATION = uploads.USES["motivation"]


def file_problem_message(problem: str | None, kind: str | None = None) -> str:
    if problem == "type":
        return _(
            "Dit soort bestand kunnen we niet gebruiken. Kies geluid (mp3, m4a, ogg, wav), "
            "video (mp4, webm, mov) of een document (pdf, docx, odt, txt)."
        )
    if problem == "too_large":
        if kind == "document":
            return _("Dit bestand is te groot. Een document mag hoogstens %(mb)s MB zijn.") % {
                "mb": MOTIVATION.limits["document"] // uploads.MB
            }
        return _("Dit bestand is te groot. Geluid of video mag hoogstens %(mb)s MB zijn.") % {
            "mb": max(MOTIVATION.limits["audio"], MOTIVATION.limits["video"]) // uploads.MB
        }
    if problem == "empty":
        return _("Dit bestand is leeg. Kies een ander bestand.")
    return _("Dit bestand is niet wat de naam zegt. Kies een ander bestand, of sla het opnieuw op.")


# --- pipeline --------------------------------------------------------------------------------------


def _require_deploying(organisation: Organisation) -> None:
    if organisation.kind != Organisation.Kind.DEPLOYING:
        raise ValidationError(_("Alleen organisaties die ervaringsdeskundigen inzetten, kunnen werven."))


@transaction.atomic
def pipeline_ensure(*, organisation: Organisation) -> list[PipelineStage]:
    """The organisation's stages; the default set is made the first time."""
    _require_deploying(organisation)
    stages = list(PipelineStage.objects.filter(organisation=organisation))
    if stages:
        return stages
    return PipelineStage.objects.bulk_create(
        [
            PipelineStage(organisation=organisation, position=i, code=code, name=str(name), can_skip=can_skip)
            for i, (code, name, can_skip) in enumerate(DEFAULT_STAGES)
        ]
    )


def _unique_code(name: str, taken: set[str]) -> str:
    base = (slugify(name) or "stap")[:34]
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    taken.add(code)
    return code


@transaction.atomic
def pipeline_configure(*, organisation: Organisation, stages: list[StageSpec]) -> list[PipelineStage]:
    """Add, rename, reorder, mark skippable and remove (unused) stages in one go."""
    _require_deploying(organisation)
    existing = {s.pk: s for s in PipelineStage.objects.select_for_update().filter(organisation=organisation)}
    if not stages:
        raise ValidationError(_("Houd minstens één stap over."))
    for spec in stages:
        if not spec.name.strip():
            raise ValidationError(_("Geef elke stap een naam."))
        if spec.pk is not None and spec.pk not in existing:
            raise ValidationError(_("Deze stap hoort niet bij deze organisatie."))
    kept = {spec.pk for spec in stages if spec.pk is not None}
    if len(kept) != len([spec for spec in stages if spec.pk is not None]):
        raise ValidationError(_("Elke stap mag maar één keer in de lijst staan."))
    removed = [stage for pk, stage in existing.items() if pk not in kept]
    if removed:
        in_use = selectors.stage_in_use_ids(organisation)
        for stage in removed:
            if stage.pk in in_use:
                raise ValidationError(
                    _("De stap “%(name)s” is in gebruik. Die kunt u niet weghalen.") % {"name": stage.name}
                )
        PipelineStage.objects.filter(pk__in=[s.pk for s in removed]).delete()
    taken = {s.code for pk, s in existing.items() if pk in kept}
    result = []
    for position, spec in enumerate(stages):
        if spec.pk is None:
            stage = PipelineStage.objects.create(
                organisation=organisation,
                position=position,
                code=_unique_code(spec.name, taken),
                name=spec.name.strip(),
                can_skip=spec.can_skip,
            )
        else:
            stage = existing[spec.pk]
            stage.position, stage.name, stage.can_skip = position, spec.name.strip(), spec.can_skip
            stage.save(update_fields=["position", "name", "can_skip"])
        result.append(stage)
    return result


# --- the public page -------------------------------------------------------------------------------


@transaction.atomic
def recruitment_page_update(*, organisation: Organisation, changes: dict, updated_by: User | None) -> RecruitmentPage:
    """Create or change the organisation's recruitment page; the first time also the default stages."""
    _require_deploying(organisation)
    unknown = set(changes) - set(PAGE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown page fields: {sorted(unknown)}")
    page = RecruitmentPage.objects.select_for_update().filter(organisation=organisation).first()
    if page is None:
        page = RecruitmentPage(organisation=organisation)
        pipeline_ensure(organisation=organisation)
    for field, value in changes.items():
        setattr(page, field, value)
    page.updated_by = updated_by
    page.save()
    return page


# --- applications ----------------------------------------------------------------------------------


def _mail(*, to: str, template: str, context: dict, decision_pk: int | None = None) -> None:
    """Queue a mail once the transaction commits, and note on the decision when it went out."""
    if not to:
        return

    def send() -> None:
        send_mail_later(to=[to], template=template, context=context)
        if decision_pk is not None:
            StageDecision.objects.filter(pk=decision_pk).update(email_sent_at=timezone.now())

    transaction.on_commit(send)


def _mail_context(application: Application, **extra: object) -> dict:
    organisation = application.organisation
    return {
        "name": application.full_name,
        "organisation": organisation.name,
        "organisation_email": organisation.email,
        **extra,
    }


def _attach_file(application: Application, upload: UploadedFile) -> None:
    name, size = upload.name, upload.size
    assert name is not None and size is not None  # an uploaded file has both
    # django-stubs does not type UploadedFile as a BinaryIO, though it reads and seeks like one.
    verdict = uploads.check("motivation", name, upload, size)  # type: ignore[arg-type]
    if not verdict.ok:
        raise ValidationError({"motivation_file": file_problem_message(verdict.problem, verdict.family)})
    assert verdict.family is not None  # a file that passed the check has a known kind
    application.motivation_file_name = PurePath(name).name[-200:]
    application.motivation_file_kind = verdict.family
    application.motivation_file_size = size
    application.motivation_file.save(name, upload, save=False)


def _check_answers(organisation: Organisation, answers: dict[int, str]) -> list[ApplicationQuestion]:
    """The organisation's active questions; a required one left empty is refused (keyed by its field)."""
    questions = list(ApplicationQuestion.objects.filter(organisation=organisation, is_active=True))
    known = {q.pk for q in questions}
    if set(answers) - known:
        raise ValidationError(_("Deze vraag hoort niet bij dit formulier."))
    missing = {
        f"question_{q.pk}": _("Geef antwoord op deze vraag.")
        for q in questions
        if q.required and not answers.get(q.pk, "").strip()
    }
    if missing:
        raise ValidationError(missing)
    return questions


def _create_application(
    *,
    organisation: Organisation,
    full_name: str,
    email: str,
    phone: str,
    preferred_contact: str,
    channel: str,
    channel_other: str,
    motivation_text: str,
    motivation_in_talk: bool,
    motivation_file: UploadedFile | None,
    motivation_transcript: str,
    consent: bool,
    entered_by: User | None,
    answers: dict[int, str] | None,
) -> Application:
    if not consent:
        raise ValidationError({"consent": _("Zonder toestemming kunnen we uw aanmelding niet bewaren.")})
    if not (motivation_text.strip() or motivation_file or motivation_in_talk):
        raise ValidationError(
            {
                "motivation_text": _(
                    "Vertel iets over uw motivatie: schrijf het op, stuur een bestand of kies een gesprek."
                )
            }
        )
    if channel not in Channel.values or preferred_contact not in PreferredContact.values:
        raise ValidationError(_("Kies een van de mogelijkheden."))
    questions = _check_answers(organisation, answers or {})
    stages = pipeline_ensure(organisation=organisation)
    application = Application(
        organisation=organisation,
        full_name=full_name.strip(),
        email=email.strip().lower(),
        phone=phone.strip(),
        preferred_contact=preferred_contact,
        channel=channel,
        channel_other=channel_other.strip(),
        motivation_text=motivation_text.strip(),
        motivation_in_talk=motivation_in_talk,
        motivation_transcript=motivation_transcript.strip(),
        current_stage=min(stages, key=lambda s: (s.position, s.pk)),
        entered_by=entered_by,
        consent_at=timezone.now(),
    )
    if motivation_file:
        _attach_file(application, motivation_file)
    application.save()
    ApplicationAnswer.objects.bulk_create(
        [
            ApplicationAnswer(application=application, question=q, answer=(answers or {})[q.pk].strip())
            for q in questions
            if (answers or {}).get(q.pk, "").strip()
        ]
    )
    _mail(to=application.email, template="recruitment/email/received", context=_mail_context(application))
    return application


@transaction.atomic
def application_submit(
    *,
    organisation: Organisation,
    full_name: str,
    email: str,
    phone: str = "",
    preferred_contact: str = PreferredContact.EMAIL,
    channel: str,
    channel_other: str = "",
    motivation_text: str = "",
    motivation_in_talk: bool = False,
    motivation_file: UploadedFile | None = None,
    consent: bool,
    answers: dict[int, str] | None = None,
) -> Application:
    """Someone applies through the organisation's public page."""
    page = RecruitmentPage.objects.filter(organisation=organisation).first()
    if page is None or not page.is_open:
        raise ValidationError(_("Aanmelden kan op dit moment niet."))
    if not email.strip():
        raise ValidationError({"email": _("Vul uw e-mailadres in. Dan kunnen we u laten weten hoe het gaat.")})
    return _create_application(
        organisation=organisation,
        full_name=full_name,
        email=email,
        phone=phone,
        preferred_contact=preferred_contact,
        channel=channel,
        channel_other=channel_other,
        motivation_text=motivation_text,
        motivation_in_talk=motivation_in_talk,
        motivation_file=motivation_file,
        motivation_transcript="",
        consent=consent,
        entered_by=None,
        answers=answers,
    )


@transaction.atomic
def application_enter_on_behalf(
    *,
    organisation: Organisation,
    entered_by: User,
    full_name: str,
    email: str = "",
    phone: str = "",
    preferred_contact: str = PreferredContact.PHONE,
    channel: str = Channel.COORDINATOR,
    channel_other: str = "",
    motivation_text: str = "",
    motivation_in_talk: bool = False,
    motivation_file: UploadedFile | None = None,
    motivation_transcript: str = "",
    consent: bool,
    answers: dict[int, str] | None = None,
) -> Application:
    """A coordinator enters an application for someone, e.g. after hearing their motivation in person.

    Works whether or not the public page is open; marked as entered by the coordinator.
    """
    _require_deploying(organisation)
    return _create_application(
        organisation=organisation,
        full_name=full_name,
        email=email,
        phone=phone,
        preferred_contact=preferred_contact,
        channel=channel,
        channel_other=channel_other,
        motivation_text=motivation_text,
        motivation_in_talk=motivation_in_talk,
        motivation_file=motivation_file,
        motivation_transcript=motivation_transcript,
        consent=consent,
        entered_by=entered_by,
        answers=answers,
    )


@transaction.atomic
def application_transcript_update(*, application: Application, transcript: str) -> Application:
    application.motivation_transcript = transcript.strip()
    application.save(update_fields=["motivation_transcript", "updated_at"])
    return application


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The applicant stops (told the coordinator). Only open applications can be withdrawn."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.OPEN:
        raise ValidationError(_("Deze aanmelding loopt niet meer."))
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    return application


_NOT_ALLOWED = {
    "not_skippable": gettext_lazy("Deze stap mag niet overgeslagen worden."),
    "last_stage": gettext_lazy("De laatste stap kunt u niet overslaan."),
    "no_stages": gettext_lazy("Deze aanmelding staat niet bij een stap."),
    "unknown": gettext_lazy("Kies een besluit."),
}


@transaction.atomic
def stage_decide(
    *,
    application: Application,
    decision: str,
    decided_by: User | None,
    date: datetime.date | None = None,
    notes: str = "",
    message: str = "",
    email: str = "",
) -> StageDecision:
    """Record the decision on the application's current stage, move it on, and mail the applicant.

    `email` fills in a missing address (needed for an account when the last stage is passed).
    """
    application = (
        Application.objects.select_for_update().select_related("organisation", "current_stage").get(pk=application.pk)
    )
    if application.status != ApplicationStatus.OPEN:
        raise ValidationError(_("Over deze aanmelding is al besloten."))
    stages = list(PipelineStage.objects.filter(organisation_id=application.organisation_id))
    index = next((i for i, s in enumerate(stages) if s.pk == application.current_stage_id), -1)
    try:
        outcome = rules.decide([rules.Stage(s.code, s.can_skip) for s in stages], index, decision)
    except rules.DecisionNotAllowed as exc:
        raise ValidationError({"decision": str(_NOT_ALLOWED[exc.code])}) from exc

    stage = stages[index]
    if email.strip() and not application.email:
        try:
            validate_email(email.strip())
        except ValidationError as exc:
            raise ValidationError({"email": _("Dit is geen geldig e-mailadres.")}) from exc
        application.email = email.strip().lower()
    recorded = StageDecision.objects.create(
        application=application,
        stage=stage,
        date=date or timezone.localdate(),
        decision=decision,
        notes=notes.strip(),
        message=message.strip(),
        decided_by=decided_by,
    )
    application.current_stage = stages[outcome.next_index]
    application.status = {
        rules.Status.OPEN: ApplicationStatus.OPEN,
        rules.Status.ACCEPTED: ApplicationStatus.ACCEPTED,
        rules.Status.DECLINED: ApplicationStatus.DECLINED,
    }[outcome.status]
    application.save()

    if outcome.becomes_expert:
        application_accept_as_expert(application=application, accepted_by=decided_by, decision=recorded)
        return recorded
    _mail(
        to=application.email,
        template=DECISION_TEMPLATES[Decision(decision)],
        context=_mail_context(
            application,
            stage=stage.name,
            next_stage=application.current_stage.name,
            message=recorded.message,
        ),
        decision_pk=recorded.pk,
    )
    return recorded


@transaction.atomic
def application_accept_as_expert(
    *, application: Application, accepted_by: User | None, decision: StageDecision | None = None
) -> ExpertProfile:
    """Make the applicant an expert of the organisation and send them a way to log in.

    A new person gets an account without a password and a link to choose one; someone who already
    has an account keeps it. A person has one expert profile: one at another organisation blocks this.
    """
    application = Application.objects.select_for_update().select_related("organisation").get(pk=application.pk)
    organisation = application.organisation
    if application.expert_profile_id is not None:
        raise ValidationError(_("Deze persoon is al ervaringsdeskundige geworden."))
    if application.status not in (ApplicationStatus.OPEN, ApplicationStatus.ACCEPTED):
        raise ValidationError(_("Deze aanmelding loopt niet meer."))
    if not application.email:
        raise ValidationError({"email": _("Vul een e-mailadres in. Dat is nodig om een account te maken.")})
    user = User.objects.filter(email=application.email).first()
    is_new = user is None
    if user is None:
        user = User.objects.create_user(
            email=application.email, full_name=application.full_name, created_on_behalf_by=accepted_by
        )
    profile = ExpertProfile.objects.filter(user=user).first()
    if profile is not None and profile.organisation_id != organisation.pk:
        raise ValidationError(
            _("Deze persoon is al ervaringsdeskundige bij een andere organisatie. Neem contact op met de beheerder.")
        )
    if profile is None:
        profile = ExpertProfile.objects.create(
            user=user, organisation=organisation, status=ExpertStatus.ACTIVE, phone=application.phone
        )
    elif profile.status != ExpertStatus.ACTIVE:
        profile.status = ExpertStatus.ACTIVE
        profile.save(update_fields=["status", "updated_at"])
    matching_changed(organisation_ids=[organisation.pk])  # matching's cached pools (same transaction)
    profile_changed.send(sender=ExpertProfile, profile_ids=[profile.pk])  # its search document
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.EXPERT)
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])

    application.status = ApplicationStatus.ACCEPTED
    application.expert_profile = profile
    application.save(update_fields=["status", "expert_profile", "updated_at"])

    needs_password = is_new or not user.has_usable_password()
    context = _mail_context(application, has_account=not needs_password, message=decision.message if decision else "")
    if needs_password:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        context["path"] = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    else:
        context["path"] = reverse("accounts:login")
    _mail(
        to=application.email,
        template="recruitment/email/accepted",
        context=context,
        decision_pk=decision.pk if decision else None,
    )
    return profile


@transaction.atomic
def applications_erase_expired(*, now: datetime.datetime | None = None) -> int:
    """Erase declined and withdrawn applications (and their files) after the promised retention.

    Accepted applications stay: they belong to the expert's record.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=RETENTION_DAYS)
    expired = Application.objects.filter(
        Q(status=ApplicationStatus.DECLINED) | Q(status=ApplicationStatus.WITHDRAWN), updated_at__lt=cutoff
    )
    count = 0
    for application in expired.only("pk", "motivation_file"):
        if application.motivation_file:
            application.motivation_file.delete(save=False)
        application.delete()
        count += 1
    return count
