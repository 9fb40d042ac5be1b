from django.urls import path

from inzet.knowledge import views, views_helpdesk

app_name = "knowledge"

urlpatterns = [
    # the toolkit (public) and its editor
    path("", views.index, name="index"),
    path("nieuw/", views.article_edit, name="article_new"),
    # the asker's readiness checklist
    path("checklist/", views_helpdesk.readiness_checklist, name="readiness"),
    # the helpdesk
    path("vraag-stellen/", views_helpdesk.ask, name="ask"),
    path("vraag-stellen/bedankt/", views_helpdesk.ask_thanks, name="ask_thanks"),
    path("vragen/", views_helpdesk.queue, name="queue"),
    path("vragen/nieuw/", views_helpdesk.log_question, name="log"),
    path("vragen/<int:pk>/", views_helpdesk.question_detail, name="question"),
    path("vragen/<int:pk>/beantwoorden/", views_helpdesk.question_answer, name="answer"),
    path("vragen/<int:pk>/doorverwijzen/", views_helpdesk.question_refer, name="refer"),
    path("vragen/<int:pk>/naar-vraag/", views_helpdesk.question_to_request, name="to_request"),
    path("vragen/<int:pk>/afsluiten/", views_helpdesk.question_close, name="close"),
    path("vragen/<int:pk>/verwijderen/", views_helpdesk.question_delete, name="delete"),
    # articles last: their slugs may not take the addresses above (services.RESERVED_SLUGS)
    path("<slug:slug>/", views.article, name="article"),
    path("<slug:slug>/afdrukken/", views.article_print, name="article_print"),
    path("<slug:slug>/media/<int:pk>/", views.media_file, name="media_file"),
    path("<slug:slug>/bewerken/", views.article_edit, name="article_edit"),
    path("<slug:slug>/media-toevoegen/", views.media_add, name="media_add"),
    path("<slug:slug>/versies/", views.revisions, name="revisions"),
    path("<slug:slug>/versies/<int:number>/", views.revision, name="revision"),
]
