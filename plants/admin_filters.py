"""The plant profile list's filters: what editors narrow 23,000 profiles by.

Each filter is one queryset method of PlantProfileQuerySet, so the rule it
applies (what counts as an article, as growing data) is written once, in the
model, and costs one condition in the list's query, never a query per row.
"""

from django.contrib import admin

from .models.publication import Visibility


class VisibilityFilter(admin.SimpleListFilter):
    """Draft, scheduled or live: what the public sees right now."""

    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return Visibility.choices

    def queryset(self, request, queryset):
        if self.value() in Visibility.values:
            return queryset.filter(Visibility(self.value()).q())
        return queryset


class YesNoFilter(admin.SimpleListFilter):
    """A filter with Yes and No, each a queryset method's name; anything else lists every profile."""

    methods: dict[str, str]

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        method = self.methods.get(self.value())
        return getattr(queryset, method)() if method else queryset


class ArticleFilter(YesNoFilter):
    """Whether an editor has written the profile's article (an imported USDA stub has none)."""

    title = "has an article"
    parameter_name = "article"
    methods = {"yes": "with_article", "no": "awaiting_article"}


class GrowingDataFilter(YesNoFilter):
    """Whether USDA PLANTS has characteristics (bloom, height, soils...) for the profile's taxon."""

    title = "has USDA growing data"
    parameter_name = "growing_data"
    methods = {"yes": "with_growing_data", "no": "without_growing_data"}
