"""Support of experts: mentor talks, check-ins, early conversations and buddies (002 TIP 7).

What an expert says about how they are doing is special-category data: encrypted at rest and
shown only to the people the expert allows (see permissions.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField


class PartnerKind(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    MENTOR = "mentor", _("Mentor")
    FELLOW = "fellow", _("Andere ervaringsdeskundige")


class MentorTalk(models.Model):
    """One individual talk between an expert and a partner, working on one goal."""

    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="mentor_talks")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gesprekspartner")
    )
    partner_kind = models.CharField(_("gesprekspartner is"), max_length=20, choices=PartnerKind.choices)
    held_on = models.DateField(_("datum"))
    goal = models.CharField(_("doel"), max_length=300)
    discussed = EncryptedTextField(_("wat we bespraken"), blank=True)
    shared_with_coordinators = models.BooleanField(_("coördinatoren mogen lezen wat we bespraken"), default=False)
    next_steps = models.TextField(_("afgesproken volgende stappen"), blank=True)
    next_on = models.DateField(_("volgend gesprek"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # A random token from the form: a double click or a retry saves the talk once.
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mentorgesprek")
        verbose_name_plural = _("mentorgesprekken")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "expert", "-held_on"])]

    def __str__(self) -> str:
        return f"{self.expert} – {self.held_on}"


class TalkReminder(models.Model):
    """One reminder per expert per overdue period; the daily job claims it before sending."""

    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="+")
    # The date the overdue period counts from (the last talk, or the day the profile started).
    since = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["expert", "since"], name="talk_reminder_once")]

    def __str__(self) -> str:
        return f"{self.expert} – {self.since}"


class CheckIn(models.Model):
    """How an expert is doing, in one click. The words stay with the expert unless shared."""

    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="check_ins")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("hoe gaat het"))
    words = EncryptedTextField(_("in uw eigen woorden"), blank=True)
    words_shared = models.BooleanField(_("mijn coördinator mag mijn woorden lezen"), default=False)
    # After an assignment (optional): the invitation it was about.
    invitation = models.ForeignKey(
        "engagements.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # A low score asks the coordinator to offer a talk until an early conversation answers it.
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="checkin_score_1_5")]

    def __str__(self) -> str:
        return f"{self.expert} – {self.created_at:%Y-%m-%d}"


class Outcome(models.TextChoices):
    CONTINUE = "continue", _("Doorgaan")
    PAUSE = "pause", _("Pauze")
    TEMPORARY_STOP = "temporary_stop", _("Tijdelijk stoppen")
    STOP = "stop", _("Stoppen")


class EarlyConversation(models.Model):
    """The timely conversation when it is not going well (002 TIP 7), with its outcome."""

    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="early_conversations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    check_in = models.ForeignKey(CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    held_on = models.DateField(_("datum"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices)
    pause_until = models.DateField(_("pauze tot"), null=True, blank=True)
    notes = EncryptedTextField(_("aantekeningen"), blank=True)
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vroeg gesprek")
        verbose_name_plural = _("vroege gesprekken")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.expert} – {self.get_outcome_display()}"


class BuddyPair(models.Model):
    """Two experts of one organisation who can call each other (002 TIP 7). Not the per-assignment safety net."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Voorgesteld")
        ACTIVE = "active", _("Actief")
        DECLINED = "declined", _("Niet doorgegaan")
        ENDED = "ended", _("Gestopt")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    first = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    first_accepted_at = models.DateTimeField(null=True, blank=True)
    second_accepted_at = models.DateTimeField(null=True, blank=True)
    # What each chooses to share with the other: nothing unless they tick it.
    first_shares_phone = models.BooleanField(default=False)
    first_shares_email = models.BooleanField(default=False)
    second_shares_phone = models.BooleanField(default=False)
    second_shares_email = models.BooleanField(default=False)
    active_since = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("buddy")
        verbose_name_plural = _("buddy's")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(first=models.F("second")), name="buddy_two_people"),
        ]

    def __str__(self) -> str:
        return f"{self.first} & {self.second}"

    def side_of(self, profile_id: int) -> str | None:
        if profile_id == self.first_id:
            return "first"
        if profile_id == self.second_id:
            return "second"
        return None


class MeetingKind(models.TextChoices):
    INTERVISION = "intervision", _("Intervisie")
    WORK_MEETING = "work_meeting", _("Werkoverleg")
    INSPIRATION = "inspiration", _("Inspiratiebijeenkomst")


class Meeting(models.Model):
    """A group meeting of an organisation's experts, led by a facilitator (002 TIP 7)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("plaats of link"), max_length=300, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("begeleider")
    )
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uid = models.UUIDField(unique=True)
    # A session of a regional intervisie group: its members are invited, across organisations.
    group = models.ForeignKey(
        "IntervisionGroup", null=True, blank=True, on_delete=models.CASCADE, related_name="sessions"
    )
    # The facilitator's short look back; it feeds the evaluation (004 l.1999-2003). Encrypted:
    # it may mention people.
    reflection = EncryptedTextField(_("terugblik"), blank=True)
    reflected_at = models.DateTimeField(null=True, blank=True)
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("groepsbijeenkomst")
        verbose_name_plural = _("groepsbijeenkomsten")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.starts_at:%Y-%m-%d}"


class MeetingSeat(models.Model):
    """One expert's invitation to a meeting: sign-up and attendance."""

    class State(models.TextChoices):
        INVITED = "invited", _("Uitgenodigd")
        SIGNED_UP = "signed_up", _("Aangemeld")
        DECLINED = "declined", _("Afgemeld")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="meeting_seats")
    state = models.CharField(max_length=20, choices=State.choices, default=State.INVITED)
    attended = models.BooleanField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "expert"], name="meeting_seat_once")]

    def __str__(self) -> str:
        return f"{self.meeting} – {self.expert}"


