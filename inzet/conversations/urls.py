from django.urls import path

from inzet.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("ongelezen/", views.unread, name="unread"),
    path("vraag/<int:pk>/", views.request_thread, name="request"),
    path("uitnodiging/<int:pk>/", views.invitation_thread, name="invitation"),
    path("bijlagen/<int:pk>/", views.attachment, name="attachment"),
    path("meldingen/", views.notifications, name="notifications"),
    path("meldingen/e-mail/", views.digest_setting, name="digest_setting"),
]
