import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import term
from inzet.experts.models import ExpertCompetence, TrainingRecord
from inzet.lib.tests.samples import PDF_BYTES

PDF = PDF_BYTES
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
SECRET = "Geheim verhaal"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def managed_profile(expert_profile, coordinator):
    """The expert persona's profile, kept by the coordinator persona on the expert's behalf."""
    expert_profile.managed_by = coordinator
    expert_profile.save()
    return expert_profile


@pytest.fixture
def competence(expert_profile):
    return ExpertCompetence.objects.create(profile=expert_profile, competence=term("competence", "methods_tools"))


@pytest.fixture
def training(expert_profile):
    record = TrainingRecord(profile=expert_profile, kind="evc", name="EVC-traject", evidence_name="diploma.pdf")
    record.evidence.save("diploma.pdf", upload("diploma.pdf", PDF), save=True)
    return record
