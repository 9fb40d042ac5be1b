from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseLevel(models.TextChoices):
    BASIC = "basic", _("Basis")
    ADDON = "addon", _("Aanvulling op maat")
    STORY = "story", _("Uw eigen verhaal delen")
    ADVANCED = "advanced", _("Verdieping")


class Mode(models.TextChoices):
    LOCATION = "location", _("Op locatie")
    ONLINE = "online", _("Online")


class Course(models.Model):
    """One course run in an organisation's catalogue. Coordinators and trainers edit it; experts enrol."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="courses")
    title = models.CharField(_("titel"), max_length=200)
    provider = models.CharField(_("gegeven door"), max_length=200)
    level = models.CharField(_("soort"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BASIC)
    lessons = models.PositiveSmallIntegerField(
        _("aantal lessen"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    hours_per_lesson = models.DecimalField(
        _("uren per les"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0.5)]
    )
    minimum_lessons = models.PositiveSmallIntegerField(
        _("minimaal aantal lessen voor het certificaat"),
        null=True,
        blank=True,
        help_text=_("Leeg: alle lessen."),
    )
    starts_on = models.DateField(_("eerste les"))
    ends_on = models.DateField(_("laatste les"))
    places = models.PositiveSmallIntegerField(_("aantal plaatsen"), validators=[MinValueValidator(1)])
    mode = models.CharField(_("vorm"), max_length=20, choices=Mode.choices, default=Mode.LOCATION)
    location = models.CharField(_("plaats of link"), max_length=200, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    valid_years = models.PositiveSmallIntegerField(
        _("certificaat geldig (jaren)"), null=True, blank=True, help_text=_("Leeg: blijft geldig.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cursus")
        verbose_name_plural = _("cursussen")
        ordering = ["starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="course_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def total_hours(self):
        return self.lessons * self.hours_per_lesson


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Ingeschreven")
    WAITING = "waiting", _("Op de wachtlijst")
    WITHDRAWN = "withdrawn", _("Afgemeld")
    COMPLETED = "completed", _("Afgerond")


class Enrolment(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    profile = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(_("status"), max_length=20, choices=EnrolmentStatus.choices)
    # The waiting list's order: when the person (last) asked for a place.
    queued_at = models.DateTimeField()
    completed_on = models.DateField(null=True, blank=True)
    record = models.OneToOneField(
        "experts.TrainingRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolment"
    )

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["queued_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["course", "profile"], name="one_enrolment_per_course")]

    def __str__(self) -> str:
        return f"{self.profile} – {self.course}"


class Attendance(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    lesson = models.PositiveSmallIntegerField()
    present = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [models.UniqueConstraint(fields=["enrolment", "lesson"], name="one_attendance_per_lesson")]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"
