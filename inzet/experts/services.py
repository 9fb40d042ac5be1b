"""Write flows for expert profiles: one function per use case, used by the pages and the API."""

import datetime
import json
import secrets
from collections.abc import Collection, Iterable

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inzet.accounts.models import User
from inzet.experts import rules
from inzet.experts.disclosure import ITEM_FIELDS
from inzet.experts.models import (
    Audience,
    ExpertCompetence,
    ExpertExperience,
    ExpertProfile,
    MatchingVersion,
    TrainingRecord,
    UnavailablePeriod,
    Verification,
    resolve_areas,
)
from inzet.experts.selectors import PLACEHOLDER_DOMAIN
from inzet.experts.signals import profile_changed
from inzet.lib import iban as iban_lib
from inzet.lib.mail import send_mail_later
from inzet.organisations.models import Membership, Organisation, Role
from inzet.taxonomy.models import PostcodeArea, Term

# Plain profile fields a step or the API may change (many-to-many fields are handled apart).
PROFILE_FIELDS = frozenset(
    {
        "phone",
        "postcode",
        "travel_radius_km",
        "age_band",
        "level",
        "does_not_want_note",
        "work_form",
        "kvk_number",
        "vat_kor",
        "reward_form",
        "donation_charity",
        "hours_per_week",
        "available_days",
        "needs",
        "needs_note",
        "benefit_situation",
        "bijstand_exemption",
        "consent_matching",
        "represents",
        "professional_background",
        "quality_personality",
        "quality_knowledge",
        "quality_attitude",
        "quality_skills",
    }
)
M2M_FIELDS = frozenset(
    {"languages", "wanted_roles", "relational_roles", "wanted_settings", "unwanted", "generic_skills"}
)
# The messages of inzet.lib.iban, marked here for translation.
IBAN_MESSAGES = {
    "checksum": gettext_lazy(
        "Dit IBAN klopt niet: de controlecijfers passen niet bij het nummer. Kijk het na op uw bankpas of in uw bankapp."
    ),
    "length": gettext_lazy(
        "Dit IBAN heeft niet het goede aantal tekens. Een Nederlands IBAN heeft 18 tekens, bijvoorbeeld NL91 ABNA 0417 1643 00."
    ),
    "country": gettext_lazy("Dit IBAN begint niet met een bekende landcode, zoals NL of BE."),
    "bank": gettext_lazy("Deze bankcode kennen we niet. Kijk het IBAN na."),
    "format": gettext_lazy("Dit is geen IBAN. Een IBAN ziet eruit als NL91 ABNA 0417 1643 00."),
}
VISIBILITY_MESSAGES = {
    "unknown_item": gettext_lazy("Dit gegeven bestaat niet: %(item)s."),
    "unknown_audience": gettext_lazy("Kies wie dit mag zien: 0, 1, 2 of 3 (%(item)s)."),
    "too_private": gettext_lazy("Uw coördinator moet uw naam en telefoon of e-mail kunnen zien (%(item)s)."),
}


def matching_changed(*, organisation_ids: Iterable[int]) -> None:
    """Give these organisations a new matching version, in the caller's transaction: matching's
    cached candidate pools (inzet/matching/pool_cache.py) are keyed by it, so none from before this
    write is used again. Every write that changes what matching reads of an expert calls it.

    A random stamp rather than a counter: a rolled-back write must not hand out again a number
    whose pool was built (inside that transaction) from data that never committed."""
    for organisation_id in sorted({pk for pk in organisation_ids if pk is not None}):
        MatchingVersion.objects.update_or_create(
            organisation_id=organisation_id, defaults={"version": secrets.randbits(62)}
        )


def _search_changed(profile: ExpertProfile) -> None:
    """Tell the apps above experts (the directory's search words) that the profile changed, and
    matching that its cached pools of this organisation are stale."""
    profile_changed.send(sender=ExpertProfile, profile_ids=[profile.pk])
    matching_changed(organisation_ids=[profile.organisation_id])


def _area_for(postcode: str) -> PostcodeArea | None:
    return PostcodeArea.objects.filter(pc4=rules.pc4(postcode)).first() if postcode else None


