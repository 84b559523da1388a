"""Rows that belong to a single plant profile (sections, tips, statuses...).

They share one natural key shape, the profile's USDA symbol plus their own
key fields, so a fixture can be loaded twice without duplicating them.
"""

from django.db import models


class ProfilePartManager(models.Manager):
    def get_by_natural_key(self, usda_symbol, *key):
        lookup = dict(zip(self.model.natural_key_fields, key, strict=True))
        return self.get(profile__usda_symbol=usda_symbol, **lookup)


class ProfilePart(models.Model):
    """Subclasses declare `profile` with a related name that reads well on the profile."""

    natural_key_fields: tuple[str, ...] = ()

    objects = ProfilePartManager()

    class Meta:
        abstract = True

    def natural_key(self):
        values = []
        for path in self.natural_key_fields:
            value = self
            for attribute in path.split("__"):
                value = getattr(value, attribute)
            values.append(value)
        return (self.profile.usda_symbol, *values)

    natural_key.dependencies = ["plants.plantprofile"]
