from django.urls import path

from inzet.matching import views

app_name = "matching"

urlpatterns = [
    path("<int:pk>/", views.request_matches, name="request"),
    path("<int:pk>/uitnodigen/", views.invite, name="invite"),
    path("<int:pk>/team-uitnodigen/", views.invite_team, name="invite_team"),
]
