"""The finder's downloads and the whole-flora export: plants read a chunk at a time.

The rows are the finder's own: the positions of its FinderResults, turned
into ids through the index, so a download has exactly the plants the finder
counts, in its order.  Each chunk of ids costs two queries (the plants with
their taxon, family, USDA record and source; their native places), so memory
and queries stay flat per chunk whatever the number of plants.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import Q
from django.http import StreamingHttpResponse
from django.urls import reverse

from plants import open_data
from plants.filters import FinderResults, PlantFilter
from plants.models import DataSource, NativeRange, PlantProfile
from plants.usda_import.records import SOURCE as USDA_IMPORT_SOURCE

CHUNK = 2000

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "native-plants.csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "native-plants.jsonl"),
}

_FIELDS = (
    "pk", "usda_symbol", "common_name", "taxon__scientific_name", "family__scientific_name", "zone_min",
    "zone_max", "light_full_sun", "light_partial_shade", "light_full_shade", "water_need",
    "is_rare", "taxon__usda__bloom_period", "taxon__usda__flower_color", "taxon__usda__height_feet",
    "taxon__usda__availability", "taxon__usda__evergreen", "taxon__usda__toxicity",
    "data_source__publisher", "data_source__year", "data_source__title", "slug",
)  # fmt: skip


def plant_prefix() -> str:
    """The start of every plant page's path, "/plants/", reversed once rather than per plant."""
    return reverse("plants:plant_detail", kwargs={"slug": "-"})[: -len("-/")]


def result_ids(results: FinderResults) -> Iterator[int]:
    """The ids of the finder's results, in its order, a chunk of positions at a time."""
    index, total = results.index, results.count()
    for start in range(0, total, CHUNK):
        for at in index.facets.positions(results.bits, results.order, start, min(start + CHUNK, total)):
            yield index.ids[at]


def _batched(items: Iterable[int], size: int) -> Iterator[tuple[int, ...]]:
    items = iter(items)
    while chunk := tuple(islice(items, size)):
        yield chunk


def plant_rows(ids: Iterable[int], page_prefix: str) -> Iterator[open_data.PlantRow]:
    """The live plants of `ids`, in that order, as open_data rows: two queries per CHUNK ids."""
    for chunk in _batched(ids, CHUNK):
        found = {
            row[0]: row for row in PlantProfile.objects.live().filter(pk__in=chunk).values_list(*_FIELDS)
        }
        places = defaultdict(list)
        for profile_id, state in NativeRange.objects.filter(profile_id__in=chunk).values_list(
            "profile_id", "state"
        ):
            places[profile_id].append(state)
        for plant_id in chunk:
            if plant_id in found:
                yield _row(found[plant_id], tuple(places[plant_id]), page_prefix)


def _row(values: tuple, native_places: tuple[str, ...], page_prefix: str) -> open_data.PlantRow:
    (_, symbol, common, scientific, family, zone_min, zone_max, sun, part_shade, shade, water, rare,
     bloom, color, height, availability, evergreen, toxicity, publisher, year, title, slug) = values  # fmt: skip
    return open_data.PlantRow(
        symbol=symbol,
        common_name=common,
        scientific_name=scientific,
        family=family,
        zone_min=zone_min,
        zone_max=zone_max,
        light=(sun, part_shade, shade),
        water_need=water,
        native_places=native_places,
        is_rare=rare,
        bloom_period=bloom,
        flower_color=color,
        height_feet=height,
        availability=availability,
        evergreen=evergreen,
        toxicity=toxicity,
        source=f"{publisher} {year}. {title}" if publisher else "",
        url=f"{page_prefix}{slug}/",
    )


class _Line:
    """A file-like object csv.writer writes one row into, handed back as the row's text."""

    def write(self, text: str) -> str:
        return text


def csv_lines(rows: Iterable[open_data.PlantRow]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(open_data.HEADERS)
    for row in rows:
        yield writer.writerow(open_data.csv_row(open_data.record(row)))


def json_lines(rows: Iterable[open_data.PlantRow]) -> Iterator[str]:
    for row in rows:
        yield open_data.json_line(open_data.record(row))


def _encoded(lines: Iterable[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """The lines as UTF-8, in pieces of about `size` bytes rather than one tiny write per row."""
    buffer, length = [], 0
    for line in lines:
        buffer.append(line)
        length += len(line)
        if length >= size:
            yield "".join(buffer).encode()
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode()


def writer_for(fmt: str):
    return csv_lines if fmt == "csv" else json_lines


def finder_download(filterset: PlantFilter, fmt: str, page_prefix: str) -> StreamingHttpResponse:
    """The plants a valid finder filter gives, streamed as CSV or JSON Lines."""
    content_type, filename = FORMATS[fmt]
    rows = plant_rows(result_ids(filterset.results()), page_prefix)
    response = StreamingHttpResponse(_encoded(writer_for(fmt)(rows)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def citations() -> list[str]:
    """The sources the published profiles cite, the USDA PLANTS copy the traits come from, and NatureServe."""
    cited = DataSource.objects.filter(
        Q(profiles__in=PlantProfile.objects.live()) | Q(key=USDA_IMPORT_SOURCE["key"])
    ).distinct()
    return [*(source.citation for source in cited), open_data.NATURESERVE_CITATION]
