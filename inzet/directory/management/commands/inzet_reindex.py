"""`manage.py inzet_reindex` — rebuild the search documents of all experts (or some, by id)."""

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from inzet.directory.services import bulk_build_documents
from inzet.experts.models import ExpertProfile


class Command(BaseCommand):
    help = "Rebuild the directory's search documents (after a bulk import or a change of term labels)."

    def add_arguments(self, parser):
        parser.add_argument("profile_ids", nargs="*", type=int, help="only these profiles (default: all)")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, profile_ids, no_progress=False, **options):
        started = time.perf_counter()
        if profile_ids:
            made = bulk_build_documents(profile_ids=profile_ids)
        else:
            total = ExpertProfile.objects.count()
            with tqdm(total=total, unit="expert", disable=no_progress) as bar:
                made = bulk_build_documents(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Indexed {made} experts in {time.perf_counter() - started:.1f} s."))
