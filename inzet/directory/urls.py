from django.urls import path

from inzet.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.expert_list, name="experts"),
    path("export.csv", views.expert_export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.expert_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("pool/", views.pool, name="pool"),
    path("register/", views.register, name="register"),
    path("register/organisaties/", views.register_organisations, name="register_organisations"),
]
