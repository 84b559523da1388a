"""The plant list (issue #17): /list/?plants=HEPAM2,ASTU and its CSV and JSON downloads.

Everything comes from the address: the list lives in the visitor's browser
(plants/static/plants/list.js) and the site keeps nothing of it, so every
page is cacheable per URL.  The plants' page documents are read in one query
(plant_pages.documents_for_symbols); the planning is plain Python (plants/plant_lists).
"""

import csv
import io
import json
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from . import plant_pages, regions, zip_codes
from .forms import PlantListForm
from .plant_lists import bloom_calendar, entries, summary, symbols


@dataclass(frozen=True)
class PlantList:
    plants: list[entries.ListedPlant]
    notes: list[str]
    place: summary.Place
    place_message: str | None  # what the site found for the ZIP code

    @property
    def symbols(self) -> list[str]:
        return [plant.symbol for plant in self.plants]


def _read(form: PlantListForm) -> PlantList:
    """The list a valid form's address asks for: the live plants found, in order, and what was left out."""
    requested = form.cleaned_data["plants"]
    found = plant_pages.documents_for_symbols(requested.symbols, entries.DOCUMENT_KEYS)
    plants = [
        entries.ListedPlant(page.symbol, page.slug, page.document)
        for symbol in requested.symbols
        if (page := found.get(symbol))
    ]
    unknown = [symbol for symbol in requested.symbols if symbol not in found]
    code, state = form.cleaned_data["zip"], form.cleaned_data["state"]
    found_place = zip_codes.table().find(code) if code else None
    message = found_place.summary if found_place else zip_codes.unknown_message(code) if code else None
    place = summary.Place(
        state_name=regions.PLACES[state] if state else found_place.state_name if found_place else None,
        zone=found_place.zone if found_place else None,
    )
    return PlantList(plants, symbols.notes(requested, unknown), place, message)


def _plant_prefix() -> str:
    """The start of every plant page's path, "/plants/", reversed once for a whole list rather than per plant."""
    return reverse("plants:plant_detail", kwargs={"slug": "-"})[: -len("-/")]


def _address(form: PlantListForm, listed) -> str:
    """The list page's address for these symbols, keeping the visitor's ZIP code and state (checked values)."""
    place = urlencode({name: form.cleaned_data[name] for name in ("zip", "state") if form.cleaned_data[name]})
    return f"{reverse('plants:plant_list')}?{symbols.query(listed)}{'&' if place else ''}{place}"


def plant_list(request):
    form = PlantListForm(request.GET)
    if not form.is_valid():
        return render(request, "plants/plant_list.html", {"form": form, "listed": None}, status=400)
    listed = _read(form)
    found = listed.symbols
    calendar = bloom_calendar.rows(listed.plants)
    context = {
        "form": form,
        "listed": listed,
        "calendar": calendar,
        "months": bloom_calendar.MONTHS,
        "points": summary.summarize(listed.plants, calendar, listed.place),
        # A shared link carries the plants only: never the visitor's ZIP code or state.
        "share_url": request.build_absolute_uri(f"{reverse('plants:plant_list')}?{symbols.query(found)}"),
        "download_query": symbols.query(found),
        # What the plants' "Remove" buttons send with the symbol they remove.
        "list_fields": [
            ("plants", ",".join(found)),
            *((name, form.cleaned_data[name]) for name in ("zip", "state") if form.cleaned_data[name]),
        ],
        "clear_url": _address(form, []),
        "plant_prefix": _plant_prefix(),
    }
    return render(request, "plants/plant_list.html", context)


def _records(request, listed: PlantList) -> list[dict]:
    page = request.build_absolute_uri(_plant_prefix())
    return [entries.record(plant, f"{page}{plant.slug}/") for plant in listed.plants]


def _refused(form: PlantListForm) -> HttpResponse:
    errors = " ".join(error for field_errors in form.errors.values() for error in field_errors)
    return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")


def plant_list_csv(request):
    form = PlantListForm(request.GET)
    if not form.is_valid():
        return _refused(form)
    listed = _read(form)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(entries.HEADERS.values())
    writer.writerows(entries.csv_row(values) for values in _records(request, listed))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-plant-list.csv"'
    return response


def plant_list_json(request):
    form = PlantListForm(request.GET)
    if not form.is_valid():
        errors = {
            field: [error["message"] for error in found]
            for field, found in form.errors.get_json_data().items()
        }
        return JsonResponse({"errors": errors}, status=400)
    listed = _read(form)
    document = {
        "url": request.build_absolute_uri(f"{reverse('plants:plant_list')}?{symbols.query(listed.symbols)}"),
        "notes": listed.notes,
        "plants": _records(request, listed),
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-plant-list.json"'
    return response
