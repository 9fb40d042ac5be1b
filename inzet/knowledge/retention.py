"""Retention of helpdesk questions (RetentionRule `helpdesk_questions`, run by privacy.retention)."""

import datetime

from django.db import transaction

from inzet.knowledge.models import HelpdeskQuestion


def delete_old_questions(cutoff: datetime.datetime) -> int:
    """Delete questions asked before `cutoff`, each claimed by a conditional DELETE."""
    count = 0
    for pk in HelpdeskQuestion.objects.filter(created_at__lt=cutoff).order_by("pk").values_list("pk", flat=True)[:5000]:
        with transaction.atomic():
            deleted, _per_model = HelpdeskQuestion.objects.filter(pk=pk, created_at__lt=cutoff).delete()
            count += 1 if deleted else 0
    return count
