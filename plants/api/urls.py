"""The API at /api/ (nativeplants/urls.py). The data's GETs are cached for anonymous clients like pages."""

from csp.decorators import csp_update
from django.urls import path, re_path

from plants.api import views
from plants.caching import cache_for_anonymous

app_name = "api"


def _cached(view):
    return cache_for_anonymous(view.as_view())


urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("plants/", _cached(views.PlantList), name="plants"),
    path("plants/<str:symbol>/", _cached(views.PlantDetail), name="plant"),
    path("taxa/", _cached(views.TaxonList), name="taxa"),
    path("taxa/<slug:slug>/", _cached(views.TaxonDetail), name="taxon"),
    path("zip/<str:code>/", _cached(views.ZipDetail), name="zip"),
    # Not from the page cache, whose key is the URL alone: the schema is YAML or JSON by the Accept header.
    path("schema/", views.SchemaView.as_view(), name="schema"),
    # Swagger UI's stylesheet draws its icons as data: images; nothing else needs a change to the CSP.
    path(
        "docs/",
        csp_update({"img-src": ["data:"]})(views.DocsView.as_view(url_name="api:schema")),
        name="docs",
    ),
    re_path(r"^(?P<rest>[\s\S]*)/$", views.NotFoundView.as_view(), name="not_found"),
]
