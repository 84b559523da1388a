"""The pages the benchmark measures, found in whatever database it runs against."""

from urllib.parse import urlencode

from django.db.models import Count

from plants.models import PlantProfile, Taxon

FINDER_FILTERED = "/plants/?zone=5b&light=full_sun&use=rock-garden"
# Two of the filters on USDA's growing data (bloom season, flower colour) beside zone and light.
FINDER_GROWING_DATA = "/plants/?zone=5b&light=full_sun&bloom=summer&color=yellow"
# Boulder, Colorado: zone 6a and the state from the in-memory ZIP tables.
FINDER_BY_ZIP = "/plants/?zip=80302&light=full_sun&use=rock-garden"
# On the real flora: a plant with USDA growing data, the one plant with an editor's
# article (the seed), and a word a gardener types that names many plants (171 taxa).
FLORA_PLANT = "SOCA6"  # Solidago canadensis, Canada goldenrod
FLORA_ALUMROOT = "HEPAM2"  # Heuchera parvifolia var. microcarpa, littleleaf alumroot
FLORA_SEARCH = "goldenrod"


def page_urls(flora: bool = False) -> dict[str, str]:
    published = PlantProfile.objects.live().order_by("pk")
    if flora:
        plant = PlantProfile.objects.get(usda_symbol=FLORA_PLANT)
        search = FLORA_SEARCH
    else:
        plant = published[published.count() // 2]
        # A plant's common name, as a gardener would type it: it matches at every size.
        search = plant.common_name.lower()
    family = Taxon.objects.filter(rank=90).annotate(n=Count("family_profiles")).order_by("-n", "pk").first()
    pages = {
        "home": "/",
        "finder": "/plants/",
        "finder, zone + light + use": FINDER_FILTERED,
        "finder, zone + light + bloom + color": FINDER_GROWING_DATA,
        "finder, ZIP + light + use": FINDER_BY_ZIP,
        "finder, text search": "/plants/?" + urlencode({"q": search}),
        "plant page": plant.get_absolute_url(),
        "plant page, ZIP question": plant.get_absolute_url() + "?zip=80302",
    }
    if flora:
        pages["plant page, alumroot"] = PlantProfile.objects.get(
            usda_symbol=FLORA_ALUMROOT
        ).get_absolute_url()
    pages["taxon page (family)"] = family.get_absolute_url()
    pages["sitemap index"] = "/sitemap.xml"
    pages["sitemap page"] = "/sitemap-plants.xml?p=2" if published.count() > 2000 else "/sitemap-plants.xml"
    pages["plant list, 100 plants"] = "/list/?plants=" + ",".join(
        published.values_list("usda_symbol", flat=True)[:100]
    )
    pages["API: plants, zone + light"] = "/api/plants/?zone=5b&light=full_sun"
    pages["API: a plant's record"] = f"/api/plants/{plant.usda_symbol}/"
    return pages
