from django.urls import path

from inzet.neighbourhood import casework_views, dropin_views, overview_views, referral_views, teamwork_views, views

app_name = "neighbourhood"

urlpatterns = [
    path("", views.home, name="home"),
    path("team/<int:pk>/", views.team_detail, name="team"),
    path("team/<int:pk>/eerste-contact/", views.contact_new, name="contact_new"),
    path("traject/<int:pk>/", views.trajectory_detail, name="trajectory"),
    path("traject/<int:pk>/wat-is-mijn-vraag/", views.form1, name="form1"),
    path("traject/<int:pk>/contact/", views.contact_add, name="contact_add"),
    path("traject/<int:pk>/voortgang/<int:months>/", views.review, name="review"),
    path("traject/<int:pk>/voortgang-<int:months>-maanden.pdf", views.review_pdf, name="review_pdf"),
    path("traject/<int:pk>/toestemming/", views.consents, name="consents"),
    path("traject/<int:pk>/toestemming/<int:consent_pk>/intrekken/", views.consent_revoke, name="consent_revoke"),
    path("traject/<int:pk>/bericht/", views.partner_message, name="partner_message"),
    path("team/<int:pk>/partners/", views.partners, name="partners"),
    path("team/<int:pk>/inloop/", dropin_views.drop_in, name="drop_in"),
    path("team/<int:pk>/inloop.ics", dropin_views.drop_in_ics, name="drop_in_ics"),
    path("team/<int:pk>/inloop/beheer/", dropin_views.drop_in_manage, name="drop_in_manage"),
    path("team/<int:pk>/verwijzen/", referral_views.referral_new, name="referral_new"),
    path("verwijzing/<uuid:token>/", referral_views.referral_status, name="referral_status"),
    path("team/<int:pk>/verwijzingen/", referral_views.referral_queue, name="referral_queue"),
    path("verwijzingen/<int:pk>/aannemen/", referral_views.referral_take_on, name="referral_take_on"),
    path("verwijzingen/<int:pk>/afwijzen/", referral_views.referral_decline, name="referral_decline"),
    path("traject/<int:pk>/afsluiten/", views.closure, name="closure"),
    path("traject/<int:pk>/afsluitverslag.pdf", views.closure_pdf, name="closure_pdf"),
    path("traject/<int:pk>/casuistiek/", casework_views.case_meetings, name="case_meetings"),
    path("casuistiek/<int:pk>/", casework_views.case_meeting, name="case_meeting"),
    path("casuistiek/<int:pk>/actie/", casework_views.case_meeting_action, name="case_meeting_action"),
    path("traject/<int:pk>/klik/", casework_views.klik, name="klik"),
    path("traject/<int:pk>/klik/instemmen/", casework_views.klik_agree, name="klik_agree"),
    path("teamlid/<int:pk>/klik/", teamwork_views.member_klik, name="member_klik"),
    path("actie/<int:pk>/gedaan/", teamwork_views.action_done, name="action_done"),
    path("team/<int:pk>/groepsactiviteiten/", teamwork_views.group_activities, name="group_activities"),
    path("mijn-bewoners/", overview_views.caseload, name="caseload"),
    path("team/<int:pk>/overzicht/", overview_views.team_overview, name="team_overview"),
]
