"""/api/training/…: the catalogue and enrolment, with the same permissions as the pages.

Mounted by this app itself (apps.py), because the api app sits below it in the layers. A half
logged-in person (password given, two-step code not yet) gets 403 here as the pages send them to
the code page.
"""

import datetime

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from inzet.accounts.twofactor import needs_setup, needs_verification
from inzet.api.schemas import Error
from inzet.training import permissions, selectors, services
from inzet.training.models import Enrolment

router = Router(tags=["training"])


def _two_step(request) -> None:
    if needs_verification(request.user) or needs_setup(request.user):
        raise PermissionDenied


class CourseOut(Schema):
    id: int
    organisation_id: int
    title: str
    provider: str
    level: str
    lessons: int
    hours_per_lesson: float
    starts_on: datetime.date
    ends_on: datetime.date
    places: int
    enrolled: int
    mode: str
    location: str
    description: str


class EnrolmentOut(Schema):
    id: int
    course_id: int
    status: str
    waiting_position: int | None

    @staticmethod
    def resolve_waiting_position(obj: Enrolment) -> int | None:
        return selectors.waiting_position(obj)


@router.get("/courses", response={200: list[CourseOut], 404: Error})
def course_list(request):
    _two_step(request)
    permissions.require_catalogue_access(request.user)
    return list(selectors.catalogue(request.user))


@router.get("/courses/{course_id}", response={200: CourseOut, 404: Error})
def course_get(request, course_id: int):
    _two_step(request)
    course = permissions.get_course_for_user(request.user, course_id)
    course.enrolled = selectors.enrolled_count(course)
    return course


@router.post("/courses/{course_id}/enrolment", response={200: EnrolmentOut, 403: Error, 404: Error, 422: Error})
def enrolment_join(request, course_id: int):
    _two_step(request)
    course = permissions.get_course_for_user(request.user, course_id)
    profile = permissions.own_profile(request.user, course)
    return services.enrolment_join(course=course, profile=profile)


@router.delete("/courses/{course_id}/enrolment", response={200: EnrolmentOut, 403: Error, 404: Error, 422: Error})
def enrolment_withdraw(request, course_id: int):
    _two_step(request)
    course = permissions.get_course_for_user(request.user, course_id)
    profile = permissions.own_profile(request.user, course)
    enrolment = Enrolment.objects.filter(course=course, profile=profile).first()
    if enrolment is None:
        raise permissions.Http404
    return services.enrolment_withdraw(enrolment=enrolment)
