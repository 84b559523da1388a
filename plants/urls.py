from django.urls import path

from . import views
from .caching import cache_for_anonymous

app_name = "plants"

urlpatterns = [
    path("", cache_for_anonymous(views.HomeView.as_view()), name="home"),
    path("plants/", cache_for_anonymous(views.PlantFinderView.as_view()), name="finder"),
    path("plants/<slug:slug>/", cache_for_anonymous(views.PlantDetailView.as_view()), name="plant_detail"),
    path("taxa/", cache_for_anonymous(views.TaxonIndexView.as_view()), name="taxon_index"),
    path("taxa/<slug:slug>/", cache_for_anonymous(views.TaxonDetailView.as_view()), name="taxon_detail"),
]
