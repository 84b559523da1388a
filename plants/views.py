"""Public pages. Views stay thin: the querysets come from the models' managers."""

from django.views.generic import DetailView, ListView, TemplateView

from .models import PlantProfile, Rank, Taxon


class HomeView(TemplateView):
    template_name = "plants/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["featured"] = PlantProfile.objects.published().for_cards()[:6]
        context["kingdoms"] = Taxon.objects.filter(rank=Rank.KINGDOM)
        return context


class PlantFinderView(ListView):
    template_name = "plants/finder.html"
    context_object_name = "plants"
    paginate_by = 24

    def get_queryset(self):
        return PlantProfile.objects.published().for_cards()


class PlantDetailView(DetailView):
    template_name = "plants/plant_detail.html"
    context_object_name = "plant"

    def get_queryset(self):
        return PlantProfile.objects.published().for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lineage"] = list(self.object.taxon.lineage())
        return context


class TaxonIndexView(ListView):
    template_name = "plants/taxon_index.html"
    context_object_name = "taxa"

    def get_queryset(self):
        return Taxon.objects.filter(rank__lte=Rank.FAMILY).select_related("parent")


class TaxonDetailView(DetailView):
    template_name = "plants/taxon_detail.html"
    context_object_name = "taxon"
    queryset = Taxon.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        taxon = self.object
        context["ancestors"] = list(taxon.ancestors())
        context["children"] = list(taxon.children.all())
        context["plants"] = list(PlantProfile.objects.published().below(taxon).for_cards())
        return context
