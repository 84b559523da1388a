"""`rebuild_plant_pages`: store every profile's page document again (plants/plant_pages.py).

Saves keep documents current by themselves; run this after changing URL
patterns or MEDIA_URL, which documents hold, or to build every document at
once instead of on each page's first visit (after generate_plants, say).
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext

from plants import plant_pages
from plants.models import PlantProfile


class Command(BaseCommand):
    help = "Rebuild the stored page document of every plant profile."

    def handle(self, **options):
        started = time.perf_counter()
        with transaction.atomic():
            count = plant_pages.rebuild(PlantProfile.objects.all())
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Rebuilt %(count)s plant page in %(seconds).1f s.",
                        "Rebuilt %(count)s plant pages in %(seconds).1f s.",
                        count,
                    )
                    % {"count": f"{count:,}", "seconds": time.perf_counter() - started}
                )
            )
