"""Neighbourhood teams of experts supporting residents: light, privacy-first (seed 004 ch. 8).

A resident has no account. Everything about them is optional and encrypted at rest; only the
members of the team see it (permissions.py), and every read is logged (ResidentReadLog).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField


class Team(models.Model):
    """A neighbourhood team: an area, the postcodes it serves and the organisation behind it."""

    class Form(models.TextChoices):
        # The three ways of organising in seed 004 (l.548–623).
        WIJKTEAM = "wijkteam", _("Onderdeel van het sociaal wijkteam")
        OWN_LOCATION = "own_location", _("Eigen plek in de wijk")
        CENTRAL = "central", _("Centrale organisatie die werkt op verwijzing")

    name = models.CharField(_("naam"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="neighbourhood_teams"
    )
    area = models.CharField(_("wijk of gebied"), max_length=200, blank=True)
    postcode_ranges = models.CharField(
        _("postcodes"), max_length=500, blank=True, help_text=_("Bijvoorbeeld: 3511-3515, 3521")
    )
    form = models.CharField(_("vorm van het team"), max_length=20, choices=Form.choices, default=Form.OWN_LOCATION)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijkteam")
        verbose_name_plural = _("wijkteams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    class Role(models.TextChoices):
        EXPERT = "expert", _("Ervaringsdeskundige")
        COORDINATOR = "coordinator", _("Coördinator")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="neighbourhood_teams")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.EXPERT)
    is_active = models.BooleanField(_("actief"), default=True)
    # For the "klik" with a resident (klik.py): what the expert chooses to tell the team, never a diagnosis.
    gender = models.CharField(_("geslacht"), max_length=40, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("geboortejaar"), null=True, blank=True)
    knows_areas = models.CharField(_("wijken die ik goed ken"), max_length=300, blank=True)
    experience_domains = models.CharField(
        _("leefgebieden waar mijn ervaring bij past"), max_length=600, blank=True
    )  # comma-separated life-domain codes

    class Meta:
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="neighbourhood_member_once")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class Resident(models.Model):
    """A resident without an account: as little as possible, every field optional, all encrypted."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="residents")
    name = EncryptedCharField(_("naam of roepnaam"), blank=True)
    reach = EncryptedTextField(_("hoe bereiken we u?"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bewoner")
        verbose_name_plural = _("bewoners")

    def __str__(self) -> str:
        return f"#{self.pk}"  # never the name: this string ends up in logs and the admin


class Trajectory(models.Model):
    """The support of one resident by the team, from first contact to closure."""

    class Channel(models.TextChoices):
        DROP_IN = "drop_in", _("Inloopspreekuur")
        VINDPLAATS = "vindplaats", _("Vindplaats (in de wijk)")
        REFERRAL = "referral", _("Verwijzing")
        PHONE = "phone", _("Telefoon")
        MAIL = "mail", _("Mail")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="trajectories")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="trajectories")
    experts = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="neighbourhood_trajectories")
    channel = models.CharField(_("hoe kwam de bewoner binnen?"), max_length=20, choices=Channel.choices)
    referrer = EncryptedCharField(_("verwijzer (als die er is)"), blank=True)
    question = EncryptedTextField(_("de vraag, in de woorden van de bewoner"), blank=True)
    opened_on = models.DateField(_("eerste contact"))
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # A double click or a retry of the first-contact form finds the same trajectory.
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-opened_on", "-pk"]
        indexes = [
            # Covers the evaluation report's counts per channel, opened and closed (no table lookups
            # for 100,000 trajectories of an organisation).
            models.Index(fields=["team", "channel", "opened_on", "closed_on"], name="trajectory_report_counts"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class ResidentReadLog(models.Model):
    """Who opened which part of a resident's record, and when. Never the content."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="read_log")
    item = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.item} #{self.trajectory_id}"


class QuestionForm(models.Model):
    """Form 1 "Wat is mijn vraag?" (004 Bijlage 2). Filled in by the resident, alone or together."""

    trajectory = models.OneToOneField(Trajectory, on_delete=models.CASCADE, related_name="question_form")
    name = EncryptedCharField(_("naam"), blank=True)
    filled_on = models.DateField(_("datum"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("formulier Wat is mijn vraag?")
        verbose_name_plural = _("formulieren Wat is mijn vraag?")

    def __str__(self) -> str:
        return f"#{self.trajectory_id}"


class QuestionFormRow(models.Model):
    """One row of Form 1: a topic (three fixed rows, then the life domains) with now and wish."""

    form = models.ForeignKey(QuestionForm, on_delete=models.CASCADE, related_name="rows")
    topic = models.CharField(max_length=60)  # a fixed row code or a life-domain term code
    now = EncryptedTextField(_("situatie nu"), blank=True)
    wish = EncryptedTextField(_("wens voor situatie straks"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["form", "topic"], name="neighbourhood_form_row_once")]

    def __str__(self) -> str:
        return self.topic


class Contact(models.Model):
    """One contact with the resident, for the log and the closure report's counts."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Telefonisch")
        IN_PERSON = "in_person", _("Live")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="contacts")
    on = models.DateField(_("datum"))
    kind = models.CharField(_("soort contact"), max_length=20, choices=Kind.choices, default=Kind.IN_PERSON)
    minutes = models.PositiveSmallIntegerField(_("duur in minuten"), null=True, blank=True)
    note = EncryptedTextField(_("korte notitie"), blank=True)
    domain = models.CharField(_("leefgebied"), max_length=60, blank=True)  # a life-domain term code
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        ordering = ["-on", "-pk"]
        # Covers the evaluation report's contacts per kind in a period (reached from the trajectories).
        indexes = [models.Index(fields=["trajectory", "on", "kind"], name="contact_report_counts")]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} {self.on}"


