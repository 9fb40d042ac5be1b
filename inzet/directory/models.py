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
    # The ids a coordinator filters on (experience areas, roles, languages, competences), only as far
    # as the expert shares them with coordinators, as short tokens (directory/facets.py). With the
    # organisation beside them, one index narrows a search to the few experts worth checking in
    # full. Empty (NULL) until built: such an expert is always checked in full.
    organisation_id = models.BigIntegerField(_("organisatie"), null=True, blank=True)
    coordinators_facets = models.TextField(_("filterwaarden voor coördinatoren"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        indexes = [
            models.Index(
                fields=["organisation_id", "coordinators_facets", "profile"], name="search_document_org_facets"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile_id}"
