"""The Django side of `manage.py import_usda`: USDA PLANTS records written through the one write path.

`run(directory)` reads the files (plants.usda.records.Flora, which checks them
all before anything is written), then, in ONE `content.change()` and so one
transaction, writes the taxonomy (`taxonomy`), each taxon's USDA record and
places (`records`) and a profile for each native taxon (`profiles`), in bulk,
comparing before writing: a second run writes nothing and leaves the content
version alone. Bulk writes send no signals, so each step notes what it touched
in the change, which then refreshes derived columns and page documents once.

Editors' work wins: an existing taxon only gains an authority or common name
it lacks, an existing profile only the fields it has empty; USDA's own values
are in UsdaRecord and UsdaPlace, rewritten in place when the files change. A
taxon gone from the checklist is reported, never deleted.
"""

from __future__ import annotations

from pathlib import Path

from plants import content, db_maintenance
from plants.usda.files import DEFAULT_DIR
from plants.usda.records import Flora, distinct_taxa
from plants.usda.summary import Summary

from . import profiles, records, taxonomy


def run(directory: Path | str = DEFAULT_DIR, *, progress=None) -> Summary:
    """Import the USDA PLANTS files in `directory`; UsdaDataError (nothing written) for bad input.

    `progress(iterable, description, total)` wraps the reading of each file and each long
    loop of writes (a progress bar; total None where it is not known), or None.
    """
    bar = progress or (lambda iterable, description, total: iterable)
    flora = Flora(directory, progress=progress and (lambda rows, name: progress(rows, name, None)))
    taxa, left_out = distinct_taxa(list(flora.taxa()))
    summary = Summary()
    for unread in flora.unread:
        summary["checklist names"].skipped += 1
        summary.notes.append(f"skipped, name not read: {unread}")
    for record, kept in left_out:
        summary["checklist names"].skipped += 1
        summary.notes.append(
            f"skipped, the same taxon as {kept.symbol}: {record.symbol} “{record.name.taxon.name}”"
        )
    with content.change() as change:
        source = records.data_source(summary)
        tree = taxonomy.write(flora, taxa, summary, change, bar)
        usda = records.write(tree, taxa, source.accessed, summary, change, bar)
        profiles.write(tree, usda, taxa, source, summary, change, bar)
    if summary.changed:
        db_maintenance.refresh_statistics()
    return summary
