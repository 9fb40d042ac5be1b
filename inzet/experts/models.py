"""The expert register. Special-category data (lived experience, benefit situation, needs) is
encrypted at rest and shown only per the expert's own choices; see disclosure.py."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField
from inzet.taxonomy.fields import term_field, terms_field


class Audience(models.IntegerChoices):
    """Who may see an item. Ordered: each level includes the ones below it."""

    ONLY_ME = 0, _("Alleen ik")
    COORDINATORS = 1, _("Coördinatoren en begeleiders van mijn organisatie")
    ASKERS = 2, _("Ook vragers van opdrachten die ik heb aangenomen")
    PUBLIC = 3, _("Iedereen, in het openbare register")


class ExpertStatus(models.TextChoices):
    APPLICANT = "applicant", _("Aangemeld")
    IN_SELECTION = "in_selection", _("In selectie")
    IN_TRAINING = "in_training", _("In training")
    ACTIVE = "active", _("Actief")
    INACTIVE = "inactive", _("Gestopt")


class WorkForm(models.TextChoices):
    VOLUNTEER = "volunteer", _("Vrijwilliger")
    EMPLOYEE = "employee", _("In loondienst")
    ZZP = "zzp", _("Zzp'er (zelfstandige)")


class RewardForm(models.TextChoices):
    # Same codes as inzet.compensation.rules.RewardForm.
    BANK_TRANSFER = "bank_transfer", _("Geld op mijn bankrekening")
    VOUCHER = "voucher", _("Een cadeaubon")
    DONATION = "donation", _("Een gift aan een goed doel")
    TIME_CREDIT = "time_credit", _("Uren als tegoed (tijdtegoed)")
    IN_KIND = "in_kind", _("Iets anders dan geld (in natura)")
    TRAINING = "training", _("Een opleiding of cursus")
    NONE = "none", _("Geen vergoeding")


# The labels above are the expert's own answers ("Geld op mijn bankrekening"). Everyone else —
# a coordinator on the payouts page, an export, a search filter — reads them without "mijn".
_NEUTRAL_REWARD_LABELS = {RewardForm.BANK_TRANSFER: _("Geld op de bankrekening")}


def reward_form_label(value: str):
    """The reward form as anyone may read it (no "mijn": a coordinator is not the one paid)."""
    if value in _NEUTRAL_REWARD_LABELS:
        return _NEUTRAL_REWARD_LABELS[RewardForm(value)]
    try:
        return RewardForm(value).label
    except ValueError:
        return value


def neutral_reward_choices() -> list[tuple[str, object]]:
    return [(value, reward_form_label(value)) for value, _label in RewardForm.choices]


class BenefitSituation(models.TextChoices):
    # Same codes as inzet.compensation.rules.BenefitSituation.
    NONE = "none", _("Geen uitkering")
    BIJSTAND = "bijstand", _("Bijstand")
    WAJONG = "wajong", _("Wajong")
    WGA = "wga", _("WGA")
    WW = "ww", _("WW")
    TOESLAGEN = "toeslagen", _("Alleen toeslagen (huur- of zorgtoeslag)")


class BijstandExemption(models.TextChoices):
    # Same codes as inzet.compensation.rules.BijstandExemption (the codes of the benefit rule rows).
    REGULAR = "bijstand_27_plus", _("Gewone vrijlating")
    SINGLE_PARENT = "bijstand_single_parent", _("Alleenstaande ouder met een kind jonger dan 12")
    ILLNESS = "bijstand_illness", _("Vrijlating bij ziekte of handicap")


class AgeBand(models.TextChoices):
    # Same codes as inzet.compensation.rules.AgeBand: the 21/23/27 limits of the money rules.
    UNDER_21 = "under_21", _("Jonger dan 21")
    AGE_21_22 = "21_22", _("21 of 22")
    AGE_23_26 = "23_26", _("23 tot en met 26")
    AGE_27_PLUS = "27_plus", _("27 of ouder")


class Need(models.TextChoices):
    TRANSPORT = "transport", _("Vervoer")
    BUDDY = "buddy", _("Een maatje dat meegaat")
    ACCESSIBLE_VENUE = "accessible_venue", _("Een toegankelijke plek")
    INTERPRETER = "interpreter", _("Een tolk")
    PAPER = "paper", _("Stukken op papier")


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("maandag")
    TUESDAY = 2, _("dinsdag")
    WEDNESDAY = 4, _("woensdag")
    THURSDAY = 8, _("donderdag")
    FRIDAY = 16, _("vrijdag")
    SATURDAY = 32, _("zaterdag")
    SUNDAY = 64, _("zondag")


# Weekday.values builds its list (and the labels' lazy strings) on every use; lists ask 25 times.
WEEKDAY_VALUES = tuple(Weekday.values)


kvk_validator = RegexValidator(r"^\d{8}$", _("Een KvK-nummer heeft 8 cijfers."))
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?[A-Za-z]{2}$|^[1-9]\d{3}$", _("Vul een postcode in zoals 3511 AB, of alleen de 4 cijfers.")
)


def _visibility(default: int, label):
    return models.PositiveSmallIntegerField(label, choices=Audience.choices, default=default)


class ExpertProfile(models.Model):
    """An experience expert within a deploying organisation."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="experts")
    status = models.CharField(_("status"), max_length=20, choices=ExpertStatus.choices, default=ExpertStatus.ACTIVE)
    # Assisted sign-up: a coordinator keeps this profile for the person (shown as such).
    managed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bijgehouden door"),
    )
    consent_matching = models.BooleanField(
        _("ik wil voorgesteld worden voor opdrachten"),
        default=True,
        help_text=_("Uit: coördinatoren stellen u niet voor. U kunt dit altijd weer aanzetten."),
    )
    consent_recorded_at = models.DateTimeField(null=True, blank=True)

    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    level = term_field("level", _("niveau"))
    wanted_roles = terms_field("role", _("rollen die ik wil"))
    relational_roles = terms_field("relational_role", _("hoe ik mij opstel"))
    wanted_settings = terms_field("practice_setting", _("waar ik wil werken"))
    unwanted = terms_field(None, _("wat ik niet wil doen"))
    does_not_want_note = EncryptedTextField(_("wat ik niet wil doen, in mijn eigen woorden"), blank=True)
    # Background and qualities (docs/domain/reference-lists.md): each item under its own visibility.
    represents = models.TextField(_("voor wie ik spreek of wie ik vertegenwoordig"), blank=True)
    professional_background = models.TextField(_("mijn beroepsachtergrond"), blank=True)
    quality_personality = models.TextField(_("persoonlijkheid"), blank=True)
    quality_knowledge = models.TextField(_("kennis"), blank=True)
    quality_attitude = models.TextField(_("houding"), blank=True)
    quality_skills = models.TextField(_("vaardigheden"), blank=True)
    generic_skills = terms_field("generic_skill", _("algemene vaardigheden"))
    languages = terms_field("language", _("talen"))

    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[postcode_validator])
    area = models.ForeignKey(
        "taxonomy.PostcodeArea",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("postcodegebied"),
    )
    travel_radius_km = models.PositiveSmallIntegerField(
        _("hoe ver wil ik reizen (km)"), default=25, validators=[MaxValueValidator(500)]
    )

    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), default=4, validators=[MinValueValidator(0), MaxValueValidator(60)]
    )
    available_days = models.PositiveSmallIntegerField(_("dagen"), default=31)  # bitmask of Weekday
    paused = models.BooleanField(_("pauze"), default=False)
    paused_until = models.DateField(_("pauze tot"), null=True, blank=True)

    work_form = models.CharField(_("werkvorm"), max_length=20, choices=WorkForm.choices, default=WorkForm.VOLUNTEER)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator])
    reward_form = models.CharField(
        _("hoe wil ik beloond worden"), max_length=20, choices=RewardForm.choices, default=RewardForm.BANK_TRANSFER
    )
    donation_charity = models.CharField(_("goed doel"), max_length=200, blank=True)
    vat_kor = models.BooleanField(
        _("ik gebruik de kleineondernemersregeling (KOR) en reken geen btw"),
        default=False,
        help_text=_("Alleen voor zzp'ers."),
    )
    # Payment data: encrypted, shown masked to anyone but the expert, reads by others logged.
    iban = EncryptedCharField(_("IBAN"), blank=True)
    account_holder = EncryptedCharField(_("naam rekeninghouder"), blank=True)

    # Special category: encrypted, and shown only to whom the expert chooses.
    benefit_situation = EncryptedCharField(_("uitkering"), blank=True)
    bijstand_exemption = EncryptedCharField(
        _("vrijlating in de bijstand"), blank=True, choices=BijstandExemption.choices
    )
    age_band = models.CharField(_("leeftijd"), max_length=10, choices=AgeBand.choices, blank=True)
    needs = EncryptedTextField(_("wat ik nodig heb om mee te doen"), blank=True)  # JSON list of Need codes
    needs_note = EncryptedTextField(_("wat ik nodig heb, in mijn eigen woorden"), blank=True)

    # Who sees what (docs/domain/consent.md). Experience areas carry their own visibility per row.
    vis_name = _visibility(Audience.ASKERS, _("mijn naam"))
    vis_contact = _visibility(Audience.COORDINATORS, _("mijn telefoon en e-mail"))
    vis_level = _visibility(Audience.ASKERS, _("mijn niveau"))
    vis_roles = _visibility(Audience.ASKERS, _("rollen die ik wil"))
    vis_competences = _visibility(Audience.ASKERS, _("mijn competenties"))
    vis_training = _visibility(Audience.ASKERS, _("mijn opleidingen"))
    vis_languages = _visibility(Audience.ASKERS, _("mijn talen"))
    vis_region = _visibility(Audience.COORDINATORS, _("mijn woonplaats en reisafstand"))
    vis_availability = _visibility(Audience.COORDINATORS, _("wanneer ik kan"))
    vis_work_form = _visibility(Audience.COORDINATORS, _("mijn werkvorm en beloning"))
    vis_benefit = _visibility(Audience.ONLY_ME, _("mijn uitkering en leeftijd"))
    vis_needs = _visibility(Audience.COORDINATORS, _("wat ik nodig heb"))
    vis_does_not_want = _visibility(Audience.COORDINATORS, _("wat ik niet wil doen"))
    vis_represents = _visibility(Audience.COORDINATORS, _("voor wie ik spreek"))
    vis_background = _visibility(Audience.COORDINATORS, _("mijn beroepsachtergrond"))
    vis_qualities = _visibility(Audience.COORDINATORS, _("mijn kwaliteiten"))
    vis_skills = _visibility(Audience.COORDINATORS, _("mijn algemene vaardigheden"))

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ervaringsdeskundige")
        verbose_name_plural = _("ervaringsdeskundigen")
        indexes = [
            models.Index(fields=["organisation", "status", "paused"]),
            models.Index(fields=["organisation", "age_band"]),
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def day_list(self) -> list[int]:
        return [day for day in WEEKDAY_VALUES if self.available_days & day]


class ExpertExperience(models.Model):
    """One area of lived experience, in the expert's own words, with its own visibility.

    Which area an "Alleen ik" row is about is itself special-category data: such a row keeps its
    area encrypted in `sealed_area` (the term id) and `area` empty, so the database does not show
    it and no search, filter or match can use it (it counts as unknown). Shared rows keep the
    plain `area`, which matching and search need. Use `area_term_id` / `area_term` to read either.
    """

    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="experiences")
    area = term_field("experience_area", _("ervaringsgebied"))
    sealed_area = EncryptedCharField(_("ervaringsgebied (alleen voor mij)"), blank=True)
    description = EncryptedTextField(_("in mijn eigen woorden"), blank=True)
    visibility = models.PositiveSmallIntegerField(
        _("wie ziet dit"), choices=Audience.choices, default=Audience.COORDINATORS
    )

    class Meta:
        verbose_name = _("ervaring")
        verbose_name_plural = _("ervaringen")
        constraints = [
            models.UniqueConstraint(fields=["profile", "area"], name="experience_unique_area"),
            # An "Alleen ik" row never shows its area in plaintext; a shared row always has it.
            models.CheckConstraint(
                condition=(Q(visibility=0) & Q(area__isnull=True)) | (~Q(visibility=0) & Q(area__isnull=False)),
                name="experience_only_me_area_sealed",
            ),
        ]
        # Covering for "who has this area, visible to whom" (expert list, matching): no table lookups.
        indexes = [models.Index(fields=["area", "visibility", "profile"], name="experience_area_vis_profile")]

    def __str__(self) -> str:
        return f"{self.profile} – {self.area_term_id}"

    @staticmethod
    def area_fields(area_id: int, visibility: int) -> dict:
        """The area columns for a row at this visibility: sealed when only the expert sees it."""
        if visibility == Audience.ONLY_ME:
            return {"area_id": None, "sealed_area": str(area_id)}
        return {"area_id": area_id, "sealed_area": ""}

    @property
    def area_term_id(self) -> int | None:
        return self.area_id or (int(self.sealed_area) if self.sealed_area else None)

    @property
    def area_term(self):
        """The area's Term; for sealed rows set by `resolve_areas` (one query for all rows)."""
        if self.area_id:
            return self.area
        return getattr(self, "_sealed_term", None)

    def set_visibility(self, visibility: int) -> list[str]:
        """Change who sees this row, sealing or unsealing its area; returns the fields to save."""
        self.visibility = visibility
        for name, value in self.area_fields(self.area_term_id, visibility).items():
            setattr(self, name, value)
        return ["visibility", "area", "sealed_area"]


