from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompensationConfig(AppConfig):
    name = "inzet.compensation"
    verbose_name = _("Vergoedingen")

    def ready(self) -> None:
        # The quote (engagements) uses the invoice's rules for VAT and the coordination share.
        from inzet.compensation import selectors
        from inzet.engagements import pdf

        pdf.QUOTE_HOOKS.update(vat_parts=selectors.quote_vat_parts, coordination=selectors.quote_coordination)
