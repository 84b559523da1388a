"""The plant page's content, ready to display, one row per profile.

Editors never see this model: plants/plant_pages.py builds each row from the
profile, its rows, its taxa and the vocabulary and source it cites, inside
the transaction of any save that changes one of them (plants/signals.py).
The public plant page then reads one row instead of running ten queries and
turning ranks, zones and choices into words on every visit.
"""

import json

from django.db import models


class PageDocument(dict):
    """A decoded page document whose keys read as attributes, as templates read them.

    Templates look names up as attributes first; on a plain dict each lookup
    would fail and fall back to the key, which costs more than the rest of
    rendering the name.  (No key may share a name with a dict method.)
    """

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class PageDocumentDecoder(json.JSONDecoder):
    def __init__(self, **kwargs):
        super().__init__(**kwargs, object_hook=PageDocument)


class NotDumpedManager(models.Manager):
    """The default manager, which dumpdata reads: documents are derived, so backups leave them out.

    A loaded profile's signals build its document again, and the numeric key
    a dumped row would carry means nothing in the database it is loaded into.
    """

    def get_queryset(self):
        return super().get_queryset().none()


class PlantPage(models.Model):
    profile = models.OneToOneField(
        "plants.PlantProfile", on_delete=models.CASCADE, primary_key=True, related_name="page"
    )
    # Plain JSON (see plant_pages.build_document): text as stored, choices and
    # ranks already in words, links already reversed.
    document = models.JSONField(decoder=PageDocumentDecoder)
    built_at = models.DateTimeField(auto_now=True)

    not_dumped = NotDumpedManager()
    objects = models.Manager()

    class Meta:
        default_manager_name = "not_dumped"

    def __str__(self):
        return f"Page of profile {self.profile_id}"
