"""One row that changes whenever any plant content changes, in the same transaction.

Process-local copies of content (the finder's facet index) compare this token
with the one they were built from; a database row, not the cache, because
every worker process must see an editor's save at once, and a rolled-back
save must roll the token back with it.  Editors never see it.
"""

import secrets

from django.db import models


def new_token() -> str:
    return secrets.token_hex(16)


class ContentVersionQuerySet(models.QuerySet):
    def get_by_natural_key(self, name):
        return self.get(name=name)

    def current(self) -> str:
        """The token of the content as it is now ("" before any content was ever saved)."""
        return self.values_list("token", flat=True).first() or ""

    def bump(self) -> None:
        """Give the content a new token (an UPDATE: it sends no signals and is part of the caller's transaction)."""
        # A random token, not a counter: a counter would repeat after a rollback and name two different contents.
        if not self.update(token=new_token()):
            self.create(name=ContentVersion.NAME, token=new_token())


class ContentVersion(models.Model):
    NAME = "content"

    # A natural key, so that `dumpdata plants --natural-primary` (README, "Backup
    # and restore") carries it like every other plants row.
    name = models.CharField(max_length=20, unique=True, default=NAME, editable=False)
    token = models.CharField(max_length=32, default=new_token, editable=False)

    objects = ContentVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return self.token

    def natural_key(self):
        return (self.name,)
