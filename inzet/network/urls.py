from django.urls import path

from inzet.network import event_views, mark_views, views

app_name = "network"

urlpatterns = [
    path("kaart/", views.partner_map, name="map"),
    path("kaart/nieuw/", views.partner_new, name="partner_new"),
    path("kaart/<int:pk>/", views.partner_detail, name="partner"),
    path("kaart/<int:pk>/bewerken/", views.partner_edit, name="partner_edit"),
]

urlpatterns += [
    path("bijeenkomsten/", event_views.event_list, name="events"),
    path("bijeenkomsten/nieuw/", event_views.event_new, name="event_new"),
    path("bijeenkomsten/<int:pk>/", event_views.event_detail, name="event"),
    path("bijeenkomsten/<int:pk>/agenda.ics", event_views.event_ics, name="event_ics"),
    path("bijeenkomsten/<int:pk>/beheer/", event_views.event_manage, name="event_manage"),
    path("bijeenkomsten/aanmelding/<str:token>/", event_views.registration, name="registration"),
    path("bijeenkomsten/aanmelding/<str:token>/afmelden/", event_views.registration_cancel, name="registration_cancel"),
]

urlpatterns += [
    path("keurmerken/", mark_views.mark_list, name="marks"),
    path("keurmerken/aanvragen/", mark_views.award_apply, name="award_apply"),
    path("keurmerken/beoordelen/", mark_views.award_list, name="awards"),
    path("keurmerken/<int:pk>/", mark_views.award_detail, name="award"),
    path("keurmerken/<int:pk>/bewijs/", mark_views.award_evidence, name="award_evidence"),
]