def _check(profile: ExpertProfile, fields: Collection[str]) -> None:
    """Model validators (postcode, KvK, ranges) and the work/reward rules, with Dutch messages."""
    problems = rules.work_and_reward_problems(
        work_form=profile.work_form,
        kvk_number=profile.kvk_number,
        reward_form=profile.reward_form,
        donation_charity=profile.donation_charity,
    )
    messages = {
        "kvk_required": _("Een zzp'er heeft een KvK-nummer. Vul het nummer in."),
        "kvk_format": _("Een KvK-nummer heeft 8 cijfers."),
        "charity_required": _("Vul de naam van het goede doel in."),
    }
    errors = {field: [messages[code]] for field, code in problems.items()}
    try:
        profile.full_clean(
            exclude=[f.name for f in profile._meta.fields if f.name not in fields],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as exc:
        for field, field_errors in exc.message_dict.items():
            errors.setdefault(field, []).extend(field_errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def profile_create(*, user: User, organisation: Organisation, managed_by: User | None = None) -> ExpertProfile:
    """A new, empty profile. Being proposed for work waits for the person's own yes (step 5)."""
    if ExpertProfile.objects.filter(user=user).exists():
        raise ValidationError(_("Deze persoon heeft al een profiel."))
    profile = ExpertProfile.objects.create(
        user=user, organisation=organisation, managed_by=managed_by, consent_matching=False
    )
    _search_changed(profile)
    return profile


@transaction.atomic
def profile_update(*, profile: ExpertProfile, changes: dict) -> ExpertProfile:
    """Change plain fields, the name and many-to-many lists. Raises ValidationError (Dutch) on bad input."""
    unknown = set(changes) - PROFILE_FIELDS - M2M_FIELDS - {"full_name"}
    if unknown:
        raise ValidationError(
            _("Deze gegevens kunt u hier niet wijzigen: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    name = (changes.get("full_name") or "").strip()
    if "full_name" in changes and not name:
        raise ValidationError({"full_name": [_("Vul een naam in.")]})
    plain = {k: v for k, v in changes.items() if k in PROFILE_FIELDS}
    if "postcode" in plain:
        normal = rules.normalise_postcode(plain["postcode"] or "")
        if normal is None:
            raise ValidationError({"postcode": [_("Vul een postcode in zoals 3511 AB, of alleen de 4 cijfers.")]})
        plain["postcode"] = normal
        profile.area = _area_for(normal)
    if isinstance(plain.get("needs"), list | tuple):
        plain["needs"] = json.dumps(list(plain["needs"]))
    for field, value in plain.items():
        setattr(profile, field, value)
    if "work_form" in plain and profile.work_form != "zzp" and "kvk_number" not in plain:
        profile.kvk_number = ""
    if profile.work_form != "zzp":
        profile.vat_kor = False  # the small-business scheme is for entrepreneurs only
    if "reward_form" in plain and profile.reward_form != "donation" and "donation_charity" not in plain:
        profile.donation_charity = ""
    if "consent_matching" in plain:
        profile.consent_recorded_at = timezone.now()
    _check(profile, set(plain) | {"kvk_number", "donation_charity", "work_form", "reward_form"})
    profile.save()
    if name:
        User.objects.filter(pk=profile.user_id).update(full_name=name)
        profile.user.full_name = name
    for field in M2M_FIELDS & set(changes):
        getattr(profile, field).set(changes[field])
    _search_changed(profile)
    return profile


@transaction.atomic
def experiences_set(*, profile: ExpertProfile, stories: dict) -> None:
    """Set the experience areas ({area term: own words}). A new area is seen by the expert only,
    until they choose otherwise in step 5 (privacy by default). Left-out areas are removed."""
    current = {e.area_term_id: e for e in profile.experiences.all()}
    for area, description in stories.items():
        existing = current.pop(area.pk, None)
        if existing is None:
            ExpertExperience.objects.create(
                profile=profile,
                description=description,
                visibility=Audience.ONLY_ME,
                **ExpertExperience.area_fields(area.pk, Audience.ONLY_ME),
            )
        elif existing.description != description:
            existing.description = description
            existing.save(update_fields=["description"])
    if current:
        ExpertExperience.objects.filter(pk__in=[e.pk for e in current.values()]).delete()
    _search_changed(profile)


@transaction.atomic
def visibility_set(
    *, profile: ExpertProfile, items: dict, experiences: dict | None = None, consent_matching: bool | None = None
) -> ExpertProfile:
    """Who sees what: {item: Audience} and {area code: Audience}. Raises ValidationError (Dutch)."""
    problems = rules.visibility_problems(items, ITEM_FIELDS)
    errors = [str(VISIBILITY_MESSAGES[code]) % {"item": item} for item, code in problems.items()]
    rows = {e.area_term.code: e for e in resolve_areas(profile.experiences.select_related("area"))}
    for code, value in (experiences or {}).items():
        found = rules.visibility_problems({"experience": value}, {"experience"})
        if code not in rows:
            errors.append(_("U heeft geen ervaring met deze code: %(item)s.") % {"item": code})
        elif found:
            errors.append(str(VISIBILITY_MESSAGES[found["experience"]]) % {"item": code})
    if errors:
        raise ValidationError(errors)
    for item, value in items.items():
        setattr(profile, ITEM_FIELDS[item], value)
    if consent_matching is not None:
        profile.consent_matching = consent_matching
        profile.consent_recorded_at = timezone.now()
    profile.save()
    for code, value in (experiences or {}).items():
        row = rows[code]
        if row.visibility != value:
            row.save(update_fields=row.set_visibility(value))
    _search_changed(profile)
    return profile


@transaction.atomic
@transaction.atomic
def bank_details_set(*, profile: ExpertProfile, iban: str, account_holder: str) -> ExpertProfile:
    """Store the IBAN (checked with schwifty, kept compact and encrypted) and the account holder's name.

    Both empty clears them. Setting the same values twice changes nothing (a retry is harmless)."""
    value = iban_lib.compact(iban)
    holder = " ".join((account_holder or "").split())
    errors = {}
    if value:
        problem = iban_lib.iban_problem(value)
        if problem:
            errors["iban"] = str(IBAN_MESSAGES[problem])
        if not holder:
            errors["account_holder"] = _("Vul de naam in die bij de bank op de rekening staat.")
    elif holder:
        errors["iban"] = _("Vul ook het IBAN in.")
    if len(holder) > 70:
        errors["account_holder"] = _("Een naam bij de bank heeft hoogstens 70 tekens.")
    if errors:
        raise ValidationError(errors)
    profile = ExpertProfile.objects.select_for_update().get(pk=profile.pk)
    if (profile.iban, profile.account_holder) != (value, holder):
        profile.iban = value
        profile.account_holder = holder
        profile.save(update_fields=["iban", "account_holder"])
    return profile


@transaction.atomic
def profile_pause(*, profile: ExpertProfile, until: datetime.date | None) -> None:
    """Take a break. Never asks why: a pause is normal and counts against no one."""
    profile.paused = True
    profile.paused_until = until
    profile.save(update_fields=["paused", "paused_until", "updated_at"])
    matching_changed(organisation_ids=[profile.organisation_id])


@transaction.atomic
def profile_resume(*, profile: ExpertProfile) -> None:
    profile.paused = False
    profile.paused_until = None
    profile.save(update_fields=["paused", "paused_until", "updated_at"])
    matching_changed(organisation_ids=[profile.organisation_id])


@transaction.atomic
def profile_take_over(*, profile: ExpertProfile) -> None:
    """The person keeps their own profile from now on; the coordinator no longer does."""
    profile.managed_by = None
    profile.save(update_fields=["managed_by", "updated_at"])


@transaction.atomic
def unavailable_add(
    *, profile: ExpertProfile, start: datetime.date, end: datetime.date, note: str = ""
) -> UnavailablePeriod:
    if end < start:
        raise ValidationError({"end": [_("De einddatum ligt vóór de begindatum.")]})
    matching_changed(organisation_ids=[profile.organisation_id])
    return UnavailablePeriod.objects.create(profile=profile, start=start, end=end, note=note)


@transaction.atomic
def unavailable_remove(*, period: UnavailablePeriod) -> None:
    matching_changed(organisation_ids=[period.profile.organisation_id])
    period.delete()


@transaction.atomic
def training_add(
    *, profile: ExpertProfile, evidence: UploadedFile | None = None, verified_by: User | None = None, **fields: object
) -> TrainingRecord:
    """A record the expert declares, or (verified_by given) one a trainer or coordinator vouches for."""
    fields.pop("verification", None)
    record = TrainingRecord(profile=profile, **fields)
    if verified_by is not None:
        record.verification = Verification.VERIFIED
        record.verified_by = verified_by
        record.verified_on = timezone.localdate()
    if evidence is not None:
        record.evidence_name = (evidence.name or "")[-200:]
        assert evidence.name is not None  # an uploaded file always has a name
        record.evidence.save(evidence.name, evidence, save=False)
    record.save()
    _search_changed(profile)
    return record


@transaction.atomic
def training_verify(*, record: TrainingRecord, by: User, valid_until: datetime.date | None = None) -> TrainingRecord:
    """A trainer or coordinator has seen the evidence: from now on the record counts in the register.
    Doing it twice changes nothing but the validity given the second time."""
    record = TrainingRecord.objects.select_for_update().get(pk=record.pk)
    if record.verification != Verification.VERIFIED:
        record.verification = Verification.VERIFIED
        record.verified_by = by
        record.verified_on = timezone.localdate()
    if valid_until is not None:
        record.valid_until = valid_until
    record.save(update_fields=["verification", "verified_by", "verified_on", "valid_until"])
    _search_changed(record.profile)
    return record


@transaction.atomic
def training_remove(*, record: TrainingRecord) -> None:
    profile = record.profile
    if record.evidence:
        name = record.evidence.name
        assert name  # a file field is true only when it has a name
        storage = record.evidence.storage
        transaction.on_commit(lambda: storage.delete(name))
    record.delete()
    _search_changed(profile)


@transaction.atomic
def competence_add(*, profile: ExpertProfile, competence: Term) -> ExpertCompetence:
    found, created = ExpertCompetence.objects.get_or_create(
        profile=profile, competence=competence, defaults={"self_assessed": True}
    )
    if not created and not found.self_assessed:
        found.self_assessed = True
        found.save(update_fields=["self_assessed"])
    _search_changed(profile)
    return found


@transaction.atomic
def competence_remove(*, competence: ExpertCompetence) -> None:
    profile = competence.profile
    competence.delete()
    _search_changed(profile)


@transaction.atomic
def competence_confirm(*, competence: ExpertCompetence, confirmed_by: User) -> ExpertCompetence:
    """A coordinator confirms a competence; who and when are kept. Nobody confirms their own."""
    if competence.profile.user_id == confirmed_by.pk:
        raise ValidationError(_("U kunt uw eigen competentie niet bevestigen."))
    if competence.confirmed_at is None:
        competence.confirmed_by = confirmed_by
        competence.confirmed_at = timezone.now()
        competence.save(update_fields=["confirmed_by", "confirmed_at"])
        matching_changed(organisation_ids=[competence.profile.organisation_id])
    return competence


def _placeholder_email(organisation: Organisation) -> str:
    return f"zonder-e-mail-{secrets.token_hex(6)}@{organisation.slug}{PLACEHOLDER_DOMAIN}"


@transaction.atomic
def assisted_signup(
    *, organisation: Organisation, full_name: str, email: str, invite: bool, coordinator: User
) -> ExpertProfile:
    """A coordinator signs someone up: person, expert role and a profile they keep on the person's behalf.

    The person gets no password. With an e-mail address and `invite`, they get a link to choose one
    (the same way as organisations.services.member_add). Without e-mail, the account only exists so
    the coordinator can keep the profile; it gets a placeholder address that is never shown.
    """
    email = (email or "").strip().lower()
    user = User.objects.filter(email=email).first() if email else None
    if user is not None and ExpertProfile.objects.filter(user=user).exists():
        raise ValidationError({"email": [_("Deze persoon heeft al een profiel. Vraag de persoon of de beheerder.")]})
    if user is None:
        user = User.objects.create_user(
            email=email or _placeholder_email(organisation), full_name=full_name, created_on_behalf_by=coordinator
        )
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation, role=Role.EXPERT)
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    profile = profile_create(user=user, organisation=organisation, managed_by=coordinator)
    if invite and email and not user.has_usable_password():
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
        context = {
            "name": user.full_name,
            "organisation": organisation.name,
            "coordinator": coordinator.full_name,
            "path": path,
        }
        transaction.on_commit(
            lambda: send_mail_later(to=[email], template="experts/email/assisted_invite", context=context)
        )
    return profile
