"""The intake page shows panels that apps above engagements register (engagements.panels)."""

import pytest
from django.urls import reverse
from django.utils.html import format_html

from inzet.engagements import panels
from inzet.engagements.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_panel(monkeypatch):
    calls = []

    def panel(request, engagement):
        calls.append(engagement.pk)
        return format_html("<section><h3>Paneel</h3><p>{}</p></section>", engagement.title)

    def silent(request, engagement):
        return ""

    monkeypatch.setattr(panels, "INTAKE_PANELS", [panel, silent])
    return calls


def test_it_renders_each_registered_panel_on_the_intake_page(client, orgs, asker, coordinator, one_panel):
    request = f.submitted(orgs, asker, title="Armoede <en> schulden")
    client.force_login(coordinator)
    response = client.get(reverse("engagements:intake", args=[request.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h3>Paneel</h3>" in html
    assert "Armoede &lt;en&gt; schulden" in html  # the panel escapes what it shows
    assert one_panel == [request.pk]


def test_a_panel_that_returns_nothing_adds_nothing(rf, orgs, asker, monkeypatch):
    request = f.submitted(orgs, asker)
    monkeypatch.setattr(panels, "INTAKE_PANELS", [lambda r, e: ""])
    assert panels.intake_panels(rf.get("/"), request) == []
