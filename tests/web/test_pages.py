"""Home, taxon pages, SEO (sitemap, robots, canonical, Open Graph, JSON-LD), errors, query counts."""

import json
import re

import pytest
from django.urls import reverse

from plants.models import PlantProfile, Rank, Taxon
from tests.support import factories


def test_home_has_search_filters_featured_rare_and_taxonomy(client, alumroot):
    html = client.get("/").content.decode()
    assert html.count("<h1") == 1
    for text in ['name="q"', 'name="zone"', 'name="light"', 'name="use"', "Featured plants", "Rare plants"]:
        assert text in html, text
    assert 'value="rock-garden"' in html
    assert reverse("plants:taxon_detail", kwargs={"slug": "saxifragaceae"}) in html
    assert "Littleleaf Alumroot" in html


def test_taxon_page_shows_rank_ancestors_children_and_plants(client, alumroot):
    html = client.get("/taxa/heuchera/").content.decode()
    assert "Genus" in html and "<i>Heuchera</i>" in html and "L." in html and "alumroot" in html
    for ancestor in ["plantae", "rosales", "saxifragaceae"]:
        assert f'href="/taxa/{ancestor}/"' in html
    assert 'href="/taxa/heuchera-parvifolia/"' in html  # child
    assert 'href="/plants/littleleaf-alumroot/"' in html


def test_kingdom_page_reaches_the_plant(client, alumroot):
    html = client.get("/taxa/plantae/").content.decode()
    assert "Kingdom" in html and 'href="/plants/littleleaf-alumroot/"' in html


def test_taxon_index_lists_families_with_counts(client, alumroot):
    html = client.get(reverse("plants:taxon_index")).content.decode()
    assert "Saxifragaceae" in html and "(1 native plant)" in html


def test_drafts_are_hidden_everywhere(client, alumroot):
    PlantProfile.objects.update(status="draft")
    assert client.get(alumroot.get_absolute_url()).status_code == 404
    assert "Littleleaf" not in client.get("/taxa/heuchera/").content.decode()
    assert "Littleleaf" not in client.get("/").content.decode()
    assert "littleleaf" not in client.get("/sitemap-plants.xml").content.decode()


def test_404_page_is_in_the_site_design(client, db):
    response = client.get("/plants/no-such-plant/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode() and "site-header" in response.content.decode()


def test_sitemap_is_split_into_pages(client, db, monkeypatch):
    from plants import sitemaps

    monkeypatch.setattr(sitemaps.PlantSitemap, "limit", 3)
    plants = factories.make_plants(7)
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-plants.xml?p=3" in index
    assert "sitemap-plants.xml?p=4" not in index
    last_page = client.get("/sitemap-plants.xml", {"p": 3}).content.decode()
    assert last_page.count("<url>") == 1 and plants[-1].get_absolute_url() in last_page
    assert client.get("/sitemap-plants.xml", {"p": 9}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_does_not_give_away_the_admin_whose_pages_say_noindex(client, settings):
    assert settings.ADMIN_URL.strip("/") not in client.get("/robots.txt").content.decode()
    login = client.get(f"/{settings.ADMIN_URL}login/").content.decode()
    assert '<meta name="robots" content="NONE,NOARCHIVE">' in login


def test_500_template_renders_without_context():
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_robots_and_sitemap(client, alumroot):
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert robots == [
        "User-agent: *",
        "Disallow: /plants/?",
        "Disallow: /plants/download.",
        "Sitemap: http://testserver/sitemap.xml",
    ]
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-plants.xml" in index and "http://testserver/sitemap-taxa.xml" in index
    assert (
        "http://testserver/plants/littleleaf-alumroot/" in client.get("/sitemap-plants.xml").content.decode()
    )
    sitemap = client.get("/sitemap-taxa.xml").content.decode()
    for taxon in Taxon.objects.all():
        assert f"http://testserver/taxa/{taxon.slug}/" in sitemap


def test_plant_page_meta_open_graph_and_json_ld(client, alumroot):
    html = client.get(alumroot.get_absolute_url()).content.decode()
    assert "<title>Littleleaf Alumroot (Heuchera parvifolia var. microcarpa) · Native Plants</title>" in html
    assert '<link rel="canonical" href="http://testserver/plants/littleleaf-alumroot/">' in html
    assert '<meta name="description" content="If you’re looking for a truly special' in html
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<meta property="og:title" content="Littleleaf Alumroot (Heuchera parvifolia var. microcarpa)">'
        in html
    )
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Article" and data["about"]["name"] == "Heuchera parvifolia var. microcarpa"
    assert data["about"]["taxonRank"] == "variety" and data["about"]["identifier"] == "HEPAM2"
    assert data["about"]["parentTaxon"]["name"] == "Heuchera parvifolia"


def test_json_ld_cannot_close_its_script_tag(client, alumroot):
    alumroot.title = "</script><script>alert(1)</script>"
    alumroot.save()
    html = client.get(alumroot.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html


def test_every_page_has_one_h1_and_labelled_search(client, alumroot):
    for url in ["/", "/plants/", alumroot.get_absolute_url(), "/taxa/", "/taxa/saxifragaceae/"]:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url
        assert '<html lang="en">' in html


def count_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url_of", ["plant", "genus", "family", "kingdom", "home", "sitemap", "sitemap-plants"]
)
def test_page_queries_do_not_grow_with_plants(client, db, django_assert_max_num_queries, url_of):
    genus = factories.genus_chain()
    first = factories.plant(genus=genus, uses=("meadow",), rank_code="G2")
    factories.make_plants(4, genus=genus, uses=("meadow",))
    urls = {
        "plant": first.get_absolute_url(),
        "genus": genus.get_absolute_url(),
        "family": genus.parent.get_absolute_url(),
        "kingdom": Taxon.objects.get(rank=Rank.KINGDOM).get_absolute_url(),
        "home": "/",
        "sitemap": "/sitemap.xml",
        "sitemap-plants": "/sitemap-plants.xml",
    }
    small = count_queries(client, urls[url_of], django_assert_max_num_queries)
    factories.make_plants(195, genus=genus, uses=("meadow", "hedge"), rank_code="G3")
    assert count_queries(client, urls[url_of], django_assert_max_num_queries) == small
    assert small <= 12


def test_taxon_page_lists_its_plants_a_page_at_a_time(client, db):
    genus = factories.genus_chain()
    factories.make_plants(30, genus=genus)
    first = client.get(genus.parent.get_absolute_url())
    html = first.content.decode()
    assert 'Native plants <span class="count">(30)</span>' in html
    assert html.count('class="card"') == 24 and "Page 1 of 2" in html
    second = client.get(genus.parent.get_absolute_url(), {"page": 2}).content.decode()
    assert second.count('class="card"') == 6
    assert client.get(genus.parent.get_absolute_url(), {"page": 3}).status_code == 404
    assert client.get(genus.parent.get_absolute_url(), {"page": "abc"}).status_code == 404
