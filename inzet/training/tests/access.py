"""Who may open the training pages. Coordinators and trainers of the organisation run them; its
experts see the catalogue and enrol; askers, other organisations and outsiders get 404."""

import datetime

from django.utils import timezone

from inzet.accounts.models import User
from inzet.experts.models import ExpertProfile, TrainingRecord
from inzet.lib.testing import LOGIN, everyone, only
from inzet.taxonomy.models import Term
from inzet.training import services


def profile_for(organisation, email: str = "expert@test.nl") -> ExpertProfile:
    user = User.objects.get(email=email)
    profile = ExpertProfile.objects.filter(user=user).first()
    if profile is None:
        level = Term.objects.filter(vocabulary="level").first()
        profile = ExpertProfile.objects.create(user=user, organisation=organisation, level=level, postcode="3511 AB")
    return profile


def course_for(organisation, **changes):
    today = timezone.localdate()
    fields = {
        "title": "Actief luisteren",
        "provider": "Herstelacademie",
        "lessons": 3,
        "hours_per_lesson": 2,
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=14),
        "places": 2,
    }
    return services.course_create(organisation=organisation, by=None, **{**fields, **changes})


def _course(o) -> dict:
    return {"pk": course_for(o.deploying).pk}


def _org(o) -> dict:
    return {"org_pk": o.deploying.pk}


def _completed(o) -> dict:
    course = course_for(o.deploying, lessons=1)
    enrolment = services.enrolment_join(course=course, profile=profile_for(o.deploying))
    services.attendance_record(course=course, lesson=1, present_ids={enrolment.pk}, by=None)
    services.enrolment_complete(enrolment=enrolment, by=User.objects.get(email="trainer@test.nl"))
    return {"pk": enrolment.pk}


def _record(o) -> dict:
    record = TrainingRecord.objects.create(profile=profile_for(o.deploying), kind="training", name="Howie the Harp")
    return {"pk": record.pk}


STAFF = only({"coordinator": 200, "trainer": 200, "expert": 403}, 404)
READ = only({"coordinator": 200, "trainer": 200, "expert": 200}, 404)

MATRIX = {
    # Every coordinator, trainer and expert has a catalogue: that of their own organisations.
    "training:catalogue": (None, READ | {"other_coordinator": 200}, LOGIN),
    "training:course_detail": (_course, READ, LOGIN),
    "training:course_new": (_org, STAFF, LOGIN),
    "training:course_edit": (_course, STAFF, LOGIN),
    "training:attendance": (_course, STAFF, LOGIN),
    "training:records": (None, STAFF | {"other_coordinator": 200}, LOGIN),
    "training:record_verify": (_record, only({"coordinator": 200, "trainer": 200}, 404), LOGIN),
    "training:certificate": (_completed, READ, LOGIN),
    "training:enrol": (_course, everyone(405), 405),  # POST only: below
    "training:withdraw": (_course, everyone(405), 405),
    "training:complete": (_completed, everyone(405), 405),
    "training:enrol_for": (_course, everyone(405), 405),
}


def _course_with_expert(o, p) -> dict:
    profile_for(o.deploying)
    return {"pk": course_for(o.deploying).pk}


POST_MATRIX = {
    # Only an expert of the organisation can enrol; staff of it get 403, everyone else 404.
    "training:enrol": (_course_with_expert, only({"expert": 302, "coordinator": 403, "trainer": 403}, 404)),
    "training:withdraw": (_course_with_expert, only({"expert": 302, "coordinator": 302, "trainer": 302}, 404)),
    # On behalf: staff only; an empty choice comes back to the course page with a message.
    "training:enrol_for": (_course_with_expert, only({"coordinator": 302, "trainer": 302, "expert": 403}, 404)),
    "training:complete": (lambda o, p: _completed(o), only({"coordinator": 302, "trainer": 302, "expert": 403}, 404)),
}
