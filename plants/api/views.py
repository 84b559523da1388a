"""The API's views: thin. The finder's FilterSet filters and counts; records.py shapes the JSON.

Every response is JSON and allowed from any origin (the data is public, and
the API takes no cookies nor credentials).  GETs of the data are cached for
anonymous clients like pages (plants/caching.py, keyed by the content version:
the urls mark them), so a cache hit is served before the view and its
throttle run; only the work of a miss counts against a client's rate.
"""

import django_filters
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from plants import plant_pages, usda_symbols, zip_codes
from plants.api import records
from plants.api import serializers as shapes
from plants.filters import PlantFilter
from plants.models import Rank, Taxon

PAGE_SIZE = 24
MAX_PAGE_SIZE = 100
CHILDREN_SHOWN = 200
ERRORS = {
    400: OpenApiResponse(shapes.ErrorSerializer, description="A parameter is not valid: each field and why."),
    404: OpenApiResponse(shapes.ErrorSerializer, description="Nothing public at this address."),
    429: OpenApiResponse(shapes.ErrorSerializer, description="Too many requests: wait Retry-After seconds."),
}


class PublicView(APIView):
    """Read-only, anonymous, and readable from any origin."""

    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class PageQuery(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=PAGE_SIZE)


PAGE_PARAMETERS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="From 1."),
    OpenApiParameter(
        "page_size", OpenApiTypes.INT, description=f"1 to {MAX_PAGE_SIZE}; {PAGE_SIZE} if not given."
    ),
]


def paginated(request, items, summary) -> dict:
    """One page of `items` (anything Django's paginator takes) with its count and neighbours' URLs."""
    query = PageQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    number, size = query.validated_data["page"], query.validated_data["page_size"]
    paginator = Paginator(items, size)
    if number > paginator.num_pages:
        raise NotFound(f"There is no page {number}: the last is {paginator.num_pages}.")
    page = paginator.page(number)

    def url(to):
        params = request.query_params.copy()
        params["page"] = to
        return f"{request.path}?{params.urlencode()}"

    return {
        "count": paginator.count,
        "page": number,
        "page_size": size,
        "num_pages": paginator.num_pages,
        "next": url(number + 1) if page.has_next() else None,
        "previous": url(number - 1) if page.has_previous() else None,
        "results": [summary(item) for item in page.object_list],
    }


def _filter_parameters() -> list[OpenApiParameter]:
    """The finder's filters as query parameters: the same names, values and choices as /plants/."""
    parameters = []
    for name, each in PlantFilter.base_filters.items():
        many = isinstance(
            each, django_filters.MultipleChoiceFilter | django_filters.ModelMultipleChoiceFilter
        )
        kind = OpenApiTypes.BOOL if isinstance(each, django_filters.BooleanFilter) else OpenApiTypes.STR
        choices = each.extra.get("choices")
        parameters.append(
            OpenApiParameter(
                name,
                kind,
                many=many,
                explode=True if many else None,
                enum=[value for value, _ in choices] if isinstance(choices, list | tuple) else None,
                description=str(each.label),
            )
        )
    return parameters


class PlantList(PublicView):
    @extend_schema(
        operation_id="list_plants",
        summary="Plants, filtered as the finder filters them, with its counts",
        parameters=[*_filter_parameters(), *PAGE_PARAMETERS],
        responses={200: shapes.PlantListSerializer, **ERRORS},
    )
    def get(self, request):
        finder = PlantFilter(request.query_params)
        if not finder.is_valid():
            raise ValidationError(dict(finder.form.errors.items()))
        body = paginated(request, finder.results(), records.plant_summary)
        body["facets"] = {
            group: {
                "label": str(finder.filters[group].label),
                "options": [
                    {"value": o.value, "label": str(o.label), "count": o.count, "selected": o.selected}
                    for o in facet.options
                ],
                "without_value": facet.without_value,
            }
            for group, facet in finder.facets().items()
        }
        return Response(body)


