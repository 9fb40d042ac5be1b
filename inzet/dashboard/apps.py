from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "inzet.dashboard"
    verbose_name = "Dashboard"
