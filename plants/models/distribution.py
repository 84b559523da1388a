"""Where a plant is native and how secure it is there."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models

from plants import natureserve, regions, vocabulary
from plants.validators import validate_conservation_rank, validate_state_code

from .choices import text_choices
from .parts import ProfilePart
from .taxonomy import Rank


class NativeStatus(ProfilePart):
    """USDA PLANTS native status in one region, e.g. L48 N (native to the lower 48 states)."""

    Status = text_choices("NativeStatus.Status", vocabulary.NATIVE_STATUSES, __name__, named_by_label=True)

    natural_key_fields = ("region",)

    profile = models.ForeignKey(
        "plants.PlantProfile", on_delete=models.CASCADE, related_name="native_statuses"
    )
    region = models.CharField(max_length=3, choices=list(regions.USDA_REGIONS.items()))
    status = models.CharField(max_length=2, choices=Status.choices, default=Status.NATIVE)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "native statuses"
        constraints = [
            models.UniqueConstraint(fields=["profile", "region"], name="nativestatus_once_per_region")
        ]

    def __str__(self):
        place = "the lower 48 states" if self.region == "L48" else self.get_region_display()
        return f"{self.get_status_display()} to {place}"

    @property
    def code(self) -> str:
        return f"{self.region} {self.status}"


class NativeRange(ProfilePart):
    """A state, territory or province where the plant grows wild (any of regions.PLACES)."""

    natural_key_fields = ("state",)

    profile = models.ForeignKey("plants.PlantProfile", on_delete=models.CASCADE, related_name="native_ranges")
    state = models.CharField(
        max_length=2, choices=regions.PLACE_CHOICES, validators=[validate_state_code], db_index=True
    )

    class Meta:
        ordering = ["state"]
        verbose_name = "native range state"
        constraints = [
            models.UniqueConstraint(fields=["profile", "state"], name="nativerange_once_per_state")
        ]

    def __str__(self):
        return self.get_state_display()


class ConservationStatus(ProfilePart):
    """A NatureServe conservation rank, kept exactly as the source wrote it.

    The raw code is the record; the plain-language reading comes from
    `plants.natureserve` each time it is shown, so improving the decoder
    never needs a data migration.
    """

    Scope = text_choices("ConservationStatus.Scope", vocabulary.CONSERVATION_SCOPES, __name__)

    natural_key_fields = ("scope", "region")

    profile = models.ForeignKey(
        "plants.PlantProfile", on_delete=models.CASCADE, related_name="conservation_statuses"
    )
    scope = models.CharField(max_length=12, choices=Scope.choices)
    region = models.CharField(
        max_length=2,
        blank=True,
        help_text="State or province code for a state rank (CO), country (US, CA) for a national one; "
        "blank when the source does not say.",
    )
    rank = models.CharField(
        max_length=40,
        validators=[validate_conservation_rank],
        help_text="NatureServe rank as written, e.g. G3 or S5T1T3Q.",
    )
    explanation = models.TextField(
        blank=True, help_text="The source's own explanation of the rank, as written."
    )

    class Meta:
        ordering = ["scope", "region"]
        verbose_name_plural = "conservation statuses"
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "scope", "region"], name="conservationstatus_unique_scope"
            )
        ]

    def __str__(self):
        return f"{self.rank} ({self.place})"

    @property
    def place(self) -> str:
        if self.scope == self.Scope.GLOBAL:
            return "global"
        if not self.region:
            return "state level, state not given" if self.scope == self.Scope.SUBNATIONAL else "national"
        return regions.PLACES.get(self.region) or {"US": "United States", "CA": "Canada"}.get(
            self.region, self.region
        )

    @cached_property
    def decoded(self) -> natureserve.DecodedRank:
        return self.decode(self.rank, self.profile.taxon.rank if self.profile_id else None)

    @staticmethod
    def decode(rank: str, taxon_rank: int | None) -> natureserve.DecodedRank:
        """A rank code read for a plant of this taxon rank (None: not known)."""
        # A variety's own level is its T rank, which decides whether it is rare.
        infraspecific = taxon_rank > Rank.SPECIES if taxon_rank is not None else None
        return natureserve.decode(rank, infraspecific=infraspecific)

    def clean(self):
        super().clean()
        if self.scope == self.Scope.SUBNATIONAL and self.region:
            try:
                validate_state_code(self.region)
            except ValidationError as error:
                raise ValidationError({"region": error.messages}) from error
        elif self.scope == self.Scope.NATIONAL and self.region not in ("", "US", "CA"):
            raise ValidationError({"region": "A national rank's region is US or CA."})
        elif self.scope == self.Scope.GLOBAL and self.region:
            raise ValidationError({"region": "A global rank has no region; leave it blank."})
