"""`manage.py export_flora DIR`: every published plant as CSV and JSON Lines, with a data dictionary.

DIR gets plants.csv, plants.jsonl, columns.json and a README.md (what each
column means and where it comes from, and how to cite the data).  The plants
are the finder's with no filter, in its order, read as the finder's downloads
read them (plants/downloads.py).  Every file is written to a temporary name
first and renamed only when all are written, so a failed export leaves DIR
as it was.
"""

import csv
import dataclasses
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from plants import downloads, open_data
from plants.filters import PlantFilter


class Command(BaseCommand):
    help = (
        "Write every published plant as CSV and JSON Lines into DIR, with a data dictionary and the citation."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write the files (made if missing).")
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address, e.g. https://plants.example.org, for absolute page URLs "
            "(the paths alone without it).",
        )

    def handle(self, directory, base_url, **options):
        started = time.perf_counter()
        target = Path(directory)
        results = PlantFilter().results()
        total = results.count()
        ids = downloads.result_ids(results)
        if options["verbosity"] and self.stdout.isatty():
            ids = tqdm(ids, desc="Plants", total=total, unit=" plants", leave=False, file=sys.stdout)
        rows = downloads.plant_rows(ids, base_url.rstrip("/") + downloads.plant_prefix())
        written = []
        try:
            target.mkdir(parents=True, exist_ok=True)
            csv_file, jsonl_file = _temporary(target, written), _temporary(target, written)
            with csv_file, jsonl_file:
                table = csv.writer(csv_file)
                table.writerow(open_data.HEADERS)
                count = 0
                for row in rows:
                    record = open_data.record(row)
                    table.writerow(open_data.csv_row(record))
                    jsonl_file.write(open_data.json_line(record))
                    count += 1
            columns = [dataclasses.asdict(column) for column in open_data.COLUMNS]
            summary = f"{count:,} published plant profiles, exported {time.strftime('%Y-%m-%d')}."
            texts = {
                "columns.json": json.dumps(columns, ensure_ascii=False, indent=2) + "\n",
                "README.md": open_data.data_dictionary(downloads.citations(), summary),
            }
            finished = {"plants.csv": csv_file.name, "plants.jsonl": jsonl_file.name}
            for name, text in texts.items():
                with _temporary(target, written) as file:
                    file.write(text)
                finished[name] = file.name
            mode = _file_mode()
            for name, temporary in finished.items():
                os.chmod(temporary, mode)  # a temporary file is private (0600); the export is not
                os.replace(temporary, target / name)
        except OSError as error:
            raise CommandError(
                f"Could not write the export into {directory}: {error.strerror or error}"
            ) from None
        finally:
            for temporary in written:  # those not renamed into place: a failed export's
                Path(temporary).unlink(missing_ok=True)
        if options["verbosity"]:
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"Exported {count:,} plants to {target}: plants.csv, plants.jsonl, columns.json, "
                f"README.md ({seconds:.1f} s)"
            )


def _file_mode() -> int:
    """The mode a new file gets here (0644 under the usual umask 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary(directory: Path, written: list):
    # Closed by the caller's `with`; kept on disk (delete=False) to be renamed into place.
    file = tempfile.NamedTemporaryFile(  # noqa: SIM115
        "w", encoding="utf-8", newline="", dir=directory, prefix=".export-", suffix=".tmp", delete=False
    )
    written.append(file.name)
    return file
