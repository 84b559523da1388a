"""Form fields shared by the public finder and the admin."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.formats import date_format

from plants import regions, zip_codes, zones
from plants.models import PlantImage, PlantProfile
from plants.plant_lists import symbols


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


class ZipCodeField(forms.CharField):
    """A visitor's ZIP code, cleaned to its five digits (plants/zip_codes.py says what is one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", zip_codes.MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        # Checked here, before the length, so that every bad ZIP code gets the same message.
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return zip_codes.clean(value)
        except zip_codes.ZipCodeError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class ZipCodeForm(forms.Form):
    """A plant page's question: does it grow where I live?"""

    zip = ZipCodeField(label="ZIP code", required=False, help_text="Five digits. The site does not keep it.")


class PlantListForm(forms.Form):
    """A plant list's address: its plants, and where the visitor gardens, to check the list against."""

    plants = forms.CharField(required=False, strip=False)
    remove = forms.CharField(required=False, strip=False)
    zip = ZipCodeField(label="ZIP code", required=False, help_text="Five digits. The site does not keep it.")
    state = forms.ChoiceField(
        label="or state or province", required=False, choices=[("", "Any"), *regions.STATE_CHOICES]
    )

    def clean_plants(self) -> symbols.Requested:
        try:
            return symbols.parse(self.cleaned_data["plants"], self.data.get("remove", ""))
        except symbols.ListTooLong as error:
            raise forms.ValidationError(str(error), code="too_long") from error


class _ReadRowField(forms.ModelChoiceField):
    """An inline row's hidden id, resolved from the rows its formset read once.

    Django's own field looks each row up again, one query per row: a profile
    with thirty rows cost thirty queries to save one changed sentence.  Only
    the rows of this profile are valid choices.
    """

    def __init__(self, formset, field: forms.ModelChoiceField):
        super().__init__(field.queryset, initial=field.initial, required=False, widget=field.widget)
        self.formset = formset

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            row = self.formset._existing_object(self.formset.model._meta.pk.to_python(value))
        except (TypeError, ValueError, ValidationError):
            row = None
        if row is None:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return row


class ProfileRowsFormSet(forms.BaseInlineFormSet):
    """A profile's inline rows (sections, tips, statuses...), read in one query and not again per row."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        name = self._pk_field.name
        if type(form.fields.get(name)) is forms.ModelChoiceField:
            form.fields[name] = _ReadRowField(self, form.fields[name])

    def clean(self):
        super().clean()
        # The id is a hidden field, whose own error the admin does not show.
        if any(self._pk_field.name in form.errors for form in self.forms):
            raise ValidationError(
                "A row here is not one of this plant's rows (another editor may have deleted it). "
                "Reload the page and make your change again.",
                code="unknown_row",
            )


class UniqueOrderInlineFormSet(ProfileRowsFormSet):
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


class PlantProfileAdminForm(forms.ModelForm):
    """The profile's admin form, which refuses to overwrite a save made after the editor opened it.

    Optimistic locking on `updated_at`: the page carries the time of the save it
    was opened on, and saving is refused if the stored profile has been saved
    since (by another editor, a bulk publish, or an import).  Derived columns
    are written with update() and leave `updated_at` alone, so they never
    count as a change.
    """

    loaded_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PlantProfile
        fields = "__all__"  # noqa: DJ007  the admin picks the fields from its fieldsets

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["loaded_updated_at"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            self._refuse_if_saved_since_loaded()
        return cleaned_data

    def _refuse_if_saved_since_loaded(self):
        stored = PlantProfile.objects.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            # The admin saves inside a transaction: hold the row so no save slips in between.
            stored = stored.select_for_update()
        current = stored.values_list("updated_at", flat=True).first()
        if current is None:
            return  # deleted meanwhile; the admin reports that itself
        try:
            loaded = datetime.datetime.fromisoformat(self.data.get(self.add_prefix("loaded_updated_at"), ""))
        except ValueError:
            loaded = None
        if loaded == current:
            return
        raise forms.ValidationError(
            "%(who)s saved this plant at %(when)s, after you opened it. Your changes were not saved. "
            "Open the page again to see their version, then make your changes again.",
            code="edit_conflict",
            params={"who": self._last_editor(loaded) or "Someone else", "when": _when(current)},
        )

    def _last_editor(self, since) -> str:
        from django.contrib.admin.models import LogEntry
        from django.contrib.contenttypes.models import ContentType

        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(PlantProfile), object_id=str(self.instance.pk)
        )
        if since is not None:
            entries = entries.filter(action_time__gt=since)
        entry = entries.select_related("user").order_by("-action_time").first()
        return entry.user.get_username() if entry else ""


def _when(moment) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, "H:i \\o\\n j F Y")
