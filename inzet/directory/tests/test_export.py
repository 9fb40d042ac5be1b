import io

from django.urls import reverse
from openpyxl import load_workbook

from conftest import term
from inzet.experts.models import AccessLog, Audience


def _experts(expert_factory):
    open_ = expert_factory(
        "Open Olga",
        areas=(("autism", Audience.COORDINATORS), ("addiction", Audience.ONLY_ME)),
        languages=("pap",),
        needs='["transport"]',
    )
    closed = expert_factory(
        "Dichte Dirk",
        areas=(("autism", Audience.COORDINATORS),),
        pc4="9711",
        vis_region=Audience.ONLY_ME,
        vis_languages=Audience.ONLY_ME,
        vis_contact=Audience.ONLY_ME,
        vis_needs=Audience.ONLY_ME,
        languages=("ar",),
        needs='["buddy"]',
    )
    return open_, closed


def test_the_csv_holds_only_shared_items(client, coordinator, expert_factory):
    open_, closed = _experts(expert_factory)
    client.force_login(coordinator)
    response = client.get(reverse("directory:export_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content.decode("utf-8-sig")
    assert "Open Olga" in body and "Dichte Dirk" in body and "Papiamento" in body and "Vervoer" in body
    assert open_.user.email in body
    for hidden in ("Verslaving", "Groningen", "Arabisch", "Een maatje", closed.user.email, "Geheim verhaal"):
        assert hidden not in body, hidden


def test_the_excel_file_holds_only_shared_items(client, coordinator, expert_factory):
    _experts(expert_factory)
    client.force_login(coordinator)
    response = client.get(reverse("directory:export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    text = " ".join(cells)
    assert "Open Olga" in text and "Autisme" in text
    assert "Verslaving" not in text and "Groningen" not in text and "Arabisch" not in text
    assert sheet.max_row == 3


def test_the_export_follows_the_filters(client, coordinator, expert_factory):
    _experts(expert_factory)
    client.force_login(coordinator)
    body = client.get(reverse("directory:export_csv"), {"languages": term("language", "ar").pk}).content.decode()
    # Dirk speaks Arabic but does not share his languages: the filter must not find him.
    assert "Dichte Dirk" not in body and "Open Olga" not in body


def test_each_exported_special_item_is_logged(client, coordinator, expert_factory):
    open_, closed = _experts(expert_factory)
    client.force_login(coordinator)
    client.get(reverse("directory:export_csv"))
    logged = set(AccessLog.objects.values_list("profile_id", "item", "context"))
    assert logged == {
        (open_.pk, "experience", "export"),
        (open_.pk, "needs", "export"),
        (closed.pk, "experience", "export"),
    }


def test_cells_cannot_start_a_formula(client, coordinator, expert_factory):
    expert_factory("=HYPERLINK(1)")
    client.force_login(coordinator)
    body = client.get(reverse("directory:export_csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body


def test_the_export_has_a_fixed_number_of_queries(client, coordinator, expert_factory, django_assert_max_num_queries):
    for i in range(40):
        expert_factory(f"Persoon {i}", training=("Cursus",), competences=(("methods_tools", True),), refresh=False)
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("directory:export_xlsx")).status_code == 200
