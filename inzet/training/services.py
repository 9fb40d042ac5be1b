"""Every write of the training app: one keyword-only function per use case, atomic and safe to repeat."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.experts import services as expert_services
from inzet.experts.models import ExpertProfile, TrainingKind, TrainingRecord, TrainingStatus
from inzet.organisations.models import Organisation
from inzet.training import rules
from inzet.training.models import Attendance, Course, Enrolment, EnrolmentStatus

COURSE_FIELDS = (
    "title",
    "provider",
    "level",
    "lessons",
    "hours_per_lesson",
    "minimum_lessons",
    "starts_on",
    "ends_on",
    "places",
    "mode",
    "location",
    "description",
    "valid_years",
)


def _check_course(course: Course) -> None:
    errors = {}
    if course.ends_on < course.starts_on:
        errors["ends_on"] = [_("De laatste les ligt vóór de eerste les. Kies een latere datum voor de laatste les.")]
    if course.minimum_lessons is not None and course.minimum_lessons > course.lessons:
        errors["minimum_lessons"] = [_("Het minimum is hoger dan het aantal lessen. Vul een kleiner getal in.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def course_create(*, organisation: Organisation, by: User, **fields: object) -> Course:
    course = Course(organisation=organisation, created_by=by, **{k: fields[k] for k in COURSE_FIELDS if k in fields})
    _check_course(course)
    course.save()
    return course


@transaction.atomic
def course_update(*, course: Course, **fields: object) -> Course:
    course = Course.objects.select_for_update().get(pk=course.pk)
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    _check_course(course)
    if course.places > (before := course.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()):
        course.save()
        _move_up(course, free=course.places - before)
    else:
        course.save()
    return course


def _locked_course(course: Course) -> Course:
    # One writer per course at a time, like the seats of an engagement: the count and the change
    # below cannot interleave with another enrolment or withdrawal.
    return Course.objects.select_for_update().get(pk=course.pk)


def _move_up(course: Course, *, free: int) -> list[Enrolment]:
    moved = list(course.enrolments.filter(status=EnrolmentStatus.WAITING).order_by("queued_at", "pk")[:free])
    for enrolment in moved:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.save(update_fields=["status"])
    return moved


@transaction.atomic
def enrolment_join(*, course: Course, profile: ExpertProfile) -> Enrolment:
    """A place when there is one, else the end of the waiting list. Asking twice changes nothing."""
    course = _locked_course(course)
    existing = Enrolment.objects.filter(course=course, profile=profile).first()
    if existing is not None and existing.status != EnrolmentStatus.WITHDRAWN:
        return existing
    if course.ends_on < timezone.localdate():
        raise ValidationError(_("Deze cursus is al voorbij. U kunt zich niet meer inschrijven."))
    enrolled = course.enrolments.filter(status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)).count()
    has_place = rules.places_left(places=course.places, enrolled=enrolled) > 0
    status = EnrolmentStatus.ENROLLED if has_place else EnrolmentStatus.WAITING
    if existing is None:
        return Enrolment.objects.create(course=course, profile=profile, status=status, queued_at=timezone.now())
    existing.status, existing.queued_at = status, timezone.now()
    existing.save(update_fields=["status", "queued_at"])
    return existing


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Withdraw; a freed place goes to the first person waiting. Withdrawing twice changes nothing."""
    course = _locked_course(enrolment.course)
    enrolment = Enrolment.objects.get(pk=enrolment.pk)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise ValidationError(_("Deze cursus is al afgerond. Afmelden kan niet meer."))
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return enrolment
    had_place = enrolment.status == EnrolmentStatus.ENROLLED
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save(update_fields=["status"])
    if had_place:
        _move_up(course, free=1)
    return enrolment


@transaction.atomic
def attendance_record(*, course: Course, lesson: int, present_ids: set[int], by: User) -> int:
    """Who was at one lesson (enrolment ids), saved as a whole: sending the form again gives the same result."""
    if not 1 <= lesson <= course.lessons:
        raise ValidationError(_("Deze les bestaat niet. Kies een les uit de lijst."))
    enrolments = list(course.enrolments.filter(status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)))
    for enrolment in enrolments:
        Attendance.objects.update_or_create(
            enrolment=enrolment,
            lesson=lesson,
            defaults={"present": enrolment.pk in present_ids, "recorded_by": by},
        )
    return len(enrolments)


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Completion: enough lessons attended → a verified training record on the expert's profile.
    Completing twice gives the same record."""
    enrolment = Enrolment.objects.select_for_update().select_related("course", "profile").get(pk=enrolment.pk)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return enrolment
    if enrolment.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Alleen iemand die ingeschreven staat, kan de cursus afronden."))
    course = enrolment.course
    attended = enrolment.attendance.filter(present=True).count()
    done = rules.completion(lessons=course.lessons, attended=attended, minimum=course.minimum_lessons)
    if not done.complete:
        raise ValidationError(
            _("Nog niet genoeg lessen bijgewoond: %(attended)s van de %(needed)s nodig.")
            % {"attended": done.attended, "needed": done.needed}
        )
    today = timezone.localdate()
    valid_until = None
    if course.valid_years:
        valid_until = (
            today.replace(year=today.year + course.valid_years)
            if not (today.month == 2 and today.day == 29)
            else datetime.date(today.year + course.valid_years, 2, 28)
        )
    record: TrainingRecord = expert_services.training_add(
        profile=enrolment.profile,
        verified_by=by,
        kind=TrainingKind.COURSE,
        name=course.title,
        provider=course.provider,
        status=TrainingStatus.COMPLETED,
        completed_on=today,
        valid_until=valid_until,
    )
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_on = today
    enrolment.record = record
    enrolment.save(update_fields=["status", "completed_on", "record"])
    return enrolment


def record_verify(*, record: TrainingRecord, by: User, valid_until: datetime.date | None = None) -> TrainingRecord:
    return expert_services.training_verify(record=record, by=by, valid_until=valid_until)
