"""Who may see and change training, for pages and the API alike.

Coordinators and trainers of the organisation edit its catalogue, record attendance and verify
records; its experts see the catalogue and enrol. Everyone else gets 404 (askers never see training).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile, TrainingRecord
from inzet.organisations.models import Organisation, Role
from inzet.training.models import Course, Enrolment

STAFF = (Role.COORDINATOR, Role.TRAINER)


def catalogue_organisation_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(Role.COORDINATOR, Role.TRAINER, Role.EXPERT)


def staff_organisation_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(*STAFF)


def is_staff_of(user, organisation_id: int) -> bool:
    return organisation_id in staff_organisation_ids(user)


def is_expert_of(user, organisation_id: int) -> bool:
    return get_roles(user).has(Role.EXPERT, organisation_id=organisation_id)


def require_catalogue_access(user) -> None:
    if not catalogue_organisation_ids(user):
        raise Http404


def get_staff_organisation(user, pk: int) -> Organisation:
    if pk not in catalogue_organisation_ids(user):
        raise Http404
    if pk not in staff_organisation_ids(user):
        raise PermissionDenied
    return Organisation.objects.get(pk=pk)


def get_course_for_user(user, pk: int, *, write: bool = False) -> Course:
    """A course of one of the person's organisations (404 otherwise); write needs coordinator or trainer."""
    course = Course.objects.select_related("organisation").filter(pk=pk).first()
    if course is None or course.organisation_id not in catalogue_organisation_ids(user):
        raise Http404
    if write and not is_staff_of(user, course.organisation_id):
        raise PermissionDenied
    return course


def own_profile(user, course: Course) -> ExpertProfile:
    """The person's expert profile in the course's organisation: only its experts enrol (403 otherwise)."""
    if not get_roles(user).has(Role.EXPERT, organisation_id=course.organisation_id):
        raise PermissionDenied
    profile = ExpertProfile.objects.filter(user=user, organisation_id=course.organisation_id).first()
    if profile is None:
        raise PermissionDenied
    return profile


def get_enrolment_for_user(user, pk: int, *, write: bool = False) -> Enrolment:
    """The expert's own enrolment, or any enrolment for staff of the course's organisation; write is staff only."""
    enrolment = (
        Enrolment.objects.select_related("course__organisation", "profile__user", "record").filter(pk=pk).first()
    )
    if enrolment is None:
        raise Http404
    staff = is_staff_of(user, enrolment.course.organisation_id)
    if not staff and enrolment.profile.user_id != user.pk:
        raise Http404
    if write and not staff:
        raise PermissionDenied
    return enrolment


def get_record_to_verify(user, pk: int) -> TrainingRecord:
    record = TrainingRecord.objects.select_related("profile").filter(pk=pk).first()
    if record is None or not is_staff_of(user, record.profile.organisation_id):
        raise Http404
    return record


def expert_of_course(course: Course, profile_pk: str) -> ExpertProfile | None:
    """An expert profile of the course's organisation (None for anything else, also bad input)."""
    if not str(profile_pk).isdigit():
        return None
    return (
        ExpertProfile.objects.select_related("user")
        .filter(pk=int(profile_pk), organisation_id=course.organisation_id, user__is_active=True)
        .first()
    )
