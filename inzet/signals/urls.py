from django.urls import path

from inzet.signals import views

app_name = "signals"

urlpatterns = [
    path("", views.report, name="report"),
    path("volgen/<str:token>/", views.follow, name="follow"),
    path("mijn/", views.mine, name="mine"),
    path("behandelen/", views.inbox, name="inbox"),
    path("telefonisch/", views.record, name="record"),
    path("<int:pk>/", views.detail, name="detail"),
    path("bundels/", views.bundles, name="bundles"),
    path("bundels/<int:pk>/", views.bundle, name="bundle"),
    path("lobby/", views.overviews, name="overviews"),
    path("lobby/nieuw/", views.overview_new, name="overview_new"),
    path("lobby/<int:pk>/", views.overview, name="overview"),
    path("lobby/<int:pk>/bewerken/", views.overview_edit, name="overview_edit"),
    path("lobby/<int:pk>/voorbeeld/", views.example_add, name="example_add"),
    path("lobby/voorbeeld/<int:pk>/verwijderen/", views.example_remove, name="example_remove"),
    path("lobby/<int:pk>/publiceren/", views.overview_publish, name="overview_publish"),
]
