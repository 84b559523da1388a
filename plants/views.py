"""Public pages. Views stay thin: querysets come from the models and the finder's FilterSet."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from . import downloads, grows_here, place_tiles, plant_pages, search, zip_codes
from .filters import PlantFilter
from .forms import ZipCodeForm
from .models import PlantProfile, Rank, Taxon, UsdaPlace
from .structured_data import as_script_text
from .usda import profile_text

PLANTS_PER_PAGE = 24
CHILDREN_SHOWN = 200


class HomeView(TemplateView):
    template_name = "plants/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = PlantProfile.objects.live().for_cards()
        context["featured"] = published.featured().order_by("-updated_at", "-pk")[:6]
        context["rare_plants"] = published.filter(is_rare=True).order_by("common_name", "pk")[:6]
        context["families"] = Taxon.objects.families_with_plants()[:12]
        context["kingdoms"] = Taxon.objects.filter(rank=Rank.KINGDOM)
        context["filter"] = PlantFilter()
        return context


class PlantFinderView(ListView):
    """The plant finder: a plain GET form, so every result page has a shareable URL."""

    template_name = "plants/finder.html"
    context_object_name = "plants"
    paginate_by = PLANTS_PER_PAGE

    def get_queryset(self):
        self.filterset = PlantFilter(self.request.GET or None)
        if self.filterset.is_bound and not self.filterset.is_valid():
            return PlantProfile.objects.none()
        return self.filterset.results()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        context["filter"] = filterset
        context["valid"] = not filterset.is_bound or filterset.is_valid()
        context.update(facets=None, chips=[], advice=None, other_taxa=None)
        if context["valid"]:
            context["facets"] = filterset.facets()
            context["other_taxa"] = search.other_taxa(filterset.active.get("q", ""))
            context["chips"] = filterset.chips(self.request.GET)
            if not context["page_obj"].paginator.count and filterset.active:
                context["advice"] = filterset.loosening_advice()
        context["query_without_page"] = self.request.GET.copy()
        context["query_without_page"].pop("page", None)
        return context

    def render_to_response(self, context, **response_kwargs):
        if not context["valid"]:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class PlantDetailView(TemplateView):
    """A plant's page, from its stored page document (plants/plant_pages.py): one query."""

    template_name = "plants/plant_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Staff preview drafts and scheduled profiles on the public layout; everyone else gets a 404.
        page = plant_pages.page_for(kwargs["slug"], include_unpublished=self.request.user.is_staff)
        if page is None:
            raise Http404("No published plant profile has this address.")
        structured_data = page.structured_data(self.request.build_absolute_uri(self.request.path))
        context.update(page=page.document, profile=page, structured_data=as_script_text(structured_data))
        context.update(self._grows_here(page.document))
        usda = page.document["usda"]
        context["place_map"] = (
            place_tiles.place_map(usda["native_codes"], usda["introduced_codes"]) if usda else None
        )
        return context

    def _grows_here(self, document) -> dict:
        """The "Does it grow where I live?" form and, for a ZIP code, its answer (from memory: no query)."""
        form = ZipCodeForm(self.request.GET if "zip" in self.request.GET else None)
        code = form.cleaned_data["zip"] if form.is_bound and form.is_valid() else None
        place = zip_codes.table().find(code) if code else None
        return {
            "zip_form": form,
            "zip_message": place.summary if place else zip_codes.unknown_message(code) if code else None,
            "grows_here": grows_here.answer(document, place) if place else None,
        }

    def render_to_response(self, context, **response_kwargs):
        if context["zip_form"].errors:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class TaxonIndexView(TemplateView):
    template_name = "plants/taxon_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["divisions"] = Taxon.objects.families_by_division()
        return context


def introduced_only_in(taxon) -> list[str]:
    """Where USDA PLANTS lists a taxon that is native nowhere: the places it is introduced in."""
    record = getattr(taxon, "usda", None)  # selected with the taxon; None before any import
    if record is None:
        return []
    listed = list(record.places.values_list("place", "status"))
    if any(status == UsdaPlace.Status.NATIVE for _, status in listed):
        return []
    return profile_text.place_names(place for place, _ in listed)


class TaxonDetailView(DetailView):
    template_name = "plants/taxon_detail.html"
    context_object_name = "taxon"
    queryset = Taxon.objects.select_related("usda")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        taxon = self.object
        context["ancestors"] = [plant_pages.taxon_link(node) for node in taxon.ancestors()]
        # A big genus has hundreds of species: the first CHILDREN_SHOWN by name, all counted.
        counts = Taxon.objects.plant_counts_of_children(taxon)
        children = taxon.children.with_introduced().order_by("scientific_name")[:CHILDREN_SHOWN]
        context["children"] = [(child, counts.get(child.pk, 0)) for child in children]
        context["child_count"] = len(counts)
        context["introduced_in"] = introduced_only_in(taxon)
        plants = PlantProfile.objects.live().below(taxon).for_cards().order_by("common_name", "pk")
        try:
            page = Paginator(plants, PLANTS_PER_PAGE).page(self.request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("No such page of plants.") from error
        context["page_obj"], context["plants"] = page, page.object_list
        return context


def finder_download(request, fmt):
    """The finder's plants for the same query string, as CSV or JSON Lines, streamed."""
    filterset = PlantFilter(request.GET or None)
    if filterset.is_bound and not filterset.is_valid():
        errors = " ".join(error for field_errors in filterset.form.errors.values() for error in field_errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    return downloads.finder_download(filterset, fmt, request.build_absolute_uri(downloads.plant_prefix()))


def robots_txt(request):
    """Crawl the pages and the sitemap, not the finder's endless filter combinations or their downloads.

    The admin is not listed: that would publish its address (ADMIN_URL), and its
    pages already tell robots not to index them.
    """
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    download = reverse("plants:finder_download", kwargs={"fmt": "csv"}).removesuffix("csv")
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('plants:finder')}?",
        f"Disallow: {download}",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")
