import pytest
from django.urls import reverse

from conftest import term
from inzet.experts.models import Audience, ExpertProfile
from inzet.organisations.models import PolicySettings

from .conftest import ALL_PUBLIC

URL = reverse("directory:register")


@pytest.fixture
def register_on(orgs):
    policy = PolicySettings.current()
    policy.public_register = True
    policy.save()
    return policy


def _public(expert_factory, name, **fields):
    return expert_factory(name, **{**ALL_PUBLIC, "areas": (("autism", Audience.PUBLIC),), **fields})


def _found(client, params=None) -> list[int]:
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return [row.profile.pk for row in response.context["page"].rows]


def test_it_does_not_exist_while_switched_off(client, orgs):
    assert client.get(URL).status_code == 404
    assert client.get(reverse("directory:register_organisations")).status_code == 404


def test_anyone_finds_experts_who_chose_to_be_public(client, register_on, expert_factory):
    listed = _public(expert_factory, "Publieke Petra")
    expert_factory("Besloten Bas", vis_name=Audience.ASKERS)
    _public(expert_factory, "Gestopte Gijs", status="inactive")
    _public(expert_factory, "Pauze Paula", paused=True)
    assert _found(client) == [listed.pk]


def test_it_shows_only_public_items(client, register_on, expert_factory):
    _public(
        expert_factory,
        "Publieke Petra",
        areas=(("autism", Audience.PUBLIC), ("addiction", Audience.COORDINATORS)),
        vis_region=Audience.ASKERS,
        pc4="9711",
    )
    body = client.get(URL).content.decode()
    results = body.split("Gevonden ervaringsdeskundigen</h2>")[1]
    assert "Publieke Petra" in results and "Autisme" in results
    assert "Verslaving" not in results and "Groningen" not in results


@pytest.mark.parametrize(
    "params,fields",
    [
        (lambda: {"areas": term("experience_area", "addiction").pk}, {"areas": (("addiction", Audience.ASKERS),)}),
        (lambda: {"roles": term("role", "researcher").pk}, {"roles": ("researcher",), "vis_roles": Audience.ASKERS}),
        (lambda: {"municipality": "Groningen"}, {"pc4": "9711", "vis_region": Audience.COORDINATORS}),
        (lambda: {"region": "Groningen"}, {"pc4": "9711", "vis_region": Audience.COORDINATORS}),
        (lambda: {"q": "verslaving"}, {"areas": (("addiction", Audience.ASKERS),)}),
        (lambda: {"q": "Groningen"}, {"pc4": "9711", "vis_region": Audience.COORDINATORS}),
    ],
)
def test_filters_only_use_public_items(client, register_on, expert_factory, params, fields):
    shared = {k: (Audience.PUBLIC if k.startswith("vis_") else v) for k, v in fields.items()}
    if "areas" in fields:
        shared["areas"] = tuple((code, Audience.PUBLIC) for code, _vis in fields["areas"])
    match = _public(expert_factory, "Publieke Petra", **shared)
    _public(expert_factory, "Halve Hanna", **fields)
    assert _found(client, params()) == [match.pk]


def test_training_can_be_required_for_a_listing(client, register_on, expert_factory, trainer):
    import datetime

    from inzet.experts import services as expert_services
    from inzet.experts.models import TrainingRecord, Verification

    trained = _public(expert_factory, "Geschoolde Greet", training=("Herstelwerkplaats",))
    declared = _public(expert_factory, "Zegt Zelf", training=("Herstelwerkplaats",))
    expired = _public(expert_factory, "Verlopen Vera", training=("Herstelwerkplaats",))
    _public(expert_factory, "Nieuwe Nico")
    register_on.training_required_for_listing = True
    register_on.save()
    # Self-declared records do not count until a trainer or coordinator verifies them.
    assert TrainingRecord.objects.filter(verification=Verification.SELF_DECLARED).count() == 3
    assert _found(client) == []
    expert_services.training_verify(record=trained.training.get(), by=trainer)
    expert_services.training_verify(
        record=expired.training.get(), by=trainer, valid_until=datetime.date.today() - datetime.timedelta(days=1)
    )
    assert _found(client) == [trained.pk]
    assert declared.training.get().verification == Verification.SELF_DECLARED


def test_zzp_experts_can_be_left_out(client, register_on, expert_factory):
    volunteer = _public(expert_factory, "Vrijwillige Vera")
    _public(expert_factory, "Zelfstandige Zef", work_form="zzp")
    register_on.zzp_listing = False
    register_on.save()
    assert _found(client) == [volunteer.pk]


def test_organisations_are_found_by_city_and_by_what_their_listed_experts_share(
    client, register_on, expert_factory, orgs
):
    orgs.deploying.city = "Utrecht"
    orgs.deploying.save()
    orgs.other_deploying.city = "Zwolle"
    orgs.other_deploying.save()
    _public(expert_factory, "Publieke Petra", areas=(("poverty_debt", Audience.PUBLIC),))
    _public(expert_factory, "Andere Anna", organisation=orgs.other_deploying, areas=(("autism", Audience.ASKERS),))
    url = reverse("directory:register_organisations")

    def names(params):
        return [o.name for o in client.get(url, params).context["organisations"]]

    assert names({"city": "Zwolle"}) == ["Andere Stichting"]
    assert names({"areas": term("experience_area", "poverty_debt").pk}) == ["Stichting Ervaring"]
    assert names({"areas": term("experience_area", "autism").pk}) == []
    assert orgs.asker.name not in names({})


def test_the_register_takes_a_fixed_number_of_queries(
    client, register_on, expert_factory, django_assert_max_num_queries
):
    for i in range(30):
        _public(expert_factory, f"Persoon {i}", refresh=False)
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"areas": term("experience_area", "autism").pk})
    page = response.context["page"]
    assert len(page.rows) == 25 and page.has_next
    assert ExpertProfile.objects.count() == 30
    last = client.get(URL, {"areas": term("experience_area", "autism").pk, "pagina": 2}).context["page"]
    assert len(last.rows) == 5 and not last.has_next and last.has_previous
