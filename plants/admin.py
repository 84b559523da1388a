"""The editors' workspace: every model editable, a profile on one page.

Changelists select their related rows up front, so a list of ten thousand
profiles costs the same handful of queries as a list of ten.  Every request
that writes is one change on the write path (plants/content.py): a profile's
save, its inlines' saves, then one refresh of what they made stale.
"""

from contextlib import nullcontext

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext

from . import content, models
from .admin_filters import ArticleFilter, GrowingDataFilter, VisibilityFilter
from .forms import PlantImageForm, PlantProfileAdminForm, ProfileRowsFormSet, UniqueOrderInlineFormSet
from .models.publication import Visibility
from .usda import growing_data


class ContentAdmin(admin.ModelAdmin):
    """A model admin whose writes go through the write path: one refresh per request, after the inlines."""

    def changeform_view(self, request, *args, **kwargs):
        with self._change(request):
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with self._change(request):
            return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        # Bulk actions (delete, publish) and list_editable saves post to the changelist.
        with self._change(request):
            return super().changelist_view(request, *args, **kwargs)

    @staticmethod
    def _change(request):
        return content.change() if request.method == "POST" else nullcontext()


@admin.register(models.Taxon)
class TaxonAdmin(ContentAdmin):
    list_display = ["scientific_name", "authority", "rank", "common_name", "parent"]
    list_filter = ["rank"]
    search_fields = ["scientific_name", "common_name", "authority"]
    search_help_text = "A scientific or common name, an authority, or a USDA symbol (ACRU)."
    prepopulated_fields = {"slug": ["scientific_name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    ordering = ["rank", "scientific_name"]

    def get_search_results(self, request, queryset, search_term):
        """Names as Django searches them, and the taxa whose USDA symbol is one of the words.

        A symbol is matched whole through a subquery of USDA's records: at 37,000 taxa a join
        to them for every search took longer than all the name matching.
        """
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        symbols = [word.upper() for word in search_term.split()]
        if symbols:
            records = models.UsdaRecord.objects.filter(symbol__in=symbols)
            found |= queryset.filter(pk__in=records.values("taxon_id"))
        return found, may_have_duplicates


class ArticleSectionInline(admin.StackedInline):
    model = models.ArticleSection
    formset = UniqueOrderInlineFormSet
    extra = 0
    fields = ["order", "heading", "body", "shows"]


class CareTipInline(admin.TabularInline):
    model = models.CareTip
    formset = UniqueOrderInlineFormSet
    extra = 0
    fields = ["order", "category", "text"]


class PlantGardenUseInline(admin.TabularInline):
    model = models.PlantGardenUse
    formset = ProfileRowsFormSet
    verbose_name = "garden use"
    verbose_name_plural = "garden uses"
    extra = 0
    autocomplete_fields = ["garden_use"]
    fields = ["order", "garden_use", "note"]


class WildlifeSupportInline(admin.TabularInline):
    model = models.WildlifeSupport
    formset = ProfileRowsFormSet
    extra = 0
    autocomplete_fields = ["wildlife"]


class NativeStatusInline(admin.TabularInline):
    model = models.NativeStatus
    formset = ProfileRowsFormSet
    extra = 0


class NativeRangeInline(admin.TabularInline):
    model = models.NativeRange
    formset = ProfileRowsFormSet
    extra = 0


@admin.display(description="Plain-language reading")
def rank_reading(status):
    """What the page will say about the rank, so editors can check a code as they type it."""
    if not status.pk:
        return "—"
    decoded = status.decoded
    notes = " ".join(decoded.notes)
    return f"{decoded.summary} {notes}".strip() if decoded.is_decoded else notes


class ConservationStatusInline(admin.TabularInline):
    model = models.ConservationStatus
    formset = ProfileRowsFormSet
    extra = 0
    fields = ["scope", "region", "rank", "explanation", rank_reading]
    readonly_fields = [rank_reading]


@admin.display(description="Preview")
def image_preview(image):
    if not image.pk or not image.renditions:
        return "—"
    first = image.renditions[0]
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" style="max-width:160px;height:auto">',
        image.image.storage.url(first["name"]),
        first["width"],
        first["height"],
        image.alt_text,
    )


class PlantImageInline(admin.StackedInline):
    model = models.PlantImage
    form = PlantImageForm
    formset = UniqueOrderInlineFormSet
    extra = 0
    fields = ["order", "image", image_preview, "alt_text", "credit", "licence", "source_url"]
    readonly_fields = [image_preview]


@admin.register(models.PlantProfile)
class PlantProfileAdmin(ContentAdmin):
    form = PlantProfileAdminForm
    list_display = [
        "common_name",
        "botanical_name",
        "usda_symbol",
        "zone_range",
        "visibility",
        "is_rare",
        "updated_at",
    ]
    list_filter = [
        VisibilityFilter,
        ArticleFilter,
        GrowingDataFilter,
        "is_rare",
        "usda_group",
        "life_cycle_perennial",
        "habit_forb",
        "habit_tree",
        "habit_shrub",
    ]
    actions = ["publish", "unpublish"]
    # The names search reads (common and botanical names, symbol, family), stored on the row:
    # one column to scan at 23,000 profiles, no join to the taxa.
    search_fields = ["search_names"]
    search_help_text = "A common or botanical name, a family, or a USDA symbol (HEPAM2)."
    prepopulated_fields = {"slug": ["common_name"]}
    autocomplete_fields = ["taxon"]
    list_select_related = ["taxon"]
    readonly_fields = ["family", "is_rare", "created_at", "updated_at", "usda_values"]
    save_on_top = True
    inlines = [
        PlantImageInline,
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
        ("From USDA PLANTS (read-only: the import keeps them)", {"fields": ["usda_values"]}),
        ("Derived from the rows above", {"fields": ["family", "is_rare"]}),
        (
            "Publication",
            {"fields": ["status", "published_at", "created_at", "updated_at", "loaded_updated_at"]},
        ),
    ]

    @admin.display(description="USDA's values")
    def usda_values(self, profile):
        record = getattr(profile.taxon, "usda", None) if profile.taxon_id else None
        if record is None:
            return "No USDA PLANTS record for this taxon (manage.py import_usda writes them)."
        facts = growing_data.facts(vars(record)) or [("Growing data", "none in USDA PLANTS")]
        places = {status: [] for status in models.UsdaPlace.Status.values}
        for place, status in record.places.values_list("place", "status"):
            places[status].append(place)
        facts += [
            (f"{label} in", ", ".join(sorted(places[status])))
            for status, label in models.UsdaPlace.Status.choices
            if places[status]
        ]
        rows = format_html_join("", "<dt>{}</dt><dd>{}</dd>", facts)
        return format_html(
            "<dl>{}</dl><p>{} {}, as copied on {}.</p>",
            rows,
            record.symbol,
            record.common_name,
            record.accessed,
        )

    @admin.display(description="Botanical name", ordering="taxon__scientific_name")
    def botanical_name(self, profile):
        return profile.taxon.scientific_name

    @admin.display(description="Zones")
    def zone_range(self, profile):
        return profile.zone_range or "—"

    @admin.display(description="Visibility", ordering="published_at")
    def visibility(self, profile):
        if profile.visibility == Visibility.SCHEDULED:
            return f"Scheduled for {date_format(timezone.localtime(profile.published_at), 'DATETIME_FORMAT')}"
        return profile.visibility.label

    @admin.action(description="Publish selected plant profiles now", permissions=["change"])
    def publish(self, request, queryset):
        now = timezone.now()
        to_publish = queryset.exclude(Visibility.LIVE.q(now=now))
        changed = list(to_publish.values_list("pk", flat=True))
        count = to_publish.update(status=models.PublicationStatus.PUBLISHED, published_at=now, updated_at=now)
        self._log_bulk(request, changed, "Published.")
        message = ngettext("Published %(count)d plant profile.", "Published %(count)d plant profiles.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description="Unpublish selected plant profiles (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        to_draft = queryset.exclude(Visibility.DRAFT.q())
        changed = list(to_draft.values_list("pk", flat=True))
        count = to_draft.update(status=models.PublicationStatus.DRAFT, updated_at=timezone.now())
        self._log_bulk(request, changed, "Unpublished.")
        message = ngettext(
            "Unpublished %(count)d plant profile.", "Unpublished %(count)d plant profiles.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    def _log_bulk(self, request, pks, message):
        """One history entry per profile, written in one query; the change is noted (update() sends no signals)."""
        with content.noting() as change:
            # Pages read publication beside their documents, and no derived column depends
            # on it: only the content version (cached pages, finder indexes) goes stale.
            change.publication(pks)
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=models.PlantProfile.objects.filter(pk__in=pks).select_related("taxon"),
            action_flag=CHANGE,
            change_message=message,
            single_object=False,
        )


@admin.register(models.GardenUse)
class GardenUseAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Wildlife)
class WildlifeAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.DataSource)
class DataSourceAdmin(ContentAdmin):
    list_display = ["publisher", "year", "title", "accessed", "url"]
    search_fields = ["publisher", "title", "key"]
    prepopulated_fields = {"key": ["publisher", "title"]}


class ProfilePartAdmin(ContentAdmin):
    """Rows usually edited inline on their profile, listed here to search across plants."""

    list_display = ["__str__", "profile"]
    list_select_related = ["profile__taxon"]
    autocomplete_fields = ["profile"]


@admin.register(models.ConservationStatus)
class ConservationStatusAdmin(ProfilePartAdmin):
    list_display = ["profile", "scope", "region", "rank", rank_reading]
    readonly_fields = [rank_reading]
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


@admin.register(models.PlantImage)
class PlantImageAdmin(ProfilePartAdmin):
    form = PlantImageForm
    list_display = [image_preview, "alt_text", "profile", "order", "credit", "licence"]
    list_filter = ["licence"]
    search_fields = ["alt_text", "credit", "profile__common_name"]
    fields = ["profile", "order", "image", image_preview, "alt_text", "credit", "licence", "source_url"]
    readonly_fields = [image_preview]


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
