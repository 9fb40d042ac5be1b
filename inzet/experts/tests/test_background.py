"""Whom the expert speaks for, professional background, qualities and generic skills: each under the
expert's own choice of who may see it, like every other profile item."""

from django.urls import reverse

from inzet.experts.disclosure import disclose
from inzet.experts.models import Audience
from inzet.taxonomy.models import Term

STEP3 = {
    "work_form": "volunteer",
    "reward_form": "voucher",
    "represents": "Ik spreek vanuit mijn eigen ervaring met schulden",
    "professional_background": "Verpleegkundige",
    "quality_personality": "Rustig",
    "quality_knowledge": "Schuldhulp",
    "quality_attitude": "Open",
    "quality_skills": "Verbinden",
}


def test_the_expert_fills_in_background_and_skills_in_step_3(client, expert, expert_profile):
    listening = Term.objects.of("generic_skill").get(code="listening")
    client.force_login(expert)
    url = reverse("experts:wizard", args=[3])
    response = client.post(url, {**STEP3, "generic_skills": [listening.pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    expert_profile.refresh_from_db()
    assert expert_profile.professional_background == "Verpleegkundige"
    assert list(expert_profile.generic_skills.all()) == [listening]
    page = client.get(reverse("experts:my_profile")).content.decode()
    for text in ("Achtergrond en kwaliteiten", "Verpleegkundige", "Persoonlijkheid: Rustig", "Luisteren"):
        assert text in page, text


def test_each_item_follows_its_own_visibility(client, expert, coordinator, other_coordinator, expert_profile):
    for field, value in STEP3.items():
        setattr(expert_profile, field, value)
    expert_profile.vis_background = Audience.PUBLIC
    expert_profile.vis_represents = Audience.ONLY_ME
    expert_profile.save()
    seen = disclose(coordinator, expert_profile, context="page")
    assert seen.sees("background") and seen.sees("qualities") and seen.sees("skills")
    assert not seen.sees("represents")
    public = disclose(other_coordinator, expert_profile, context="page")
    assert public.sees("background") and not public.sees("qualities")
    client.force_login(coordinator)
    page = client.get(reverse("experts:detail", args=[expert_profile.pk])).content.decode()
    assert "Verpleegkundige" in page and "Schuldhulp" in page
    assert "eigen ervaring met schulden" not in page


def test_the_expert_chooses_who_sees_them_in_step_5(client, expert, expert_profile):
    client.force_login(expert)
    page = client.get(reverse("experts:wizard", args=[5])).content.decode()
    for label in ("Voor wie ik spreek", "Beroepsachtergrond", "Algemene vaardigheden"):
        assert label in page, label
