from django.urls import path

from inzet.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("beleid/", views.policy, name="policy"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/leden/toevoegen/", views.member_add, name="member_add"),
    path("<int:pk>/leden/<int:membership_pk>/stoppen/", views.member_deactivate, name="member_deactivate"),
]
