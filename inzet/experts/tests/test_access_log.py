"""The access log: every read of special-category data by someone else, readable by the expert."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from conftest import make_person
from inzet.experts.models import AccessLog
from inzet.organisations.models import Role


def test_a_coordinator_view_shows_up_in_the_experts_access_log(client, expert, coordinator, expert_profile):
    client.force_login(coordinator)
    client.get(reverse("experts:detail", args=[expert_profile.pk]))
    client.force_login(expert)
    body = client.get(reverse("experts:access_log")).content.decode()
    assert "Cor Coördinator" in body
    assert "Coördinator bij Stichting Ervaring" in body
    assert "Ervaring" in body and "Nodig om mee te doen" in body and "Liever niet doen" in body
    assert "op een pagina" in body


def test_the_expert_reading_their_own_profile_is_not_logged(client, expert, expert_profile):
    client.force_login(expert)
    client.get(reverse("experts:my_profile"))
    client.get(reverse("experts:print", args=[expert_profile.pk]))
    assert not AccessLog.objects.exists()
    assert "Nog niemand anders" in client.get(reverse("experts:access_log")).content.decode()


def test_the_log_is_newest_first_and_paginated(client, expert, coordinator, expert_profile):
    now = timezone.now()
    entries = AccessLog.objects.bulk_create(
        [AccessLog(profile=expert_profile, viewer=coordinator, item="benefit", context="api") for _ in range(30)]
    )
    for i, entry in enumerate(entries):
        AccessLog.objects.filter(pk=entry.pk).update(created_at=now - timedelta(days=i))
    AccessLog.objects.filter(pk=entries[29].pk).update(context="export")  # the oldest one
    client.force_login(expert)
    first = client.get(reverse("experts:access_log")).content.decode()
    assert "pagina 1 van 2" in first and "in een download" not in first and "?pagina=2" in first
    second = client.get(reverse("experts:access_log") + "?pagina=2").content.decode()
    assert "in een download" in second


def test_the_access_log_page_uses_a_bounded_number_of_queries(
    client, expert, orgs, expert_profile, django_assert_max_num_queries
):
    viewers = [
        make_person(f"c{i}@test.nl", f"Coördinator {i}", [(orgs.deploying, Role.COORDINATOR)]) for i in range(20)
    ]
    AccessLog.objects.bulk_create(
        [AccessLog(profile=expert_profile, viewer=v, item="experience", context="page") for v in viewers]
    )
    client.force_login(expert)
    with django_assert_max_num_queries(13):
        body = client.get(reverse("experts:access_log")).content.decode()
    assert "Coördinator 19" in body


def test_someone_else_cannot_read_the_log(client, coordinator, expert_profile):
    client.force_login(coordinator)
    assert client.get(reverse("experts:access_log")).status_code == 403


def test_a_deleted_viewer_is_shown_without_a_name(client, expert, expert_profile):
    AccessLog.objects.create(profile=expert_profile, viewer=None, item="needs", context="search")
    client.force_login(expert)
    body = client.get(reverse("experts:access_log")).content.decode()
    assert "Iemand die er niet meer is" in body and "in zoekresultaten" in body


def test_write_access_log_writes_every_entry_in_batches_with_one_moment(expert_profile, coordinator):
    """The raw writer behind list pages: 1,203 entries over three INSERTs, each row complete."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inzet.experts.disclosure import write_access_log

    before = timezone.now()
    entries = [(expert_profile.pk, "experience" if i % 2 else "needs") for i in range(1203)]
    with CaptureQueriesContext(connection) as captured:
        written = write_access_log(coordinator.pk, entries, "search", "/x/" + "p" * 400)
    inserts = [q for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("INSERT")]
    assert written == 1203 and len(inserts) == 3
    rows = AccessLog.objects.filter(profile=expert_profile)
    assert rows.count() == 1203
    assert rows.filter(item="experience").count() == 601 and rows.filter(item="needs").count() == 602
    assert set(rows.values_list("viewer_id", "context")) == {(coordinator.pk, "search")}
    assert {len(path) for path in rows.values_list("path", flat=True)} == {300}
    moments = set(rows.values_list("created_at", flat=True))
    assert len(moments) == 1 and before <= moments.pop() <= timezone.now()


def test_write_access_log_is_part_of_the_callers_transaction(expert_profile, coordinator):
    from django.db import transaction

    from inzet.experts.disclosure import write_access_log

    assert write_access_log(coordinator.pk, [], "search") == 0
    try:
        with transaction.atomic():
            write_access_log(coordinator.pk, [(expert_profile.pk, "benefit")], "page")
            raise RuntimeError("the page failed")
    except RuntimeError:
        pass
    assert not AccessLog.objects.exists()


def test_the_log_follows_deletions_without_database_keys(expert_profile, coordinator):
    """AccessLog has no database-level foreign keys (one list page writes 25 rows; the key checks
    cost more than the insert): Django still removes a deleted profile's log and keeps the log of a
    deleted viewer without the viewer."""
    from django.db import connection

    from inzet.experts.disclosure import write_access_log

    viewer = make_person("weg@log.test", "Vertrekt", [])
    write_access_log(viewer.pk, [(expert_profile.pk, "experience")], "search")
    write_access_log(coordinator.pk, [(expert_profile.pk, "benefit")], "page")
    with connection.cursor() as cursor:
        keys = connection.introspection.get_constraints(cursor, AccessLog._meta.db_table)
    assert not [name for name, info in keys.items() if info["foreign_key"]]
    viewer.delete()
    assert set(AccessLog.objects.values_list("viewer_id", "item")) == {
        (None, "experience"),
        (coordinator.pk, "benefit"),
    }
    expert_profile.delete()
    assert not AccessLog.objects.exists()
