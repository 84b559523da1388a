"""sitemap.xml: every published plant page and every taxon page."""

from django.contrib.sitemaps import Sitemap

from .models import PlantProfile, Taxon


class PlantSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return PlantProfile.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, plant):
        return plant.updated_at


class TaxonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4
    limit = 5000

    def items(self):
        return Taxon.objects.only("slug").order_by("pk")


SITEMAPS = {"plants": PlantSitemap, "taxa": TaxonSitemap}
