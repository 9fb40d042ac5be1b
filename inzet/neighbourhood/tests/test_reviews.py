import datetime
import uuid

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.neighbourhood import selectors, services
from inzet.neighbourhood.models import ResidentReadLog, Review, ReviewRow, Trajectory
from inzet.neighbourhood.tests.test_retention import _full_trajectory

pytestmark = pytest.mark.django_db


def _open(team, expert, opened_on):
    trajectory, _ = services.first_contact_register(
        team=team, by=expert, request_key=uuid.uuid4(), channel="drop_in", opened_on=opened_on
    )
    return trajectory


@pytest.fixture
def trajectory(team, expert):
    trajectory = _open(team, expert, timezone.localdate() - datetime.timedelta(days=95))
    services.question_form_save(
        trajectory=trajectory, rows={"free_time": ("Ik zit veel thuis", "Zwemmen"), "travel": ("", "Met de bus")}
    )
    return trajectory


def test_form2_copies_the_start_from_form1_and_shows_the_wish(client, expert, trajectory):
    client.force_login(expert)
    page = client.get(reverse("neighbourhood:review", args=[trajectory.pk, 3])).text
    for text in [
        "Voortgang: na drie maanden",
        "Situatie bij de start",
        "(overnemen van eerste vel)",
        "Rapportcijfer vorderingen (met toelichting)",
        "Let op: de situatie kan intussen veranderd zijn. Ook de vraag kan veranderd zijn.",
        "Sociale contacten",
        "Ik zit veel thuis",  # start, copied from Form 1
        "Wens: Zwemmen",  # to compare with
        "over tijd",
        "data-inzet-print",
    ]:
        assert text in page, text
    assert ResidentReadLog.objects.filter(item="review_3", trajectory=trajectory).exists()


