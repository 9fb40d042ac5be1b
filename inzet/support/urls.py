from django.urls import path

from inzet.support import views

app_name = "support"

urlpatterns = [
    path("mijn/", views.mine, name="mine"),
    path("hoe-gaat-het/", views.checkin, name="checkin"),
    path("team/", views.team, name="team"),
    path("gesprekken/nieuw/", views.talk_new, name="talk_new"),
    path("gesprekken/<int:pk>/", views.talk_detail, name="talk_detail"),
    path("gesprekken/<int:pk>/delen/", views.talk_share, name="talk_share"),
    path("vroeg-gesprek/<int:pk>/", views.early_conversation, name="early_conversation"),
    path("buddy/nieuw/", views.buddy_propose, name="buddy_propose"),
    path("buddy/<int:pk>/antwoord/", views.buddy_answer, name="buddy_answer"),
    path("buddy/<int:pk>/stoppen/", views.buddy_end, name="buddy_end"),
]
