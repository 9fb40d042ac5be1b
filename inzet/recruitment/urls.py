from django.urls import path

from inzet.recruitment import selection_views, views

app_name = "recruitment"

urlpatterns = [
    # Public: anyone can read the page and apply.
    path("<slug:slug>/", views.apply, name="apply"),
    path("<slug:slug>/bedankt/", views.thanks, name="thanks"),
    path("<slug:slug>/vacature/", selection_views.vacancy, name="vacancy"),
    path("<slug:slug>/vacature/flyer.pdf", selection_views.vacancy_flyer, name="vacancy_flyer"),
    # Coordinators (and for selection also trainers) of the organisation.
    path("<slug:slug>/aanmeldingen/", views.application_list, name="application_list"),
    path("<slug:slug>/aanmeldingen/invoeren/", views.application_enter, name="application_enter"),
    path("<slug:slug>/aanmeldingen/<int:pk>/", views.application_detail, name="application_detail"),
    path("<slug:slug>/aanmeldingen/<int:pk>/bestand/", views.application_file, name="application_file"),
    path("<slug:slug>/aanmeldingen/<int:pk>/besluit/", views.application_decide, name="application_decide"),
    path("<slug:slug>/aanmeldingen/<int:pk>/tekst/", views.application_transcript, name="application_transcript"),
    path("<slug:slug>/aanmeldingen/<int:pk>/terugtrekken/", views.application_withdraw, name="application_withdraw"),
    path("<slug:slug>/aanmeldingen/<int:pk>/kennismaking/", selection_views.intro_talk, name="intro_talk"),
    path("<slug:slug>/aanmeldingen/<int:pk>/meelopen/", selection_views.shadowing, name="shadowing"),
    path(
        "<slug:slug>/aanmeldingen/<int:pk>/meelopen/terugkijken/",
        selection_views.shadow_evaluation,
        name="shadow_evaluation",
    ),
    path("<slug:slug>/pagina/", views.page_edit, name="page_edit"),
    path("<slug:slug>/vragen/", selection_views.questions, name="questions"),
    path("<slug:slug>/groep/", selection_views.group, name="group"),
    path("<slug:slug>/stappen/", views.pipeline, name="pipeline"),
]
