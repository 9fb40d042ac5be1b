"""Reads shared by the pages, the API and the home page."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from inzet.accounts.models import User
from inzet.accounts.permissions import Roles
from inzet.experts.models import ExpertProfile, TrainingRecord, Verification
from inzet.lib.next_step import NextStep, counted
from inzet.organisations.models import Role
from inzet.training import rules
from inzet.training.models import Attendance, Course, Enrolment, EnrolmentStatus
from inzet.training.permissions import catalogue_organisation_ids, staff_organisation_ids


def catalogue(user: User) -> QuerySet:
    return (
        Course.objects.filter(organisation_id__in=catalogue_organisation_ids(user))
        .select_related("organisation")
        .annotate(enrolled=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE)))
        .order_by("starts_on", "title")
    )


ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


def my_enrolments(user: User) -> dict[int, Enrolment]:
    return {e.course_id: e for e in Enrolment.objects.filter(profile__user=user)}


def enrolled_count(course: Course) -> int:
    return course.enrolments.filter(status__in=ACTIVE).count()


def waiting_position(enrolment: Enrolment) -> int | None:
    if enrolment.status != EnrolmentStatus.WAITING:
        return None
    return (
        Enrolment.objects.filter(
            course_id=enrolment.course_id, status=EnrolmentStatus.WAITING, queued_at__lte=enrolment.queued_at
        )
        .exclude(pk=enrolment.pk, queued_at=enrolment.queued_at)
        .count()
        + 1
    )


@dataclass
class Row:
    enrolment: Enrolment
    present: set[int]
    completion: rules.Completion


def course_rows(course: Course) -> list[Row]:
    """Enrolled and completed people with the lessons they attended: three queries whatever the size."""
    enrolments = (
        course.enrolments.filter(status__in=ACTIVE)
        .select_related("profile__user")
        .prefetch_related(Prefetch("attendance", queryset=Attendance.objects.filter(present=True)))
    )
    rows = []
    for enrolment in enrolments:
        present = {a.lesson for a in enrolment.attendance.all()}
        done = rules.completion(lessons=course.lessons, attended=len(present), minimum=course.minimum_lessons)
        rows.append(Row(enrolment=enrolment, present=present, completion=done))
    return rows


def waiting_list(course: Course) -> list[Enrolment]:
    return list(course.enrolments.filter(status=EnrolmentStatus.WAITING).select_related("profile__user"))


def not_enrolled(course: Course) -> list:
    """Experts of the organisation a coordinator or trainer can enrol on their behalf."""
    taken = course.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).values("profile_id")
    return list(
        ExpertProfile.objects.filter(organisation_id=course.organisation_id, user__is_active=True)
        .exclude(pk__in=taken)
        .select_related("user")
        .order_by("user__full_name")[:500]
    )


def records_to_verify(user: User) -> QuerySet:
    return (
        TrainingRecord.objects.filter(
            profile__organisation_id__in=staff_organisation_ids(user), verification=Verification.SELF_DECLARED
        )
        .select_related("profile__user", "profile__organisation")
        .order_by("profile__user__full_name", "name")
    )


def lessons_to_record(user: User) -> QuerySet:
    """Courses under way (started, not yet finished a week ago) with enrolled people, for staff."""
    today = timezone.localdate()
    return Course.objects.filter(
        organisation_id__in=staff_organisation_ids(user),
        starts_on__lte=today,
        ends_on__gte=today - datetime.timedelta(days=7),
        enrolments__status=EnrolmentStatus.ENROLLED,
    ).distinct()


def next_steps_for(user: User, roles: Roles, role: str | None) -> list[NextStep]:
    """The home page's steps for trainers and coordinators (lessons, records) and experts (course starts)."""
    steps = []
    if role in (Role.TRAINER, Role.COORDINATOR):
        for course in lessons_to_record(user).filter(organisation_id__in=roles.organisation_ids(role))[:5]:
            steps.append(
                NextStep(
                    title=course.title,
                    text=_("Houd bij wie er bij de lessen was."),
                    url=reverse("training:attendance", args=[course.pk]),
                    link_text=_("Aanwezigheid invullen"),
                )
            )
        count = records_to_verify(user).filter(profile__organisation_id__in=roles.organisation_ids(role)).count()
        steps += counted(
            count,
            title=_("Opleidingen controleren"),
            text=ngettext_lazy(
                "%(count)s opleiding is zelf opgegeven en nog niet gecontroleerd.",
                "%(count)s opleidingen zijn zelf opgegeven en nog niet gecontroleerd.",
                "count",
            ),
            url=reverse("training:records"),
            link_text=_("Opleidingen controleren"),
        )
    elif role == Role.EXPERT:
        today = timezone.localdate()
        upcoming = (
            Enrolment.objects.filter(
                profile__user=user,
                status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING),
                course__ends_on__gte=today,
            )
            .select_related("course")
            .order_by("course__starts_on")[:3]
        )
        for enrolment in upcoming:
            steps.append(
                NextStep(
                    title=enrolment.course.title,
                    text=_("Eerste les op %(date)s. U staat: %(status)s.")
                    % {
                        "date": enrolment.course.starts_on.strftime("%d-%m-%Y"),
                        "status": enrolment.get_status_display(),
                    },
                    url=reverse("training:course_detail", args=[enrolment.course_id]),
                    link_text=_("Naar de cursus"),
                )
            )
        if not upcoming:
            steps.append(
                NextStep(
                    title=_("Scholing"),
                    text=_("Bekijk de cursussen van uw organisatie en schrijf u in."),
                    url=reverse("training:catalogue"),
                    link_text=_("Naar de cursussen"),
                )
            )
    return steps