def resolve_areas(experiences) -> list[ExpertExperience]:
    """Attach the Term of every sealed row, with one query. Only for the expert's own pages."""
    from inzet.taxonomy.models import Term

    experiences = list(experiences)
    sealed = [e for e in experiences if not e.area_id and e.sealed_area]
    if sealed:
        terms = Term.objects.in_bulk([e.area_term_id for e in sealed])
        for experience in sealed:
            experience._sealed_term = terms.get(experience.area_term_id)
    return experiences


class ExpertCompetence(models.Model):
    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="competences")
    competence = term_field("competence", _("competentie"), optional=False)
    self_assessed = models.BooleanField(_("ik vind dat ik dit kan"), default=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("competentie")
        verbose_name_plural = _("competenties")
        constraints = [models.UniqueConstraint(fields=["profile", "competence"], name="competence_unique")]

    def __str__(self) -> str:
        return f"{self.profile} – {self.competence}"


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Opleiding of training")
    COURSE = "course", _("Cursus")
    EVC = "evc", _("EVC (erkenning van wat u al kunt, door werk of ervaring)")
    REGISTER = "register", _("Registratie in een beroepsregister")


class TrainingStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    IN_PROGRESS = "in_progress", _("Bezig")
    COMPLETED = "completed", _("Afgerond")
    EXPIRED = "expired", _("Verlopen")


class Verification(models.TextChoices):
    # A record counts in the register only once someone who can judge it has seen the evidence.
    SELF_DECLARED = "self_declared", _("Zelf opgegeven")
    VERIFIED = "verified", _("Gecontroleerd")


class QualificationLevel(models.TextChoices):
    # The levels of the courses for experience experts (mbo 3-4, associate degree 5, hbo 6).
    NONE = "", _("Geen niveau")
    LEVEL_3 = "3", _("Niveau 3 (mbo)")
    LEVEL_4 = "4", _("Niveau 4 (mbo)")
    LEVEL_5 = "5", _("Niveau 5 (associate degree)")
    LEVEL_6 = "6", _("Niveau 6 (hbo)")
    NON_REGULAR = "non_regular", _("Andere opleiding (zonder erkend niveau)")


def evidence_path(instance, filename: str) -> str:
    # Uploads never keep the original name on disk; the view serves them after a permission check.
    import uuid
    from pathlib import Path

    return f"evidence/{instance.profile_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class TrainingRecord(models.Model):
    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="training")
    kind = models.CharField(_("soort"), max_length=20, choices=TrainingKind.choices)
    name = models.CharField(_("naam"), max_length=200)
    provider = models.CharField(_("gegeven door"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TrainingStatus.choices, default=TrainingStatus.COMPLETED
    )
    completed_on = models.DateField(_("afgerond op"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    evidence = models.FileField(_("bewijs (pdf of foto)"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    qualification_level = models.CharField(
        _("niveau"), max_length=20, choices=QualificationLevel.choices, blank=True, default=""
    )
    verification = models.CharField(
        _("controle"), max_length=20, choices=Verification.choices, default=Verification.SELF_DECLARED
    )
    verified_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )

    class Meta:
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleidingen")
        ordering = ["-completed_on", "name"]

    def __str__(self) -> str:
        return self.name


class UnavailablePeriod(models.Model):
    profile = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="unavailable_periods")
    start = models.DateField(_("van"))
    end = models.DateField(_("tot en met"))
    note = models.CharField(_("notitie (alleen voor uzelf)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("periode dat ik niet kan")
        verbose_name_plural = _("periodes dat ik niet kan")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="unavailable_end_after_start")
        ]
        indexes = [models.Index(fields=["profile", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.start} – {self.end}"


class MatchingVersion(models.Model):
    """A stamp per organisation that every write to what matching reads of its experts renews (through
    experts.services.matching_changed, in the same transaction). Matching keeps candidate pools per
    process under this stamp (inzet/matching/pool_cache.py), so none from before a write is used again;
    in the database, so every app node sees the same stamp."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.version}"


class AccessLog(models.Model):
    """Every read of a special-category item by someone other than the expert. The expert reads it."""

    # Written for every list page (25 rows at a time): without database-level foreign keys a page
    # saves 50 key checks at commit (~1 ms on PostgreSQL). The ids come from rows just read, and
    # Django still deletes (profile) or clears (viewer) these rows when the other side is deleted.
    # Lookups by profile use the (profile, -created_at) index below.
    profile = models.ForeignKey(
        ExpertProfile, on_delete=models.CASCADE, related_name="access_log", db_constraint=False, db_index=False
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", db_constraint=False
    )
    item = models.CharField(_("gegeven"), max_length=40)
    context = models.CharField(_("waar"), max_length=40)  # page, api, export, print, search
    path = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("wanneer"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["profile", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.viewer} → {self.profile}: {self.item}"


def counted_training(today) -> models.Q:
    """Records that count for the public register and the "training required" switch: completed,
    checked by a trainer or coordinator, and not past their validity (lookups relative to TrainingRecord)."""
    return models.Q(status=TrainingStatus.COMPLETED, verification=Verification.VERIFIED) & (
        models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=today)
    )