class Closure(models.Model):
    """Form 3, the closure report (004 l.2372–2594), and the outcome tags for evaluation (l.661–671).

    The texts are encrypted and anonymised after the retention period; the tags are counts and stay.
    """

    trajectory = models.OneToOneField(Trajectory, on_delete=models.CASCADE, related_name="closure")
    age = EncryptedCharField(_("leeftijd"), blank=True)
    gender = EncryptedCharField(_("geslacht"), blank=True)
    came_in = EncryptedTextField(_("1. Hoe is de bewoner bij ons gekomen, en waarom?"), blank=True)
    going_on = EncryptedTextField(_("2. Wat speelde er?"), blank=True)
    actions = EncryptedTextField(blank=True)  # JSON: life-domain code → what was done (only where something was)
    how_left = EncryptedTextField(
        _("5. Hoe ging de bewoner weg? Wat was er veranderd? Waarom is het contact gestopt?"), blank=True
    )
    different = EncryptedTextField(_("6. Wat is er anders dan professionele hulp?"), blank=True)
    reflection = EncryptedTextField(
        _("7. Wil de ervaringsdeskundige nog iets zeggen, over de bewoner of over zichzelf?"), blank=True
    )
    felt_heard = models.BooleanField(_("voelde zich gehoord"), default=False)
    more_confidence = models.BooleanField(_("meer zelfvertrouwen"), default=False)
    more_active = models.BooleanField(_("vaker buiten de deur actief"), default=False)
    more_contacts = models.BooleanField(_("meer contacten"), default=False)
    practical_help = models.BooleanField(_("praktisch geholpen"), default=False)
    found_care = models.BooleanField(_("geholpen de weg naar zorg te vinden"), default=False)
    homelessness_prevented = models.BooleanField(_("dakloosheid voorkomen"), default=False)
    # Question 6 ticked as well as told: what was different from professional help, in the terms
    # of 004 l.535 and l.3263–3270. Counts for the evaluation report (the added value of the
    # expert, 004 l.1979); they stay after the retention period, the text does not.
    diff_equal = models.BooleanField(_("contact als gelijke, een maatje"), default=False)
    diff_recognition = models.BooleanField(
        _("herkenning en erkenning, waardoor hulp vragen makkelijker werd"), default=False
    )
    diff_practical = models.BooleanField(_("praktische steun die past bij wat de bewoner nodig had"), default=False)
    diff_hope = models.BooleanField(_("een voorbeeld dat hoop en moed gaf"), default=False)
    diff_stigma = models.BooleanField(_("minder last van (zelf)stigma"), default=False)
    diff_attention = models.BooleanField(_("tijd en echte aandacht voor het eigen verhaal"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    OUTCOME_FIELDS = [
        "felt_heard",
        "more_confidence",
        "more_active",
        "more_contacts",
        "practical_help",
        "found_care",
        "homelessness_prevented",
    ]
    DIFFERENCE_FIELDS = [
        "diff_equal",
        "diff_recognition",
        "diff_practical",
        "diff_hope",
        "diff_stigma",
        "diff_attention",
    ]

    class Meta:
        verbose_name = _("afsluitverslag")
        verbose_name_plural = _("afsluitverslagen")

    def __str__(self) -> str:
        return f"#{self.trajectory_id}"


class Review(models.Model):
    """Form 2 (004 Bijlage 2): the review after 3 or after 6 months, in the resident's own view.

    Evaluation reads the grades per round (`ReviewRow.grade`, plain numbers 1–10); the texts are
    the resident's words and are encrypted. After the retention period only the grades stay.
    """

    class Round(models.IntegerChoices):
        THREE = 3, _("Na drie maanden")
        SIX = 6, _("Na zes maanden")

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="reviews")
    months = models.PositiveSmallIntegerField(_("moment"), choices=Round.choices)
    filled_on = models.DateField(_("datum"), null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voortgangsformulier")
        verbose_name_plural = _("voortgangsformulieren")
        ordering = ["months"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "months"], name="neighbourhood_review_once")]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} {self.months}"


