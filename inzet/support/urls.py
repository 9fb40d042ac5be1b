from django.urls import path

from inzet.support import meeting_views, views

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
    path("bijeenkomsten/", meeting_views.meeting_list, name="meeting_list"),
    path("bijeenkomsten/nieuw/", meeting_views.meeting_new, name="meeting_new"),
    path("bijeenkomsten/<int:pk>/", meeting_views.meeting_detail, name="meeting_detail"),
    path("bijeenkomsten/<int:pk>/aanmelden/", meeting_views.meeting_signup, name="meeting_signup"),
    path("bijeenkomsten/<int:pk>/aanwezig/", meeting_views.meeting_attendance, name="meeting_attendance"),
    path("bijeenkomsten/<int:pk>/terugblik/", meeting_views.meeting_reflection, name="meeting_reflection"),
    path("bijeenkomsten/<int:pk>/agenda.ics", meeting_views.meeting_ics, name="meeting_ics"),
]
