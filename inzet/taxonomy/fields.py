"""Model fields that point at a term of one vocabulary: one place for how every app declares them.

The fields they make deconstruct exactly as the hand-written ones did, so no migration follows.
"""

from typing import Any

from django.db import models


def term_field(vocabulary: str, verbose_name: Any, *, optional: bool = True, **kwargs: Any) -> models.ForeignKey:
    """A choice of one term of `vocabulary`; kept when the term is (PROTECT), not reachable back from it."""
    if optional:
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
    return models.ForeignKey(
        "taxonomy.Term",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": vocabulary},
        verbose_name=verbose_name,
        **kwargs,
    )


def terms_field(vocabulary: str | None, verbose_name: Any, **kwargs: Any) -> models.ManyToManyField:
    """A choice of any number of terms of `vocabulary` (None: of any vocabulary)."""
    if vocabulary is not None:
        kwargs["limit_choices_to"] = {"vocabulary": vocabulary}
    return models.ManyToManyField("taxonomy.Term", blank=True, related_name="+", verbose_name=verbose_name, **kwargs)