class ReviewRow(models.Model):
    """One life domain of Form 2: the start (from Form 1), the situation now, a grade with explanation."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="rows")
    topic = models.CharField(max_length=60)  # a life-domain term code
    start = EncryptedTextField(_("situatie bij de start"), blank=True)
    now = EncryptedTextField(_("situatie nu"), blank=True)
    grade = models.PositiveSmallIntegerField(_("rapportcijfer"), null=True, blank=True)
    explanation = EncryptedTextField(_("toelichting"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "topic"], name="neighbourhood_review_row_once"),
            models.CheckConstraint(
                condition=models.Q(grade__isnull=True) | models.Q(grade__gte=1, grade__lte=10),
                name="neighbourhood_review_grade_1_10",
            ),
        ]

    def __str__(self) -> str:
        return self.topic


class Partner(models.Model):
    """A partner of the team (huisarts, wijkverpleging, GGZ, …; 004 l.1794–1798). An organisation, not a resident."""

    class Kind(models.TextChoices):
        GP = "gp", _("Huisarts of praktijkondersteuner")
        DISTRICT_NURSING = "district_nursing", _("Wijkverpleging")
        WIJKTEAM = "wijkteam", _("Sociaal wijkteam")
        MENTAL_HEALTH = "mental_health", _("GGZ")
        WELFARE = "welfare", _("Welzijn")
        WMO = "wmo", _("Wmo-loket")
        CHURCH = "church", _("Kerk of moskee")
        VOLUNTEERS = "volunteers", _("Vrijwilligersorganisatie")
        OTHER = "other", _("Anders")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort partner"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    email = models.EmailField(_("e-mailadres"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    # The organisation on the social map (network app) this partner was picked from, if any.
    map_entry = models.ForeignKey(
        "network.Partner",
        verbose_name=_("op de sociale kaart"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="team_partners",
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["team", "name"], name="neighbourhood_partner_once")]

    def __str__(self) -> str:
        return self.name


class Consent(models.Model):
    """The resident's consent to share with one named partner, for one purpose (004 l.2061–2065).

    Recorded by a team member (who, when, for what); revocable. While it is not revoked, and only
    then, information of this trajectory may go to that partner (`consent.may_share`).
    """

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="consents")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="consents")
    purpose = EncryptedTextField(_("waarvoor"))
    given_on = models.DateField(_("toestemming gegeven op"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("toestemming om te delen")
        verbose_name_plural = _("toestemmingen om te delen")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} → {self.partner_id}"


class PartnerMessage(models.Model):
    """Information sent to a partner about a trajectory (a referral onward, an update): only with consent."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="partner_messages")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="messages")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="messages")
    text = EncryptedTextField(_("bericht"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("bericht aan partner")
        verbose_name_plural = _("berichten aan partners")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} → {self.partner_id}"


class Referral(models.Model):
    """A partner refers a resident through the public form, without an account (issue 13).

    Minimal data, encrypted; it waits in the team's queue until a member takes it on (a first
    contact and trajectory are made) or declines it with a reason. The partner follows only the
    status, through the unguessable link on their thanks page.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Ontvangen")
        TAKEN_ON = "taken_on", _("Aangenomen")
        DECLINED = "declined", _("Niet aangenomen")

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="referrals")
    partner_name = models.CharField(_("organisatie die verwijst"), max_length=200)
    partner_kind = models.CharField(_("soort organisatie"), max_length=30, choices=Partner.Kind.choices)
    referrer_contact = EncryptedTextField(_("uw naam en hoe wij u bereiken"), blank=True)
    resident_name = EncryptedCharField(_("naam of roepnaam van de bewoner"), blank=True)
    resident_reach = EncryptedTextField(_("hoe bereiken we de bewoner?"), blank=True)
    question = EncryptedTextField(_("de vraag van de bewoner"), blank=True)
    resident_consents = models.BooleanField(_("de bewoner weet hiervan en vindt het goed"), default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    received_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = EncryptedTextField(_("reden"), blank=True)
    trajectory = models.OneToOneField(
        Trajectory, null=True, blank=True, on_delete=models.SET_NULL, related_name="referral"
    )
    # The form's hidden key (a double click or retry submits once); also the partner's status link.
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("verwijzing door een partner")
        verbose_name_plural = _("verwijzingen door partners")
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"


class DropInHour(models.Model):
    """A weekly drop-in hour of the team (004 l.2703–2718): where, when, who is there, accessibility. Public."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="drop_in_hours")
    place = models.CharField(_("plek"), max_length=200)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday.choices)
    starts = models.TimeField(_("van"))
    ends = models.TimeField(_("tot"))
    who = models.CharField(_("wie is er"), max_length=300, blank=True)
    accessibility = models.CharField(
        _("toegankelijkheid"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, ringleiding"),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("inloopspreekuur")
        verbose_name_plural = _("inloopspreekuren")
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends__gt=models.F("starts")), name="neighbourhood_dropin_order"),
            models.UniqueConstraint(fields=["team", "place", "weekday", "starts"], name="neighbourhood_dropin_once"),
        ]

    def __str__(self) -> str:
        return f"{self.place} {self.get_weekday_display()}"


