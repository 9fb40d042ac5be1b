from django.urls import path

from inzet.evaluation import feedback_views, views

app_name = "evaluation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:org_pk>/rapport/", views.report, name="report"),
    path("<int:org_pk>/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("<int:org_pk>/rapport.xlsx", views.report_xlsx, name="report_xlsx"),
    path("<int:org_pk>/financiers/", views.grants, name="grants"),
    path("financiers/<int:pk>/intrekken/", views.grant_revoke, name="grant_revoke"),
    path("gedeeld/<str:token>/", views.shared, name="shared"),
    path("gedeeld/<str:token>/rapport.pdf", views.shared_pdf, name="shared_pdf"),
    path("gedeeld/<str:token>/rapport.xlsx", views.shared_xlsx, name="shared_xlsx"),
]

urlpatterns += [
    path("verhalen/", views.stories, name="stories"),
    path("verhalen/<int:org_pk>/nieuw/", views.story_new, name="story_new"),
    path("verhalen/<int:pk>/", views.story, name="story"),
    path("verhalen/<int:pk>/goedkeuren/", views.story_approve, name="story_approve"),
    path("verhalen/<int:pk>/intrekken/", views.story_withdraw, name="story_withdraw"),
    path("terugblik/", views.reflections, name="reflections"),
    path("terugblik/<int:org_pk>/nieuw/", views.reflection_new, name="reflection_new"),
    path("terugblik/<int:pk>/", views.reflection, name="reflection"),
]

urlpatterns += [
    path("<int:org_pk>/begroting/", feedback_views.budget, name="budget"),
    path("terugkoppeling/", feedback_views.feedback_index, name="feedback_index"),
    path("terugkoppeling/<int:request_pk>/", feedback_views.feedback_request, name="feedback_request"),
    path("terugkoppeling/<int:request_pk>/vrager/", feedback_views.feedback_asker, name="feedback_asker"),
    path("terugkoppeling/<int:request_pk>/deskundige/", feedback_views.feedback_expert, name="feedback_expert"),
    path("terugkoppeling/controle/<str:kind>/<int:pk>/", feedback_views.feedback_moderate, name="feedback_moderate"),
    path("terugkoppeling/woorden/", feedback_views.stigma_words, name="stigma_words"),
    path("terugkoppeling/woorden/<int:pk>/verwijderen/", feedback_views.stigma_word_remove, name="stigma_word_remove"),
]
