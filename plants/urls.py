from django.urls import path

from . import views

app_name = "plants"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("plants/", views.PlantFinderView.as_view(), name="finder"),
    path("plants/<slug:slug>/", views.PlantDetailView.as_view(), name="plant_detail"),
    path("taxa/", views.TaxonIndexView.as_view(), name="taxon_index"),
    path("taxa/<slug:slug>/", views.TaxonDetailView.as_view(), name="taxon_detail"),
]
