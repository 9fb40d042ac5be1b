"""The recruitment demo: open pages and applications at various stages, safe to load twice."""

from inzet.demo.recruitment import load_recruitment_demo
from inzet.recruitment.models import (
    Application,
    ApplicationAnswer,
    ApplicationQuestion,
    ApplicationStatus,
    IntroTalk,
    PipelineStage,
    RecruitmentPage,
    ShadowDay,
    ShadowEvaluation,
    ShadowKind,
)


def test_the_demo_has_open_pages_and_applications_at_various_stages(orgs, coordinator):
    load_recruitment_demo([orgs.deploying, orgs.other_deploying], coordinator)
    load_recruitment_demo([orgs.deploying, orgs.other_deploying], coordinator)  # safe to run again
    assert RecruitmentPage.objects.filter(is_open=True).count() == 2
    assert Application.objects.count() == 7
    stages = set(
        Application.objects.filter(status=ApplicationStatus.OPEN).values_list("current_stage__code", flat=True)
    )
    assert {"application", "intro_talk", "shadowing", "training"} <= stages
    assert Application.objects.filter(status=ApplicationStatus.DECLINED).exists()
    assert Application.objects.filter(entered_by=coordinator).exists()
    short = list(PipelineStage.objects.filter(organisation=orgs.other_deploying).values_list("code", flat=True))
    assert short == ["application", "training", "active"]
    # Selection in use: own questions with answers, intro talks, five shadow days (some with notes),
    # the joint evaluation and the extra half-days it agreed.
    assert ApplicationQuestion.objects.filter(required=True).exists() and ApplicationAnswer.objects.count() == 3
    assert IntroTalk.objects.count() == 2 and all(
        talk.recovery and talk.learning_goals for talk in IntroTalk.objects.all()
    )
    assert ShadowDay.objects.filter(kind=ShadowKind.DAY).count() == 5
    assert ShadowDay.objects.filter(kind=ShadowKind.HALF_DAY).count() == 2
    assert ShadowDay.objects.exclude(notes="").count() == 3
    assert ShadowEvaluation.objects.get().outcome == "more_half_days"
