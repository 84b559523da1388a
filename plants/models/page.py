"""The plant page's content, ready to display, one row per profile.

Editors never see this model: plants/plant_pages.py builds each row from the
profile, its rows, its taxa and the vocabulary and source it cites, inside
the transaction of any change to one of them (the write path, plants/content.py).
The public plant page then reads one row instead of running ten queries and
turning ranks, zones and choices into words on every visit.
"""

from django.db import models


class NotDumpedManager(models.Manager):
    """The default manager, which dumpdata reads: documents are derived, so backups leave them out.

    Loading a profile builds its document again (plants/content.py), and the numeric key
    a dumped row would carry means nothing in the database it is loaded into.
    """

    def get_queryset(self):
        return super().get_queryset().none()


class PlantPage(models.Model):
    profile = models.OneToOneField(
        "plants.PlantProfile", on_delete=models.CASCADE, primary_key=True, related_name="page"
    )
    # Plain JSON (see plant_pages.build_document): text as stored, the article's
    # prose as escaped HTML, choices and ranks already in words, links already reversed.
    document = models.JSONField()
    built_at = models.DateTimeField(auto_now=True)

    not_dumped = NotDumpedManager()
    objects = models.Manager()

    class Meta:
        default_manager_name = "not_dumped"

    def __str__(self):
        return f"Page of profile {self.profile_id}"
