from django.db import models
from django.utils.translation import gettext_lazy as _


class ExpertSearchDocument(models.Model):
    """The searchable words of one expert, per audience. Built by services.search_document_refresh.

    Holds only labels and names the expert shares with that audience: never the encrypted stories,
    benefit or needs. Filters on the live profile still check visibility, so a stale document can
    make a search miss someone but never show what is hidden.
    """

    profile = models.OneToOneField(
        "experts.ExpertProfile", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    coordinators_text = models.TextField(_("zoektekst voor coördinatoren"), blank=True)
    public_text = models.TextField(_("zoektekst voor het openbare register"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")

    def __str__(self) -> str:
        return f"{self.profile_id}"
