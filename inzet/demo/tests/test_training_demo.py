"""The demo shows each part of training in use, and loading it twice changes nothing."""

from inzet.demo.data import load_demo
from inzet.demo.training import load_training_demo
from inzet.experts.models import QualificationLevel, TrainingKind, TrainingRecord, Verification
from inzet.training.models import Course, CourseLevel, Enrolment, EnrolmentStatus


def _counts() -> tuple[int, int, int]:
    return Course.objects.count(), Enrolment.objects.count(), TrainingRecord.objects.count()


def test_the_demo_has_the_catalogue_a_course_run_a_waiting_list_and_records_to_verify(db):
    load_demo()  # includes load_training_demo (data.APP_LOADERS)
    before = _counts()
    load_training_demo()  # a second run changes nothing (the whole demo once is enough: it costs seconds)
    assert _counts() == before
    titles = set(Course.objects.values_list("title", flat=True))
    assert {"Actief luisteren", "Fases van herstel herkennen", "Niet voor een ander invullen"} <= titles
    assert {"Regels en het zorg- en welzijnsveld in de buurt", "Uw eigen verhaal delen"} <= titles
    assert Course.objects.filter(level=CourseLevel.ADDON).count() == 4
    statuses = set(Enrolment.objects.values_list("status", flat=True))
    assert {EnrolmentStatus.COMPLETED, EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING} <= statuses
    assert (
        Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, record__verification=Verification.VERIFIED).count()
        == 3
    )
    assert TrainingRecord.objects.filter(verification=Verification.SELF_DECLARED).count() == 2
    assert TrainingRecord.objects.filter(kind=TrainingKind.EVC).exists()
    assert TrainingRecord.objects.filter(
        qualification_level=QualificationLevel.NON_REGULAR, verification=Verification.VERIFIED
    ).exists()