class PlantDetail(PublicView):
    @extend_schema(
        operation_id="get_plant",
        summary="Every fact of a plant's page, each group with its source and licence",
        parameters=[
            OpenApiParameter(
                "symbol",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="A USDA PLANTS symbol, in any letter case.",
                examples=[OpenApiExample("Littleleaf alumroot", value="HEPAM2")],
            )
        ],
        responses={200: shapes.PlantRecordSerializer, **ERRORS},
    )
    def get(self, request, symbol):
        symbol = symbol.upper()
        # Text that is no symbol names no plant (and never reaches the database: NUL bytes would fail there).
        found = (
            plant_pages.documents_for_symbols([symbol]).get(symbol)
            if usda_symbols.is_usda_symbol(symbol)
            else None
        )
        if found is None:
            raise NotFound(f"No published plant has the USDA symbol {symbol}.")
        return Response(records.plant_record(found.symbol, found.slug, found.document))


class TaxonQuery(serializers.Serializer):
    rank = serializers.ChoiceField(choices=[name.lower() for name in Rank.names], required=False)
    parent = serializers.SlugField(required=False)


class TaxonList(PublicView):
    @extend_schema(
        operation_id="list_taxa",
        summary="The classification: every taxon with its parent, by rank then name",
        parameters=[
            OpenApiParameter("rank", OpenApiTypes.STR, enum=[name.lower() for name in Rank.names]),
            OpenApiParameter("parent", OpenApiTypes.STR, description="A taxon's slug: its children only."),
            *PAGE_PARAMETERS,
        ],
        responses={200: shapes.TaxonListSerializer, **ERRORS},
    )
    def get(self, request):
        query = TaxonQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        taxa = Taxon.objects.select_related("parent").order_by("rank", "scientific_name", "pk")
        if "rank" in query.validated_data:
            taxa = taxa.filter(rank=Rank[query.validated_data["rank"].upper()])
        if "parent" in query.validated_data:
            taxa = taxa.filter(parent__slug=query.validated_data["parent"])
        return Response(paginated(request, taxa, records.taxon_summary))


class TaxonDetail(PublicView):
    @extend_schema(
        operation_id="get_taxon",
        summary="A taxon with its ancestors and children",
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                examples=[OpenApiExample("Saxifrage family", value="saxifragaceae")],
            )
        ],
        responses={200: shapes.TaxonDetailSerializer, **ERRORS},
    )
    def get(self, request, slug):
        taxon = get_object_or_404(Taxon.objects.select_related("parent"), slug=slug)
        counts = Taxon.objects.plant_counts_of_children(taxon)
        children = taxon.children.order_by("scientific_name", "pk")[:CHILDREN_SHOWN]
        body = records.taxon_detail(taxon, taxon.ancestors(), children, counts, len(counts))
        return Response(body)


class ZipDetail(PublicView):
    @extend_schema(
        operation_id="get_zip_code",
        summary="The hardiness zone (and which map gave it), state and city of a ZIP code",
        parameters=[
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                pattern="^[0-9]{5}$",
                description="Five digits.",
                examples=[OpenApiExample("Boulder, Colorado", value="80302")],
            )
        ],
        responses={200: shapes.ZipPlaceSerializer, **ERRORS},
    )
    def get(self, request, code):
        try:
            code = zip_codes.clean(code)
        except zip_codes.ZipCodeError as error:
            raise ValidationError({"code": [str(error)]}) from None
        place = zip_codes.table().find(code)
        if place is None:
            raise NotFound(zip_codes.unknown_message(code))
        return Response(records.zip_place(place))


class Index(PublicView):
    """/api/ itself: where the endpoints and their documentation are."""

    @extend_schema(exclude=True)
    def get(self, request):
        return Response(
            {
                "plants": records.api_url("plants"),
                "taxa": records.api_url("taxa"),
                "zip": records.api_url("zip", code="80302").replace("80302", "{code}"),
                "schema": records.api_url("schema"),
                "docs": records.api_url("docs"),
            }
        )


class NotFoundView(PublicView):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""

    @extend_schema(exclude=True)
    def get(self, request, rest=""):
        raise NotFound("There is no API endpoint at this address; see /api/docs/.")


class SchemaView(SpectacularAPIView):
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class DocsView(SpectacularSwaggerSplitView):
    # The package's page with its inline <style> moved to a static file: the site's CSP allows no inline style.
    template_name = "api/swagger_ui.html"
    throttle_classes = []
