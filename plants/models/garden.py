"""Editable vocabularies of how gardeners use a plant and what wildlife it feeds.

Editors add terms under "Garden uses" and "Wildlife"; a profile links to
them through rows that keep the article's own wording, so the finder can
filter on the term while the page still reads as written.
"""

from django.db import models
from django.urls import reverse

from plants import vocabulary

from .choices import text_choices
from .parts import ProfilePart


class VocabularyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class GardenUse(models.Model):
    """A way to use a plant in a garden: rock garden, xeriscape, ground cover..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = VocabularyManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('plants:finder')}?use={self.slug}"

    def natural_key(self):
        return (self.slug,)


class Wildlife(models.Model):
    """A kind of animal a plant supports: small native bees, hummingbirds..."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = VocabularyManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "wildlife"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class PlantGardenUse(ProfilePart):
    """A garden use of one plant, with the article's sentence about it."""

    natural_key_fields = ("garden_use__slug",)

    profile = models.ForeignKey("plants.PlantProfile", on_delete=models.CASCADE, related_name="garden_uses")
    garden_use = models.ForeignKey(GardenUse, on_delete=models.PROTECT, related_name="plant_uses")
    order = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(
        max_length=300,
        blank=True,
        help_text="As the article puts it: “Rock gardens where its delicate form…”",
    )

    class Meta:
        ordering = ["order", "id"]
        # Not plain "garden use": the admin's index would list two "Garden uses",
        # this and the vocabulary (GardenUse). The profile's inline keeps the short name.
        verbose_name = "plant's garden use"
        verbose_name_plural = "plants' garden uses"
        constraints = [
            models.UniqueConstraint(fields=["profile", "garden_use"], name="plantgardenuse_once_per_profile")
        ]

    def __str__(self):
        return self.note or self.garden_use.name


class WildlifeSupport(ProfilePart):
    """Wildlife a plant supports, and what it offers them."""

    Resource = text_choices("WildlifeSupport.Resource", vocabulary.WILDLIFE_RESOURCES, __name__)

    natural_key_fields = ("wildlife__slug",)

    profile = models.ForeignKey(
        "plants.PlantProfile", on_delete=models.CASCADE, related_name="wildlife_supported"
    )
    wildlife = models.ForeignKey(Wildlife, on_delete=models.PROTECT, related_name="supported_by")
    resource = models.CharField(max_length=20, choices=Resource.choices, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "wildlife supported"
        verbose_name_plural = "wildlife supported"
        constraints = [
            models.UniqueConstraint(fields=["profile", "wildlife"], name="wildlifesupport_once_per_profile")
        ]

    def __str__(self):
        return f"{self.wildlife} ({self.get_resource_display()})" if self.resource else str(self.wildlife)
