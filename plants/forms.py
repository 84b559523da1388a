"""Form fields shared by the public finder and the admin."""

from django import forms

from plants import zones
from plants.models import PlantImage


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


class UniqueOrderInlineFormSet(forms.BaseInlineFormSet):
    """Inline rows numbered by `order` (sections, care tips): each number once per profile.

    The database has the same rule as a unique constraint; checking it here
    puts the message on the rows at fault instead of failing the whole save.
    """

    def clean(self):
        # Before the model formset's own unique check, whose message names no row.
        first_with_order = {}
        duplicates = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("order") is None:
                continue
            order = data["order"]
            if order in first_with_order:
                duplicates.add(order)
                form.add_error("order", self._message(order))
                if order not in getattr(first_with_order[order], "_flagged_orders", set()):
                    first_with_order[order].add_error("order", self._message(order))
                    first_with_order[order]._flagged_orders = {order}
            else:
                first_with_order[order] = form
        if duplicates:
            raise forms.ValidationError(
                [self._message(order) for order in sorted(duplicates)], code="duplicate_order"
            )
        super().clean()

    def _message(self, order):
        noun = self.model._meta.verbose_name_plural
        return f"Two {noun} have order {order}; give each of them its own number."


class PlantImageForm(forms.ModelForm):
    """Checks an uploaded photo by its content; only an accepted photo is ever stored."""

    class Meta:
        model = PlantImage
        fields = ["order", "image", "alt_text", "credit", "licence", "source_url"]

    def clean_image(self):
        from django.conf import settings

        from plants import imaging

        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            upload.seek(0)
            data = upload.read()
            try:
                imaging.check(data, max_pixels=settings.IMAGE_MAX_PIXELS, max_bytes=settings.IMAGE_MAX_BYTES)
            except imaging.ImageRejected as error:
                raise forms.ValidationError(str(error), code="invalid_image") from error
            self._image_bytes = data
        return upload

    def save(self, commit=True):
        if getattr(self, "_image_bytes", None) is not None:
            self.instance.process(self._image_bytes)
        return super().save(commit)
