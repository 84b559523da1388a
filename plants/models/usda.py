"""What USDA PLANTS records of a taxon, kept beside what editors write.

The import (`manage.py import_usda`) writes these rows and nothing else
overwrites them: a profile's own fields are the editors' (the import only fills
those left empty), while `UsdaRecord` and `UsdaPlace` keep USDA's values as
the copy gave them, which the admin shows read-only and the plant page cites.
Traits are stored in the site's words (plants/usda/traits.py maps them once).
"""

from django.db import models

from plants import regions, zones

from .taxonomy import Taxon


class UsdaRecord(models.Model):
    """One taxon as the USDA PLANTS checklist lists it, with its characteristics where USDA has them."""

    taxon = models.OneToOneField(Taxon, on_delete=models.CASCADE, related_name="usda")
    symbol = models.CharField("USDA symbol", max_length=8, unique=True)
    common_name = models.CharField(max_length=200, blank=True)
    group = models.CharField(max_length=20, blank=True, help_text="As USDA writes it: Dicot, Monocot…")
    duration = models.CharField(
        max_length=100, blank=True, help_text="As USDA writes it: “Annual, Perennial”."
    )
    growth_habit = models.CharField(max_length=100, blank=True, help_text="As USDA writes it: “Forb/herb”.")
    accessed = models.DateField(help_text="The day of the USDA PLANTS copy this row comes from.")

    has_characteristics = models.BooleanField(default=False)
    temperature_minimum_f = models.FloatField("lowest temperature (°F)", null=True, blank=True)
    cold_limit = models.PositiveSmallIntegerField(
        "coldest hardiness zone", choices=zones.CHOICES, null=True, blank=True
    )
    light = models.CharField(max_length=60, blank=True, help_text="Light levels, comma-separated.")
    water_need = models.CharField(max_length=10, blank=True)
    bloom_period = models.CharField(max_length=30, blank=True, help_text="As USDA writes it: “Late Spring”.")
    flower_color = models.CharField(max_length=10, blank=True)
    showy = models.BooleanField("flowers conspicuous", null=True, blank=True)
    height_feet = models.FloatField("mature height (ft)", null=True, blank=True)
    growth_rate = models.CharField(max_length=10, blank=True)
    evergreen = models.BooleanField(null=True, blank=True)
    soil_textures = models.CharField(max_length=30, blank=True, help_text="Comma-separated.")
    ph_minimum = models.FloatField("pH minimum", null=True, blank=True)
    ph_maximum = models.FloatField("pH maximum", null=True, blank=True)
    toxicity = models.CharField(max_length=10, blank=True)
    lifespan = models.CharField(max_length=10, blank=True)
    availability = models.CharField("commercial availability", max_length=30, blank=True)

    class Meta:
        verbose_name = "USDA PLANTS record"
        ordering = ["symbol"]

    def __str__(self):
        return self.symbol


class UsdaPlace(models.Model):
    """Native or introduced in one of USDA PLANTS' 74 places (a place may be listed both ways)."""

    class Status(models.TextChoices):
        NATIVE = "native", "Native"
        INTRODUCED = "introduced", "Introduced"

    record = models.ForeignKey(UsdaRecord, on_delete=models.CASCADE, related_name="places")
    place = models.CharField(max_length=2, choices=regions.PLACE_CHOICES)
    status = models.CharField(max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = "USDA PLANTS place"
        ordering = ["place", "status"]
        constraints = [
            models.UniqueConstraint(fields=["record", "place", "status"], name="usdaplace_once_per_status")
        ]

    def __str__(self):
        return f"{self.get_status_display()} in {self.get_place_display()}"