class CaseMeeting(models.Model):
    """A case meeting (*casuïstiekoverleg*) about one trajectory (004 l.593, 1794–1806).

    Only the team members named as participants see it (`permissions.get_case_meeting`); partners
    take part only under the resident's live consent for them (checked when planned, dropped from
    meetings still to come the moment the consent is revoked). The record is encrypted.
    """

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="case_meetings")
    planned_for = models.DateTimeField(_("wanneer"))
    place = models.CharField(_("waar"), max_length=200, blank=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("wie doen mee"), related_name="neighbourhood_case_meetings"
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners (alleen met toestemming)"), blank=True, related_name="case_meetings"
    )
    record = EncryptedTextField(_("kort verslag"), blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("casuïstiekoverleg")
        verbose_name_plural = _("casuïstiekoverleggen")
        ordering = ["-planned_for", "-pk"]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} {self.planned_for:%Y-%m-%d}"


class AgreedAction(models.Model):
    """An agreed action with an owner and a due date; from a case meeting or from a contact."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(CaseMeeting, null=True, blank=True, on_delete=models.CASCADE, related_name="actions")
    what = EncryptedTextField(_("wat is afgesproken"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wie doet het"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="neighbourhood_actions",
    )
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("afgesproken actie")
        verbose_name_plural = _("afgesproken acties")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"#{self.trajectory_id} {self.due_on or ''}"


class ResidentPreferences(models.Model):
    """What the resident finds important in an expert, for the "klik" (004 l.946–956, 631–637).

    Never a diagnosis: languages, age, the expert's gender, the neighbourhood and the life domains
    where experience fits. Encrypted. The resident agrees to the expert (l.3359–3360): who and when.
    """

    trajectory = models.OneToOneField(Trajectory, on_delete=models.CASCADE, related_name="preferences")
    languages = EncryptedCharField(_("talen"), blank=True)  # comma-separated language term codes
    age = EncryptedCharField(_("leeftijd van de bewoner"), blank=True)
    expert_gender = EncryptedCharField(_("liefst een ervaringsdeskundige die is"), blank=True)
    neighbourhood = EncryptedCharField(_("wijk"), blank=True)
    domains = EncryptedCharField(_("leefgebieden waar ervaring bij past"), blank=True)  # comma-separated codes
    agreed_expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agreed_on = models.DateField(_("bewoner stemde in op"), null=True, blank=True)

    class Meta:
        verbose_name = _("wensen voor de klik")
        verbose_name_plural = _("wensen voor de klik")

    def __str__(self) -> str:
        return f"#{self.trajectory_id}"


class GroupActivity(models.Model):
    """A group activity for residents (004 l.908–918). Counts only: never who came."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("ontmoeting (koffie, maaltijd)")
        WORKSHOP = "workshop", _("workshop of cursus")
        OUTING = "outing", _("uitje of wandeling")
        INFORMATION = "information", _("voorlichting")
        OTHER = "other", _("anders")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="group_activities")
    title = models.CharField(_("naam van de activiteit"), max_length=200)
    held_on = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    attendees = models.PositiveIntegerField(_("aantal bewoners dat kwam"))
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("groepsactiviteit")
        verbose_name_plural = _("groepsactiviteiten")
        ordering = ["-held_on", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(attendees__lte=10000), name="nb_group_attendees_max")]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"
