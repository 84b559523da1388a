"""The plant page's content, ready to display, one row per profile.

Editors never see this model: plants/plant_pages.py builds each row from the
profile, its rows, its taxa and the vocabulary and source it cites, inside
the transaction of any change to one of them (the write path, plants/content.py).
The public plant page then reads one row instead of running ten queries and
turning ranks, zones and choices into words on every visit.
"""

from django.db import models
from psycopg.types.json import Json, Jsonb


class NotDumpedManager(models.Manager):
    """The default manager, which dumpdata reads: documents are derived, so backups leave them out.

    Loading a profile builds its document again (plants/content.py), and the numeric key
    a dumped row would carry means nothing in the database it is loaded into.
    """

    def get_queryset(self):
        return super().get_queryset().none()


class PageDocumentField(models.JSONField):
    """A JSON document stored as written: PostgreSQL's `json`, not `jsonb`.

    A page document is only ever written whole and read whole, never queried
    inside, so jsonb's parsed form buys nothing: the server turned it back into
    text on every plant page, a good part of the server's work for the page.
    The connection reads `json` as text (nativeplants/postgresql/), which the
    page then decodes with orjson. SQLite stores JSON as text already.
    """

    def db_type(self, connection):
        return "json" if connection.vendor == "postgresql" else super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        adapted = super().get_db_prep_value(value, connection, prepared)
        if isinstance(adapted, Jsonb):
            # Sent as json, not as Django's jsonb, which the server would reorder on the way in.
            return Json(adapted.obj, dumps=adapted.dumps)
        return adapted


class PlantPage(models.Model):
    profile = models.OneToOneField(
        "plants.PlantProfile", on_delete=models.CASCADE, primary_key=True, related_name="page"
    )
    # Plain JSON (see plant_pages.build_document): text as stored, the article's
    # prose as escaped HTML, choices and ranks already in words, links already reversed.
    document = PageDocumentField()
    built_at = models.DateTimeField(auto_now=True)

    not_dumped = NotDumpedManager()
    objects = models.Manager()

    class Meta:
        default_manager_name = "not_dumped"

    def __str__(self):
        return f"Page of profile {self.profile_id}"
