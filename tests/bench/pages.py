"""The pages the benchmark measures, found in whatever database it runs against."""

from urllib.parse import urlencode

from django.db.models import Count

from plants.models import PlantProfile, Taxon

FINDER_FILTERED = "/plants/?zone=5b&light=full_sun&use=rock-garden"
# Boulder, Colorado: zone 6a and the state from the in-memory ZIP tables.
FINDER_BY_ZIP = "/plants/?zip=80302&light=full_sun&use=rock-garden"


def page_urls() -> dict[str, str]:
    published = PlantProfile.objects.live().order_by("pk")
    plant = published[published.count() // 2]
    family = Taxon.objects.filter(rank=90).annotate(n=Count("family_profiles")).order_by("-n", "pk").first()
    return {
        "home": "/",
        "finder": "/plants/",
        "finder, zone + light + use": FINDER_FILTERED,
        "finder, ZIP + light + use": FINDER_BY_ZIP,
        # A plant's common name, as a gardener would type it: it matches at every size.
        "finder, text search": "/plants/?" + urlencode({"q": plant.common_name.lower()}),
        "plant page": plant.get_absolute_url(),
        "plant page, ZIP question": plant.get_absolute_url() + "?zip=80302",
        "taxon page (family)": family.get_absolute_url(),
        "sitemap index": "/sitemap.xml",
        "sitemap page": "/sitemap-plants.xml?p=2" if published.count() > 2000 else "/sitemap-plants.xml",
        "plant list, 100 plants": "/list/?plants="
        + ",".join(published.values_list("usda_symbol", flat=True)[:100]),
    }
