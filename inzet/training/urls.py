from django.urls import path

from inzet.training import views

app_name = "training"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("nieuw/<int:org_pk>/", views.course_new, name="course_new"),
    path("<int:pk>/", views.course_detail, name="course_detail"),
    path("<int:pk>/bewerken/", views.course_edit, name="course_edit"),
    path("<int:pk>/inschrijven/", views.enrol, name="enrol"),
    path("<int:pk>/afmelden/", views.withdraw, name="withdraw"),
    path("<int:pk>/inschrijven-namens/", views.enrol_for, name="enrol_for"),
    path("<int:pk>/aanwezigheid/", views.attendance, name="attendance"),
    path("inschrijving/<int:pk>/afronden/", views.complete, name="complete"),
    path("inschrijving/<int:pk>/certificaat.pdf", views.certificate, name="certificate"),
    path("opleidingen-controleren/", views.records, name="records"),
    path("opleidingen-controleren/<int:pk>/", views.record_verify, name="record_verify"),
]
