"""One row that changes whenever any plant content changes, in the same transaction.

Process-local copies of content (the finder's facet index) compare this token
with the one they were built from; a database row, not the cache, because
every worker process must see an editor's save at once, and a rolled-back
save must roll the token back with it.  Editors never see it.
"""

import secrets

from django.db import models

from .page import NotDumpedManager


def new_token() -> str:
    return secrets.token_hex(16)


class ContentVersionQuerySet(models.QuerySet):
    def get_by_natural_key(self, name):
        return self.get(name=name)

    def current(self) -> str:
        """The token of the content as it is now ("" before any content was ever saved)."""
        return self.values_list("token", flat=True).first() or ""

    def bump(self) -> str:
        """Give the content a new token and return it (an UPDATE: no signals, part of the caller's transaction)."""
        # A random token, not a counter: a counter would repeat after a rollback and name two different contents.
        token = new_token()
        if not self.update(token=token):
            self.create(name=ContentVersion.NAME, token=token)
        return token


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


class FinderChangeQuerySet(models.QuerySet):
    def record(self, token: str, profile_ids, *, rebuild: bool) -> None:
        """Log which profiles the change that made `token` touched (in its transaction, after bump())."""
        # After bump(): its UPDATE locks the version row, so concurrent changes get their log rows in commit order.
        ids = sorted(profile_ids)
        rebuild = rebuild or len(ids) > FinderChange.MAX_PROFILES
        entry = self.create(token=token, profile_ids=[] if rebuild else ids, rebuild=rebuild)
        if entry.pk % 100 == 0:  # pruned now and then, not on every save
            self.filter(pk__lte=entry.pk - FinderChange.KEPT).delete()

    def since(self, token: str) -> list[tuple[str, bool, list[int]]]:
        """(token, rebuild, profile_ids) of the change that made `token` and of every later one, oldest first.

        One query; empty when `token` has left the log (or was never in it).
        """
        start = self.filter(token=token).values("pk")[:1]
        return list(
            self.filter(pk__gte=models.Subquery(start))
            .order_by("pk")
            .values_list("token", "rebuild", "profile_ids")
        )


class FinderChange(models.Model):
    """Which profiles one content version's change touched, so that finder indexes catch up on just those.

    plants/finder_index.py reads the entries after its own version's; `rebuild`
    marks a change it cannot apply plant by plant (a garden use or another
    vocabulary term, a change to very many plants).
    """

    # A change touching more plants than this is logged as "rebuild": the finder would rebuild anyway.
    MAX_PROFILES = 1000
    # Versions kept; a process whose index is older than all of them rebuilds it.
    KEPT = 1000

    token = models.CharField(max_length=32, unique=True, editable=False)
    profile_ids = models.JSONField(default=list, editable=False)
    rebuild = models.BooleanField(default=False, editable=False)

    not_dumped = NotDumpedManager()  # ids mean nothing in the database a backup is loaded into
    objects = FinderChangeQuerySet.as_manager()

    class Meta:
        default_manager_name = "not_dumped"
        verbose_name = "finder change"

    def __str__(self):
        return self.token