# --- growth plan (POP) -------------------------------------------------------------------------------


class GoalKind(models.TextChoices):
    GET = "get", _("Wat ik wil halen")
    GIVE = "give", _("Wat ik wil brengen")
    TRAINING = "training", _("Scholing")
    PAID_WORK = "paid_work", _("Op weg naar betaald werk")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Nog niet begonnen")
    BUSY = "busy", _("Bezig")
    DONE = "done", _("Gehaald")
    DROPPED = "dropped", _("Niet meer nodig")


class PlanTemplate(models.Model):
    """An organisation's starting point for a growth plan: template goals due N days after the start."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("uitleg"), blank=True)
    is_active = models.BooleanField(_("te kiezen"), default=True)
    review_after_days = models.PositiveSmallIntegerField(_("eerste bespreking na (dagen)"), default=90)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nonce = models.CharField(max_length=64, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sjabloon groeiplan")
        verbose_name_plural = _("sjablonen groeiplan")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class TemplateGoal(models.Model):
    template = models.ForeignKey(PlanTemplate, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("doel"), max_length=200)
    kind = models.CharField(_("soort doel"), max_length=20, choices=GoalKind.choices, default=GoalKind.GET)
    due_after_days = models.PositiveSmallIntegerField(_("klaar na (dagen)"), default=90)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class GrowthPlan(models.Model):
    """The expert's own growth plan (002 l.202-204, 335). The expert decides who else reads it."""

    expert = models.OneToOneField("experts.ExpertProfile", on_delete=models.CASCADE, related_name="growth_plan")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    template = models.ForeignKey(PlanTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    started_on = models.DateField(_("begonnen op"))
    want_to_get = EncryptedTextField(_("wat ik wil halen"), blank=True)
    want_to_give = EncryptedTextField(_("wat ik wil brengen"), blank=True)
    dreams = EncryptedTextField(_("mijn dromen"), blank=True)
    needs = EncryptedTextField(_("wat ik nodig heb"), blank=True)
    next_review_on = models.DateField(_("volgende bespreking"), null=True, blank=True)
    # The daily job claims a review date before it sends the reminder: one e-mail per date.
    reminded_for = models.DateField(null=True, blank=True)
    shared_with_coordinators = models.BooleanField(_("coördinatoren mogen mijn groeiplan lezen"), default=False)
    shared_with_mentors = models.BooleanField(_("mentoren en trainers mogen mijn groeiplan lezen"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("groeiplan")
        verbose_name_plural = _("groeiplannen")

    def __str__(self) -> str:
        return f"{self.expert}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(GrowthPlan, on_delete=models.CASCADE, related_name="goals")
    title = EncryptedCharField(_("doel"))
    kind = models.CharField(_("soort doel"), max_length=20, choices=GoalKind.choices, default=GoalKind.GET)
    target_on = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(_("stand"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    actions = EncryptedTextField(_("wat ik ga doen"), blank=True)
    support_wanted = EncryptedTextField(_("welke steun ik wil"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    nonce = models.CharField(max_length=64, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("doel in groeiplan")
        verbose_name_plural = _("doelen in groeiplan")
        ordering = ["position", "target_on", "pk"]

    def __str__(self) -> str:
        return f"{self.plan} – {self.pk}"


class PlanReview(models.Model):
    """A look at the plan together, usually in a mentor talk."""

    plan = models.ForeignKey(GrowthPlan, on_delete=models.CASCADE, related_name="reviews")
    talk = models.ForeignKey(MentorTalk, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_on = models.DateField(_("besproken op"))
    notes = EncryptedTextField(_("wat we afspraken"), blank=True)
    next_review_on = models.DateField(_("volgende bespreking"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bespreking groeiplan")
        verbose_name_plural = _("besprekingen groeiplan")
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan} – {self.reviewed_on}"


# --- regional intervisie ------------------------------------------------------------------------------


class IntervisionGroup(models.Model):
    """An intervisie group open to deploying organisations in a region (004 l.1608-1612).

    A coordinator decides whether their organisation takes part; each expert of a taking-part
    organisation decides whether they join, and whether the other members may see their name.
    """

    name = models.CharField(_("naam"), max_length=150)
    region = models.CharField(_("regio"), max_length=100)
    description = models.TextField(_("uitleg"), blank=True)
    host = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organiseert")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("begeleider")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intervisiegroep")
        verbose_name_plural = _("intervisiegroepen")
        ordering = ["region", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.region})"


class GroupOrganisation(models.Model):
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    joined_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "organisation"], name="intervision_org_once")]

    def __str__(self) -> str:
        return f"{self.group} – {self.organisation}"


class GroupMember(models.Model):
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="members")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="+")
    # The other members (of any organisation) see the name only when the expert says so.
    name_visible = models.BooleanField(_("andere deelnemers mogen mijn naam zien"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "expert"], name="intervision_member_once")]

    def __str__(self) -> str:
        return f"{self.group} – {self.expert}"
