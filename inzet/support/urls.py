from django.urls import path

from inzet.support import growth_views, intervision_views, meeting_views, views

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
    path("groeiplan/", growth_views.plan_mine, name="plan_mine"),
    path("groeiplan/starten/", growth_views.plan_start, name="plan_start"),
    path("groeiplan/<int:pk>/", growth_views.plan_detail, name="plan_detail"),
    path("groeiplan/<int:pk>/bewerken/", growth_views.plan_edit, name="plan_edit"),
    path("groeiplan/<int:pk>/doelen/nieuw/", growth_views.goal_new, name="goal_new"),
    path("groeiplan/doelen/<int:pk>/", growth_views.goal_edit, name="goal_edit"),
    path("groeiplan/<int:pk>/bespreking/", growth_views.plan_review, name="plan_review"),
    path("groeiplannen/", growth_views.plan_team, name="plan_team"),
    path("groeiplan-sjablonen/", growth_views.template_list, name="template_list"),
    path("groeiplan-sjablonen/nieuw/", growth_views.template_edit, name="template_new"),
    path("groeiplan-sjablonen/<int:pk>/", growth_views.template_edit, name="template_edit"),
    path("intervisie/", intervision_views.group_list, name="intervision_list"),
    path("intervisie/nieuw/", intervision_views.group_new, name="intervision_new"),
    path("intervisie/<int:pk>/", intervision_views.group_detail, name="intervision_detail"),
    path("intervisie/<int:pk>/meedoen/", intervision_views.group_take_part, name="intervision_take_part"),
    path("intervisie/<int:pk>/deelnemen/", intervision_views.group_member, name="intervision_member"),
    path("intervisie/<int:pk>/bijeenkomst/", intervision_views.session_new, name="intervision_session_new"),
]
