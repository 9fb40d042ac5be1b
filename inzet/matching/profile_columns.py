"""The profile columns matching reads for disclosure, as light values (candidates.py makes 100,000 of them)."""

from collections.abc import Sequence
from typing import NamedTuple

# The visibility columns of ExpertProfile that matching reads (see candidates._ITEM_TO_DISCLOSURE).
VIS_COLUMNS = (
    "vis_name",
    "vis_level",
    "vis_roles",
    "vis_competences",
    "vis_languages",
    "vis_region",
    "vis_availability",
    "vis_benefit",
    "vis_does_not_want",
)


class ProfileColumns:
    """The columns of one profile that disclosure needs (``can_see`` reads the ``vis_*`` attributes)."""

    __slots__ = ("age_band", "organisation_id", "pk", "region", "user_id", *VIS_COLUMNS)
    pk: int
    user_id: int
    organisation_id: int
    age_band: str | None
    region: str | None
    # One per VIS_COLUMNS (set by name below): an Audience value.
    vis_name: int
    vis_level: int
    vis_roles: int
    vis_competences: int
    vis_languages: int
    vis_region: int
    vis_availability: int
    vis_benefit: int
    vis_does_not_want: int

    def __init__(
        self, pk: int, user_id: int, organisation_id: int, age_band: str | None, region: str | None, vis: Sequence[int]
    ) -> None:
        self.pk, self.user_id, self.organisation_id = pk, user_id, organisation_id
        self.age_band, self.region = age_band, region
        for name, value in zip(VIS_COLUMNS, vis, strict=True):
            setattr(self, name, value)


class Who(NamedTuple):
    """What disclosure.viewer_levels reads of every profile; cheap to make 100,000 of."""

    pk: int
    user_id: int
    organisation_id: int
