"""The directory keeps its search words in step with the experts app, which sits below it and
announces changes (inzet/experts/signals.py) instead of importing the directory."""

from django.dispatch import receiver

from inzet.directory.services import search_document_refresh
from inzet.experts.signals import profile_changed


@receiver(profile_changed, dispatch_uid="directory-search-documents")
def refresh_search_documents(sender, *, profile_ids, **kwargs) -> None:
    search_document_refresh(profile_ids=profile_ids)
