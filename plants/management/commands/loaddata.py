"""`manage.py loaddata`, with the whole load as one change on the write path (plants/content.py).

Django's loaddata saves every row in raw mode and sends post_save for each;
the receivers only note what each row touched, and each loaded profile's
derived columns and page are built once, when the load ends, inside its
transaction.
"""

from django.core.management.commands import loaddata
from django.db import transaction

from plants import content


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        with transaction.atomic(using=options["database"]), content.change():
            return super().handle(*fixture_labels, **options)
