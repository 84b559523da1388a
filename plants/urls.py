from django.urls import path, re_path

from . import list_views, views
from .caching import cache_for_anonymous

app_name = "plants"

urlpatterns = [
    path("", cache_for_anonymous(views.HomeView.as_view()), name="home"),
    path("plants/", cache_for_anonymous(views.PlantFinderView.as_view()), name="finder"),
    # Streamed, so never through the page cache (which keeps whole responses).
    re_path(r"^plants/download\.(?P<fmt>csv|jsonl)$", views.finder_download, name="finder_download"),
    path("plants/<slug:slug>/", cache_for_anonymous(views.PlantDetailView.as_view()), name="plant_detail"),
    path("list/", cache_for_anonymous(list_views.plant_list), name="plant_list"),
    path("list/plants.csv", cache_for_anonymous(list_views.plant_list_csv), name="plant_list_csv"),
    path("list/plants.json", cache_for_anonymous(list_views.plant_list_json), name="plant_list_json"),
    path("taxa/", cache_for_anonymous(views.TaxonIndexView.as_view()), name="taxon_index"),
    path("taxa/<slug:slug>/", cache_for_anonymous(views.TaxonDetailView.as_view()), name="taxon_detail"),
]
