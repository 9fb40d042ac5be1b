"""Finding 7: which area an "Alleen ik" experience is about is not plaintext in the database."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from conftest import term
from inzet.experts import services
from inzet.experts.models import Audience, ExpertExperience


def _raw_rows(profile) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT area_id, sealed_area, visibility FROM experts_expertexperience WHERE profile_id = %s", [profile.pk]
        )
        return cursor.fetchall()


def test_an_only_me_area_is_stored_sealed(expert_profile):
    addiction = term("experience_area", "addiction")
    only_me = [row for row in _raw_rows(expert_profile) if row[2] == Audience.ONLY_ME]
    assert len(only_me) == 1
    area_id, sealed, _visibility = only_me[0]
    assert area_id is None and sealed and str(addiction.pk) != sealed and "addiction" not in sealed


def test_sharing_unseals_and_making_private_seals_again(expert_profile):
    addiction = term("experience_area", "addiction")
    services.visibility_set(profile=expert_profile, items={}, experiences={"addiction": Audience.COORDINATORS})
    assert (addiction.pk, "", Audience.COORDINATORS) in _raw_rows(expert_profile)
    services.visibility_set(profile=expert_profile, items={}, experiences={"addiction": Audience.ONLY_ME})
    assert addiction.pk not in [row[0] for row in _raw_rows(expert_profile)]
    sealed = expert_profile.experiences.get(visibility=Audience.ONLY_ME)
    assert sealed.area_id is None and sealed.area_term_id == addiction.pk


def test_the_database_refuses_a_plaintext_only_me_area(expert_profile):
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpertExperience.objects.create(
            profile=expert_profile, area=term("experience_area", "autism"), visibility=Audience.ONLY_ME
        )


def test_the_expert_still_sees_their_own_only_me_area(client, expert, expert_profile):
    client.force_login(expert)
    page = client.get(reverse("experts:my_profile")).content.decode()
    assert str(term("experience_area", "addiction").label) in page and "Geheim verhaal" in page


def test_the_owners_data_export_names_the_sealed_area(client, expert, expert_profile):
    import io
    import json
    import zipfile

    client.force_login(expert)
    response = client.get(reverse("privacy:export"))
    with zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ) as z:
        data = json.loads(z.read(next(n for n in z.namelist() if n.endswith(".json"))))
    areas = {row["area"] for row in data["sections"]["experiences"]}
    assert str(term("experience_area", "addiction").label) in areas
