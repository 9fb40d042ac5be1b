from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "inzet.api"
    verbose_name = "API"
