"""The editors' workspace: every model editable, a profile on one page.

Changelists select their related rows up front, so a list of ten thousand
profiles costs the same handful of queries as a list of ten.
"""

from django.contrib import admin

from . import models


@admin.register(models.Taxon)
class TaxonAdmin(admin.ModelAdmin):
    list_display = ["scientific_name", "authority", "rank", "common_name", "parent"]
    list_filter = ["rank"]
    search_fields = ["scientific_name", "common_name", "authority"]
    prepopulated_fields = {"slug": ["scientific_name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    ordering = ["rank", "scientific_name"]


class ArticleSectionInline(admin.StackedInline):
    model = models.ArticleSection
    extra = 0
    fields = ["order", "heading", "body", "shows"]


class CareTipInline(admin.TabularInline):
    model = models.CareTip
    extra = 0
    fields = ["order", "category", "text"]


class PlantGardenUseInline(admin.TabularInline):
    model = models.PlantGardenUse
    extra = 0
    autocomplete_fields = ["garden_use"]
    fields = ["order", "garden_use", "note"]


class WildlifeSupportInline(admin.TabularInline):
    model = models.WildlifeSupport
    extra = 0
    autocomplete_fields = ["wildlife"]


class NativeStatusInline(admin.TabularInline):
    model = models.NativeStatus
    extra = 0


class NativeRangeInline(admin.TabularInline):
    model = models.NativeRange
    extra = 0


class ConservationStatusInline(admin.TabularInline):
    model = models.ConservationStatus
    extra = 0
    fields = ["scope", "region", "rank", "explanation"]


@admin.register(models.PlantProfile)
class PlantProfileAdmin(admin.ModelAdmin):
    list_display = ["common_name", "botanical_name", "usda_symbol", "zone_range", "status", "updated_at"]
    list_filter = ["status", "usda_group", "life_cycle_perennial", "habit_forb", "habit_tree", "habit_shrub"]
    search_fields = ["common_name", "usda_symbol", "taxon__scientific_name", "title"]
    prepopulated_fields = {"slug": ["common_name"]}
    autocomplete_fields = ["taxon"]
    list_select_related = ["taxon"]
    date_hierarchy = "updated_at"
    readonly_fields = ["created_at", "updated_at"]
    save_on_top = True
    inlines = [
        ArticleSectionInline,
        PlantGardenUseInline,
        CareTipInline,
        WildlifeSupportInline,
        NativeStatusInline,
        NativeRangeInline,
        ConservationStatusInline,
    ]
    fieldsets = [
        (None, {"fields": ["common_name", "slug", "taxon", "usda_symbol", "usda_group"]}),
        ("Article", {"fields": ["title", "summary"]}),
        ("Life cycle", {"fields": ["life_cycle_annual", "life_cycle_biennial", "life_cycle_perennial"]}),
        (
            "Growth habit",
            {
                "fields": [
                    ("habit_forb", "habit_graminoid", "habit_lichenous", "habit_nonvascular"),
                    ("habit_shrub", "habit_subshrub", "habit_tree", "habit_vine"),
                ]
            },
        ),
        (
            "Growing conditions",
            {
                "fields": [
                    ("zone_min", "zone_max"),
                    "climate_notes",
                    ("light_full_sun", "light_partial_shade", "light_full_shade"),
                    "light_notes",
                    "soil_notes",
                    "water_need",
                    "water_notes",
                ]
            },
        ),
        ("Source", {"fields": ["data_source"]}),
        ("Publication", {"fields": ["status", "published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description="Botanical name", ordering="taxon__scientific_name")
    def botanical_name(self, profile):
        return profile.taxon.scientific_name

    @admin.display(description="Zones")
    def zone_range(self, profile):
        return profile.zone_range or "—"


@admin.register(models.GardenUse)
class GardenUseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Wildlife)
class WildlifeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.DataSource)
class DataSourceAdmin(admin.ModelAdmin):
    list_display = ["publisher", "year", "title", "accessed", "url"]
    search_fields = ["publisher", "title", "key"]
    prepopulated_fields = {"key": ["publisher", "title"]}


class ProfilePartAdmin(admin.ModelAdmin):
    """Rows usually edited inline on their profile, listed here to search across plants."""

    list_display = ["__str__", "profile"]
    list_select_related = ["profile__taxon"]
    autocomplete_fields = ["profile"]


@admin.register(models.ConservationStatus)
class ConservationStatusAdmin(ProfilePartAdmin):
    list_display = ["profile", "scope", "region", "rank"]
    list_filter = ["scope"]
    search_fields = ["rank", "profile__common_name", "profile__usda_symbol"]
    list_select_related = ["profile__taxon"]
    autocomplete_fields = ["profile"]


@admin.register(models.CareTip)
class CareTipAdmin(ProfilePartAdmin):
    list_display = ["text", "category", "profile", "order"]
    list_filter = ["category"]
    search_fields = ["text", "profile__common_name"]
    list_select_related = ["profile__taxon"]
    autocomplete_fields = ["profile"]


@admin.register(models.ArticleSection)
class ArticleSectionAdmin(ProfilePartAdmin):
    list_display = ["heading", "profile", "order", "shows"]
    list_filter = ["shows"]
    search_fields = ["heading", "body", "profile__common_name"]
    list_select_related = ["profile__taxon"]
    autocomplete_fields = ["profile"]


@admin.register(models.NativeStatus)
class NativeStatusAdmin(ProfilePartAdmin):
    list_filter = ["region", "status"]
    search_fields = ["profile__common_name", "region"]


@admin.register(models.NativeRange)
class NativeRangeAdmin(ProfilePartAdmin):
    list_filter = ["state"]
    search_fields = ["profile__common_name", "state"]


@admin.register(models.PlantGardenUse)
class PlantGardenUseAdmin(ProfilePartAdmin):
    list_display = ["__str__", "garden_use", "profile"]
    list_filter = ["garden_use"]
    list_select_related = ["profile__taxon", "garden_use"]
    search_fields = ["profile__common_name", "garden_use__name", "note"]
    autocomplete_fields = ["profile", "garden_use"]


@admin.register(models.WildlifeSupport)
class WildlifeSupportAdmin(ProfilePartAdmin):
    list_display = ["__str__", "profile"]
    list_select_related = ["profile__taxon", "wildlife"]
    search_fields = ["profile__common_name", "wildlife__name"]
    autocomplete_fields = ["profile", "wildlife"]


admin.site.site_header = "Native Plants editors"
admin.site.site_title = "Native Plants admin"
admin.site.index_title = "Content"
