from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "inzet.demo"
    verbose_name = "Demo data"
