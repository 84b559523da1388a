"""`manage.py import_usda [DIR]`: the USDA PLANTS flora in the database (the shipped files by default).

The work is `plants.usda_import`'s; this command shows a progress bar per step
on a terminal, prints the summary, and turns bad input into `FILE:LINE:`
lines on stderr and exit status 1, with nothing written.

`make run` calls it with `--if-empty --load alumroot`: on a fresh database it
loads the seed article, then the flora around it; once the flora is there, a
later run says so and writes nothing (reloading the fixture then would undo
what the import added to the alumroot, and what editors have changed since).
"""

import sys
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from plants import usda_import
from plants.models import UsdaRecord
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
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already holds USDA PLANTS records (for `make run`).",
        )
        parser.add_argument(
            "--load",
            action="append",
            default=[],
            metavar="FIXTURE",
            help="Load this fixture first (loaddata), so the import keeps its articles; with "
            "--if-empty, only on a database without the flora. Repeatable.",
        )

    def handle(self, directory, if_empty, load, **options):
        verbosity = options["verbosity"]
        if if_empty:
            taxa = UsdaRecord.objects.count()
            if taxa:
                if verbosity:
                    self.stdout.write(f"USDA PLANTS flora already imported ({taxa:,} taxa); skipping")
                return
        if load:
            call_command("loaddata", *load, verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
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
