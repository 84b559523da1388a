"""`manage.py generate_plants N`: fill a database with N synthetic profiles, for benchmarks.

The work is `plants.synthetic`'s; this command guards against running on a
database with real content and reports progress.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from plants import synthetic


class Command(BaseCommand):
    help = (
        "Add N synthetic plant profiles (for benchmarks and development only). "
        "Refuses a database that holds real content unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, metavar="N", help="How many profiles to add.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (same seed, same content).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add synthetic profiles even though the database holds real content.",
        )

    def handle(self, count, seed, force, **options):
        if count < 1:
            raise CommandError("N must be a positive number of profiles.")
        if synthetic.has_real_content() and not force:
            raise CommandError(
                "This database holds real plant profiles; synthetic ones would mix with them. "
                "Use an empty database (e.g. DATABASE_URL=sqlite:////tmp/bench.sqlite3), "
                "or pass --force if you really mean it."
            )
        started = time.perf_counter()

        def progress(done):
            self.stdout.write(f"  {done:,} of {count:,} profiles")

        written = synthetic.generate(
            count, seed=seed, progress=progress if options["verbosity"] > 1 else None
        )
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Added %(count)s synthetic profile in %(seconds).1f s.",
                        "Added %(count)s synthetic profiles in %(seconds).1f s.",
                        written,
                    )
                    % {"count": f"{written:,}", "seconds": time.perf_counter() - started}
                )
            )
