from django.urls import path

from inzet.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("download/", views.export_download, name="export"),
    path("verwijderen/", views.erasure_ask, name="erasure_ask"),
    path("verzoeken/", views.erasure_list, name="erasure_list"),
    path("verzoeken/<int:pk>/", views.erasure_detail, name="erasure_detail"),
    path("verzoeken/<int:pk>/uitvoeren/", views.erasure_carry_out, name="erasure_carry_out"),
    path("verwerkingsregister/", views.register, name="register"),
    path("verwerkingsregister.csv", views.register_download, name="register_download"),
]
