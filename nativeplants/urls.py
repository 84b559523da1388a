"""Root URLs: the public site, the JSON API, sitemap and robots.txt, the health check, and the admin (at ADMIN_URL)."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from nativeplants.health import healthz
from plants.sitemaps import SITEMAPS
from plants.views import robots_txt

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    # An index of sections split into pages, so no one file grows with the catalogue.
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("api/", include("plants.api.urls")),
    path("", include("plants.urls")),
]

# Uploaded photos; in production the web server or object storage serves them.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
