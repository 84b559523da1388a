"""The shapes of the API's responses, for its OpenAPI schema.

The views build their JSON as plain dicts (plants/api/records.py: a plant's
record costs a fraction of serializing it field by field); these serializers
declare the same shapes, and the schemathesis test checks that every
response keeps to them.
"""

from rest_framework import serializers as s


def _text(**kwargs):
    return s.CharField(**kwargs)


class SourceSerializer(s.Serializer):
    name = _text()
    citation = _text()
    url = _text(allow_null=True)
    accessed = _text(allow_null=True, help_text="The day the site's copy was read, where one is known.")
    licence = _text(allow_null=True, help_text="null: no licence has been set.")
    note = _text()


class PlantSummarySerializer(s.Serializer):
    symbol = _text(help_text="The USDA PLANTS symbol, e.g. HEPAM2.")
    common_name = _text()
    scientific_name = _text()
    zone_min = _text(allow_null=True, help_text="The coldest USDA hardiness zone, e.g. 4a.")
    zone_max = _text(allow_null=True)
    hardiness = _text()
    light_levels = s.ListField(child=_text())
    life_cycles = s.ListField(child=_text())
    growth_habits = s.ListField(child=_text())
    is_rare = s.BooleanField()
    page_url = _text()
    api_url = _text()


class FacetOptionSerializer(s.Serializer):
    value = _text()
    label = _text()
    count = s.IntegerField(help_text="Plants this option would give with the other filters applied.")
    selected = s.BooleanField()


class FacetSerializer(s.Serializer):
    label = _text()
    options = FacetOptionSerializer(many=True)
    without_value = s.IntegerField(allow_null=True, help_text="Matching plants with no value for it.")


class PageFields(s.Serializer):
    count = s.IntegerField()
    page = s.IntegerField()
    page_size = s.IntegerField()
    num_pages = s.IntegerField()
    next = _text(allow_null=True)
    previous = _text(allow_null=True)


class PlantListSerializer(PageFields):
    results = PlantSummarySerializer(many=True)
    facets = s.DictField(child=FacetSerializer(), help_text="The finder's counts, by filter.")


class LabelCode(s.Serializer):
    label = _text()
    code = _text()


class ProfileSerializer(s.Serializer):
    source = SourceSerializer()
    usda_group = _text()
    native_statuses = LabelCode(many=True)
    native_ranges = s.ListField(child=_text())
    life_cycles = s.ListField(child=_text())
    growth_habits = s.ListField(child=_text())
    light_levels = s.ListField(child=_text())
    water_need = _text()
    zone_min = _text(allow_null=True)
    zone_max = _text(allow_null=True)
    hardiness = _text()
    is_rare = s.BooleanField()


class SectionSerializer(s.Serializer):
    heading = _text()
    body = _text(help_text="The editor's text, plain.")
    body_html = _text(help_text="The same, as the escaped HTML paragraphs the site shows.")


class CareTipSerializer(s.Serializer):
    category = _text()
    text = _text()


class WildlifeSerializer(s.Serializer):
    name = _text()
    resource = _text()


class NotesSerializer(s.Serializer):
    climate = _text()
    light = _text()
    soil = _text()
    water = _text()


class ArticleSerializer(s.Serializer):
    source = SourceSerializer()
    title = _text()
    summary = _text(help_text="The editor's summary, plain text (paragraphs separated by a blank line).")
    summary_html = _text(help_text="The same, as the escaped HTML paragraphs the site shows.")
    sections = SectionSerializer(many=True)
    garden_uses = s.ListField(child=_text())
    care_tips = CareTipSerializer(many=True)
    wildlife = WildlifeSerializer(many=True)
    notes = NotesSerializer()


class CodeMeaning(s.Serializer):
    code = _text()
    meaning = _text()


class StatusSerializer(s.Serializer):
    rank = _text(help_text="The NatureServe rank as recorded, e.g. G5T2.")
    place = _text()
    summary = _text()
    explanations = CodeMeaning(many=True)
    notes = s.ListField(child=_text())
    editors_explanation = _text()


class ConservationSerializer(s.Serializer):
    source = SourceSerializer()
    statuses = StatusSerializer(many=True)


class LabelValue(s.Serializer):
    label = _text()
    value = _text()


class UsdaSerializer(s.Serializer):
    source = SourceSerializer()
    facts = LabelValue(many=True)
    native_in = s.ListField(child=_text())
    introduced_in = s.ListField(child=_text())
    native_codes = s.ListField(child=_text())
    introduced_codes = s.ListField(child=_text())


class TaxonLinkSerializer(s.Serializer):
    slug = _text()
    scientific_name = _text()
    rank = _text()
    api_url = _text()


class LineageTaxonSerializer(TaxonLinkSerializer):
    authority = _text()
    common_name = _text()
    page_url = _text()


class ClassificationSerializer(s.Serializer):
    source = SourceSerializer()
    taxon = LineageTaxonSerializer()
    lineage = LineageTaxonSerializer(many=True)


class ImageSerializer(s.Serializer):
    src = _text()
    width = s.IntegerField(allow_null=True)
    height = s.IntegerField(allow_null=True)
    alt_text = _text()
    credit = _text()
    licence = _text()
    licence_url = _text()
    source_url = _text()


class PlantRecordSerializer(s.Serializer):
    symbol = _text()
    common_name = _text()
    scientific_name = _text()
    page_url = _text()
    api_url = _text()
    profile = ProfileSerializer()
    article = ArticleSerializer()
    conservation = ConservationSerializer()
    usda = UsdaSerializer(allow_null=True, help_text="null before the USDA PLANTS import has run.")
    classification = ClassificationSerializer()
    images = ImageSerializer(many=True, help_text="Each photo with its own credit and licence.")


class TaxonSummarySerializer(LineageTaxonSerializer):
    parent = TaxonLinkSerializer(allow_null=True)


class TaxonListSerializer(PageFields):
    results = TaxonSummarySerializer(many=True)


class ChildSerializer(TaxonLinkSerializer):
    plant_count = s.IntegerField(help_text="Live plant profiles at or below it.")


class TaxonDetailSerializer(TaxonSummarySerializer):
    source = SourceSerializer()
    ancestors = TaxonLinkSerializer(many=True)
    child_count = s.IntegerField()
    children = ChildSerializer(
        many=True, help_text="The first children by name; all of them at children_url."
    )
    children_url = _text()


class ZipPlaceSerializer(s.Serializer):
    code = _text()
    zone = _text(allow_null=True)
    map_year = s.IntegerField(allow_null=True)
    state = _text(allow_null=True)
    state_name = _text(allow_null=True)
    city = _text(allow_null=True)
    summary = _text()


class FieldError(s.Serializer):
    field = _text()
    message = _text()


class ErrorSerializer(s.Serializer):
    detail = _text()
    errors = FieldError(many=True, required=False)
