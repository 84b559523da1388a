"""sitemap.xml: an index of every published plant page and every taxon page.

Each section is split into pages of PAGE_SIZE URLs (sitemap-plants.xml?p=2),
so a page renders as fast with 50,000 plants as with 50.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import PlantProfile, Taxon

PAGE_SIZE = 1000


class PlantSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = PAGE_SIZE

    def items(self):
        return PlantProfile.objects.live().only("slug", "updated_at").order_by("pk")

    def lastmod(self, plant):
        return plant.updated_at

    def get_latest_lastmod(self):
        # Django's default walks every item; the index needs only the newest.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class TaxonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4
    limit = PAGE_SIZE

    def items(self):
        return Taxon.objects.only("slug").order_by("pk")


SITEMAPS = {"plants": PlantSitemap, "taxa": TaxonSitemap}
