import pytest

from inzet.recruitment import services
from inzet.recruitment.models import Channel


@pytest.fixture
def page(orgs):
    """An open recruitment page (and so the default pipeline) for the test deploying organisation."""
    return services.recruitment_page_update(
        organisation=orgs.deploying,
        changes={
            "is_open": True,
            "intro": "Wij zoeken ervaringsdeskundigen.",
            "duration": "Minstens een jaar",
            "time_investment": "Vier uur per week",
            "activities": "Gastlessen geven",
            "requirements": "Afstand tot uw eigen ervaring",
            "compensation": "Vrijwilligersvergoeding",
        },
        updated_by=None,
    )


@pytest.fixture
def other_page(orgs):
    return services.recruitment_page_update(organisation=orgs.other_deploying, changes={}, updated_by=None)


@pytest.fixture
def submit(orgs, page):
    """Make an application through the public flow: submit(name=..., organisation=..., **fields)."""

    def make(full_name: str = "Anna Aanmelder", *, organisation=None, **fields):
        fields.setdefault("email", f"{full_name.split()[0].lower()}@example.org")
        fields.setdefault("channel", Channel.WEBSITE)
        fields.setdefault("motivation_text", "Ik wil mijn ervaring gebruiken.")
        fields.setdefault("consent", True)
        return services.application_submit(organisation=organisation or orgs.deploying, full_name=full_name, **fields)

    return make
