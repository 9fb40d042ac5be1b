from django.urls import path

from inzet.engagements import calendar_views, change_views, intro_views, invitation_views, views, views_referrals

app_name = "engagements"

urlpatterns = [
    # askers
    path("", views.my_requests, name="mine"),
    path("nieuw/", views.request_create, name="create"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/bewerken/<slug:step>/", views.request_edit, name="edit"),
    path("<int:pk>/indienen/", views.request_submit, name="submit"),
    path("<int:pk>/annuleren/", views.request_cancel, name="cancel"),
    path("<int:pk>/bijlagen/<int:attachment_pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/bijlagen/<int:attachment_pk>/verwijderen/", views.attachment_delete, name="attachment_delete"),
    path("<int:pk>/akkoord/", views.agreement_accept, name="agreement_accept"),
    path("<int:pk>/aanpassing-vragen/", change_views.agreement_change, name="agreement_change"),
    # the deploying organisation
    path("binnengekomen/", views.inbox, name="inbox"),
    path("binnengekomen/uitnodigingen-bijwerken/", views.run_housekeeping, name="housekeeping"),
    path("<int:pk>/in-behandeling/", views.intake_start, name="intake_start"),
    path("<int:pk>/intake/", views.intake, name="intake"),
    path("<int:pk>/uitnodigen/", invitation_views.invite, name="invite"),
    path("<int:pk>/afspraken/", views.agreement_edit, name="agreement"),
    path("<int:pk>/afspraken.pdf", views.agreement_pdf, name="agreement_pdf"),
    path("<int:pk>/offerte.pdf", views.quote_pdf, name="quote_pdf"),
    path("<int:pk>/starten/", views.request_start, name="start"),
    path("<int:pk>/afronden/", views.request_complete, name="complete"),
    path("<int:pk>/kennismaking/", intro_views.introduction, name="introduction"),
    path("<int:pk>/bijeenkomsten/nieuw/", views.session_add, name="session_add"),
    # calendar
    path("<int:pk>/agenda.ics", calendar_views.request_calendar, name="request_calendar"),
    path("agenda/", calendar_views.calendar_page, name="calendar"),
    path("agenda/vernieuwen/", calendar_views.calendar_renew, name="calendar_renew"),
    path("agenda/<str:token>.ics", calendar_views.calendar_feed, name="feed"),
    # referring (brokerage switch off)
    path("doorverwijzen/", views_referrals.referral_find, name="referral_find"),
    path("doorverwijzen/<int:organisation_pk>/", views_referrals.referral_create, name="referral_create"),
    path("doorverwijzingen/", views_referrals.referral_list, name="referrals"),
    path("doorverwijzingen/<int:pk>/antwoord/", views_referrals.referral_answer, name="referral_answer"),
    # experts
    path("uitnodigingen/", invitation_views.my_invitations, name="invitations"),
    path("uitnodigingen/<int:pk>/", invitation_views.invitation_detail, name="invitation"),
    path("uitnodigingen/<int:pk>/terugtrekken/", change_views.invitation_withdraw, name="invitation_withdraw"),
    path("uitnodigingen/<int:pk>/wat-ik-nodig-heb/", invitation_views.invitation_needs, name="invitation_needs"),
    path("opdrachten/", invitation_views.my_assignments, name="assignments"),
]
