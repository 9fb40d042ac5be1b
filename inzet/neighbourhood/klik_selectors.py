"""Reads for the klik page and API: the resident's wishes and the team's experts as pure values."""

from django.db.models import Count, Q
from django.utils import timezone

from inzet.experts.models import ExpertProfile
from inzet.neighbourhood import klik, topics
from inzet.neighbourhood.models import QuestionFormRow, ResidentPreferences, Team, TeamMember, Trajectory
from inzet.taxonomy.models import Term, Vocabulary


def choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    languages = [(t.code, str(t.label)) for t in Term.objects.of(Vocabulary.LANGUAGE).order_by("sort_order", "pk")]
    return languages, topics.life_domains()


def preferences(trajectory: Trajectory) -> ResidentPreferences | None:
    return ResidentPreferences.objects.filter(trajectory=trajectory).select_related("agreed_expert").first()


def _codes(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def initial(trajectory: Trajectory, prefs: ResidentPreferences | None) -> dict:
    """Saved wishes, or the life domains where Form 1 names a wish (so the resident need not repeat it)."""
    if prefs is None:
        wished = (
            QuestionFormRow.objects.filter(form__trajectory=trajectory).exclude(wish="").values_list("topic", flat=True)
        )
        return {"domains": list(wished), "neighbourhood": trajectory.team.area}
    return {
        "languages": _codes(prefs.languages),
        "age": int(prefs.age) if prefs.age.isdigit() else None,
        "expert_gender": prefs.expert_gender,
        "neighbourhood": prefs.neighbourhood,
        "domains": _codes(prefs.domains),
    }


def wish_of(prefs: ResidentPreferences | None) -> klik.Wish:
    if prefs is None:
        return klik.Wish()
    return klik.Wish(
        languages=frozenset(_codes(prefs.languages)),
        age=int(prefs.age) if prefs.age.isdigit() else None,
        expert_gender=prefs.expert_gender,
        neighbourhood=prefs.neighbourhood,
        domains=frozenset(_codes(prefs.domains)),
    )


def team_experts(team: Team) -> list[tuple[klik.Expert, object]]:
    """The team's active experts as pure values, with their user. Three queries whatever the team size."""
    members = list(
        TeamMember.objects.filter(team=team, is_active=True, role=TeamMember.Role.EXPERT)
        .select_related("user")
        .annotate(
            open_count=Count(
                "user__neighbourhood_trajectories",
                filter=Q(user__neighbourhood_trajectories__closed_on__isnull=True),
                distinct=True,
            )
        )
    )
    spoken: dict[int, set[str]] = {}
    rows = ExpertProfile.languages.through.objects.filter(
        expertprofile__user__in=[m.user_id for m in members]
    ).values_list("expertprofile__user_id", "term__code")
    for user_id, code in rows:
        spoken.setdefault(user_id, set()).add(code)
    this_year = timezone.localdate().year
    return [
        (
            klik.Expert(
                person_id=m.user_id,
                languages=frozenset(spoken.get(m.user_id, ())),
                age=this_year - m.birth_year if m.birth_year else None,
                gender=m.gender,
                areas=klik.areas_from(m.knows_areas),
                domains=frozenset(_codes(m.experience_domains)),
                open_trajectories=m.open_count,
            ),
            m.user,
        )
        for m in members
    ]


def ranking(trajectory: Trajectory, prefs: ResidentPreferences | None, labels: dict) -> list[tuple[klik.Match, object]]:
    experts = team_experts(trajectory.team)
    users = {expert.person_id: user for expert, user in experts}
    return [(match, users[match.expert_id]) for match in klik.rank(wish_of(prefs), [e for e, _u in experts], labels)]
