from django.contrib import admin
from django.urls import include, path

from inzet.api.api import api

admin.site.site_header = "Inzet – beheer"
admin.site.site_title = "Inzet"

urlpatterns = [
    path("", include("inzet.dashboard.urls")),
    path("account/", include("inzet.accounts.urls")),
    path("organisaties/", include("inzet.organisations.urls")),
    path("ervaringsdeskundigen/", include("inzet.experts.urls")),
    path("zoeken/", include("inzet.directory.urls")),
    path("werving/", include("inzet.recruitment.urls")),
    path("vragen/", include("inzet.engagements.urls")),
    path("koppelen/", include("inzet.matching.urls")),
    path("vergoedingen/", include("inzet.compensation.urls")),
    path("steun/", include("inzet.support.urls")),
    path("privacy/", include("inzet.privacy.urls")),
    path("scholing/", include("inzet.training.urls")),
    path("wijk/", include("inzet.neighbourhood.urls")),
    path("kennis/", include("inzet.knowledge.urls")),
    path("signalen/", include("inzet.signals.urls")),
    path("netwerk/", include("inzet.network.urls")),
    path("gesprekken/", include("inzet.conversations.urls")),
    path("evaluatie/", include("inzet.evaluation.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("beheer/", admin.site.urls),
]
