"""`manage.py import_usda [DIR]`: the USDA PLANTS flora in the database (the shipped files by default).

The work is `plants.usda_import`'s; this command shows a progress bar per step
on a terminal, prints the summary, and turns bad input into `FILE:LINE:`
lines on stderr and exit status 1, with nothing written.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from plants import usda_import
from plants.usda.files import DEFAULT_DIR, UsdaDataError


class Command(BaseCommand):
    help = "Import the USDA PLANTS checklist, distribution and characteristics (fixtures/usda/ by default)."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(DEFAULT_DIR),
            help="A directory holding the USDA PLANTS files.",
        )

    def handle(self, directory, **options):
        verbosity = options["verbosity"]
        started = time.perf_counter()
        progress = None
        if verbosity and self.stdout.isatty():

            def progress(iterable, description, total):
                return tqdm(
                    iterable, desc=description, total=total, unit=" rows", leave=False, file=sys.stdout
                )

        try:
            summary = usda_import.run(directory, progress=progress)
        except UsdaDataError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Nothing was imported: the USDA PLANTS files in {directory} have problems."
            ) from None
        if verbosity:
            for line in summary.lines():
                self.stdout.write(line)
            verdict = (
                "Imported USDA PLANTS" if summary.changed else "USDA PLANTS already imported: nothing changed"
            )
            self.stdout.write(self.style.SUCCESS(f"{verdict} in {time.perf_counter() - started:.1f} s."))
