"""Plant photos. Editors add them inline on a plant profile ("Plant images").

Files go through Django's default storage (STORAGES["default"]), so moving
media to object storage is a settings change.  Renditions are made once,
when a photo is saved, never while a page is being served.
"""

import posixpath
import uuid

from django.core.files.base import ContentFile
from django.db import models

from plants import imaging

from .parts import ProfilePart


def original_path(instance, filename):
    return f"plants/{instance.profile.usda_symbol}/{uuid.uuid4().hex}.jpg"


class Licence(models.TextChoices):
    CC0 = "CC0-1.0", "CC0 1.0 (public domain dedication)"
    PUBLIC_DOMAIN = "public-domain", "Public domain"
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    PERMISSION = "permission", "All rights reserved, used with permission"

    @property
    def url(self) -> str:
        return LICENCE_URLS.get(self.value, "")


LICENCE_URLS = {
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
}


class PlantImage(ProfilePart):
    """A photo of a plant; the lowest `order` is the profile's lead image.

    Its natural key (the profile's symbol and the order) lets a dumpdata
    backup be loaded twice, or into another database, without duplicates.
    """

    natural_key_fields = ("order",)

    profile = models.ForeignKey("plants.PlantProfile", on_delete=models.CASCADE, related_name="images")
    order = models.PositiveSmallIntegerField(default=1)
    image = models.FileField("photo", upload_to=original_path, help_text="A JPEG, PNG or WebP photo.")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    renditions = models.JSONField(
        editable=False, default=list, help_text="[{width, height, name}] WebP copies."
    )
    alt_text = models.CharField(
        max_length=300,
        help_text="What the photo shows, for people who cannot see it: “Pink flower spikes above a rosette”.",
    )
    credit = models.CharField(max_length=200, help_text="The photographer or owner.")
    licence = models.CharField(max_length=20, choices=Licence.choices)
    source_url = models.URLField(
        blank=True, help_text="Where the photo was found, if not taken for this site."
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["profile", "order"], name="plantimage_unique_order")]

    def __str__(self):
        return self.alt_text

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def srcset(self) -> str:
        storage = self.image.storage
        return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in self.renditions)

    @property
    def default_rendition(self) -> dict:
        """The medium copy for `src` (browsers without srcset), else the largest made."""
        fitting = [r for r in self.renditions if r["width"] <= 800]
        return (fitting or self.renditions)[-1] if self.renditions else {}

    @property
    def src(self) -> str:
        rendition = self.default_rendition
        return self.image.storage.url(rendition["name"]) if rendition else self.image.url

    def process(self, data: bytes) -> None:
        """Store the upright, metadata-free original and its renditions (call before save)."""
        upright = imaging.original(data)
        self.image.save("original.jpg", ContentFile(upright.content), save=False)
        self.width, self.height = upright.width, upright.height
        base = posixpath.splitext(self.image.name)[0]
        self.renditions = []
        for rendition in imaging.renditions(data):
            name = self.image.storage.save(f"{base}-{rendition.width}w.webp", ContentFile(rendition.content))
            self.renditions.append({"width": rendition.width, "height": rendition.height, "name": name})

    def delete_files(self) -> None:
        storage = self.image.storage
        for rendition in self.renditions:
            storage.delete(rendition["name"])
        if self.image:
            storage.delete(self.image.name)
