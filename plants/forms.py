"""Form fields shared by the public finder and the admin."""

from django import forms

from plants import zones


class GardenZoneField(forms.CharField):
    """A gardener's USDA zone, "5" or "5b", cleaned to the span of half-zones it names."""

    default_error_messages = {"invalid": "Enter a zone from 1 to 13, such as 5 or 5b."}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 3)
        super().__init__(**kwargs)

    def clean(self, value):
        # Length is checked on the text; only then is it turned into a span.
        value = super().clean(value)
        if value in self.empty_values:
            return None
        try:
            return zones.parse_zone(value)
        except zones.ZoneError as error:
            raise forms.ValidationError(str(error), code="invalid") from error