def test_form2_saves_grades_plain_and_words_encrypted_and_twice_is_once(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:review", args=[trajectory.pk, 3])
    data = {
        "filled_on": "2026-11-20",
        "start_free_time": "Ik zit veel thuis",
        "now_free_time": "Ik zwem op dinsdag",
        "grade_free_time": "7",
        "explanation_free_time": "Het gaat beter",
        "grade_travel": "4",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    review = Review.objects.get()
    assert (review.months, str(review.filled_on), review.by) == (3, "2026-11-20", expert)
    rows = {row.topic: row for row in ReviewRow.objects.all()}
    assert set(rows) == {"free_time", "travel"}  # empty rows are not kept
    assert (rows["free_time"].now, rows["free_time"].grade) == ("Ik zwem op dinsdag", 7)
    assert rows["travel"].grade == 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT start, now, explanation, grade FROM neighbourhood_reviewrow WHERE topic='free_time'")
        start, now, explanation, grade = cursor.fetchone()
        assert "thuis" not in start and "zwem" not in now and "beter" not in explanation
        assert grade == 7
    assert "Ik zwem op dinsdag" in client.get(url).text
    # Evaluation (#14) reads the grades per round, without any text.
    assert selectors.grades_by_round(Trajectory.objects.all()) == {trajectory.pk: {3: {"free_time": 7, "travel": 4}}}


def test_a_bad_grade_gets_a_dutch_message_and_keeps_the_text(client, expert, trajectory):
    client.force_login(expert)
    url = reverse("neighbourhood:review", args=[trajectory.pk, 6])
    response = client.post(url, {"grade_free_time": "11", "now_free_time": "Ik durf weer naar buiten"})
    assert response.status_code == 200
    assert "Kies een cijfer van 1 tot en met 10." in response.text
    assert "Ik durf weer naar buiten" in response.text
    assert not Review.objects.exists()


def test_only_rounds_3_and_6_exist(client, expert, trajectory):
    client.force_login(expert)
    assert client.get(reverse("neighbourhood:review", args=[trajectory.pk, 4])).status_code == 404


def test_form2_pdf(client, expert, trajectory):
    services.review_save(trajectory=trajectory, months=6, by=expert, rows={"free_time": ("thuis", "zwemt", 8, "trots")})
    client.force_login(expert)
    response = client.get(reverse("neighbourhood:review_pdf", args=[trajectory.pk, 6]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert client.get(reverse("neighbourhood:review_pdf", args=[trajectory.pk, 3])).status_code == 404
    assert "download" in client.get(reverse("neighbourhood:review", args=[trajectory.pk, 6])).text


def test_reminders_on_the_team_page_home_and_dashboard(client, expert, coordinator, team, trajectory):
    fresh = _open(team, expert, timezone.localdate() - datetime.timedelta(days=10))
    client.force_login(expert)
    review_url = reverse("neighbourhood:review", args=[trajectory.pk, 3])
    for url in [reverse("neighbourhood:home"), reverse("neighbourhood:team", args=[team.pk])]:
        page = client.get(url).text
        assert review_url in page, url
        assert reverse("neighbourhood:review", args=[fresh.pk, 3]) not in page
    assert "Voortgangsgesprekken in de wijk" in client.get(reverse("dashboard:home")).text
    # Once filled in, the reminder goes.
    services.review_save(trajectory=trajectory, months=3, by=expert, rows={})
    assert review_url not in client.get(reverse("neighbourhood:home")).text
    client.force_login(coordinator)
    assert review_url not in client.get(reverse("neighbourhood:team", args=[team.pk])).text


def test_a_closed_trajectory_needs_no_more_reviews(team, expert):
    trajectory = _open(team, expert, timezone.localdate() - datetime.timedelta(days=100))
    services.closure_save(trajectory=trajectory, fields={}, actions={}, closed_on=trajectory.opened_on)
    assert selectors.due_reviews(Trajectory.objects.all()) == []


def test_team_page_queries_stay_bounded_with_many_due_reviews(client, expert, team, django_assert_max_num_queries):
    start = timezone.localdate() - datetime.timedelta(days=200)
    for day in range(40):
        _open(team, expert, start + datetime.timedelta(days=day))
    client.force_login(expert)
    with django_assert_max_num_queries(16):
        page = client.get(reverse("neighbourhood:team", args=[team.pk])).text
    assert page.count("na 6 maanden") >= 1 and page.count("na 3 maanden") >= 30
    with django_assert_max_num_queries(16):
        assert client.get(reverse("neighbourhood:home")).status_code == 200


def test_the_team_page_is_paged_with_the_same_queries_per_page(client, expert, team, django_assert_max_num_queries):
    for day in range(60):
        _open(team, expert, timezone.localdate() - datetime.timedelta(days=day))
    client.force_login(expert)
    url = reverse("neighbourhood:team", args=[team.pk])
    with django_assert_max_num_queries(16):
        first = client.get(url).text
    with django_assert_max_num_queries(16):
        second = client.get(url, {"pagina": 2}).text
    assert first.count("/wijk/traject/") >= 50 and "Pagina 1 van 2" in first and 'rel="next"' in first
    assert "Pagina 2 van 2" in second and 'rel="prev"' in second
    oldest = Trajectory.objects.order_by("opened_on", "pk").first()
    link = f'href="{reverse("neighbourhood:trajectory", args=[oldest.pk])}"'
    assert link in second and link not in first


def test_retention_keeps_the_grades_and_drops_the_words(team, expert):
    from django.core.management import call_command

    with time_machine.travel(timezone.now() - datetime.timedelta(days=500)):
        trajectory = _full_trajectory(team, expert, closed_on=None)
        services.review_save(
            trajectory=trajectory, months=3, by=expert, rows={"free_time": ("thuis", "zwemt", 6, "beter")}
        )
    Trajectory.objects.filter(pk=trajectory.pk).update(closed_on=timezone.localdate() - datetime.timedelta(days=400))
    call_command("inzet_retention")
    row = ReviewRow.objects.get()
    assert (row.start, row.now, row.explanation, row.grade) == ("", "", "", 6)


def test_an_anonymised_trajectory_is_read_only(client, expert, team):
    trajectory = _full_trajectory(team, expert, closed_on=timezone.localdate())
    Trajectory.objects.filter(pk=trajectory.pk).update(anonymised_at=timezone.now())
    client.force_login(expert)
    for name in ["closure", "form1"]:
        url = reverse(f"neighbourhood:{name}", args=[trajectory.pk])
        page = client.get(url).text
        assert "persoonlijke gegevens weggehaald" in page and "primary-action" not in page and "disabled" in page, name
        assert client.post(url, {"came_in": "nieuw", "now_free_time": "nieuw"}).status_code == 403, name
    review_url = reverse("neighbourhood:review", args=[trajectory.pk, 3])
    assert "primary-action" not in client.get(review_url).text
    assert client.post(review_url, {"now_free_time": "nieuw"}).status_code == 403
    contact_url = reverse("neighbourhood:contact_add", args=[trajectory.pk])
    assert client.post(contact_url, {"on": "2026-11-01", "kind": "phone"}).status_code == 403
    trajectory.refresh_from_db()
    assert trajectory.closure.came_in == "Via de huisarts"  # unchanged: the test anonymised nothing itself
    assert ReviewRow.objects.get().now == "zwemt" and trajectory.contacts.count() == 3


def test_the_trajectory_page_title_is_only_the_title(client, expert, trajectory):
    client.force_login(expert)
    page = client.get(reverse("neighbourhood:trajectory", args=[trajectory.pk])).text
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<h2" not in title and "Traject" in title
    assert reverse("neighbourhood:review", args=[trajectory.pk, 6]) in page
