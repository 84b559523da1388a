"""Where a profile's data came from, so every page can cite it."""

from django.db import models
from django.utils.dateformat import format as format_date


class DataSourceManager(models.Manager):
    def get_by_natural_key(self, key):
        return self.get(key=key)


class DataSource(models.Model):
    """A citable source, e.g. the USDA PLANTS Database as accessed on one day.

    Many profiles share one source, so it is its own row; it cannot be deleted
    while a profile cites it.
    """

    key = models.SlugField(
        max_length=100, unique=True, help_text="A short unique name, e.g. usda-plants-2025-02-25."
    )
    publisher = models.CharField(max_length=200, help_text="E.g. “USDA, NRCS”.")
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, help_text="E.g. “The PLANTS Database”.")
    url = models.URLField()
    accessed = models.DateField(help_text="The day the data was read from the source.")
    publisher_place = models.CharField(
        max_length=200, blank=True, help_text="E.g. “National Plant Data Team, Greensboro, NC USA”."
    )

    objects = DataSourceManager()

    class Meta:
        ordering = ["publisher", "-year"]

    def __str__(self):
        return f"{self.publisher} {self.year}. {self.title}"

    def natural_key(self):
        return (self.key,)

    @property
    def citation(self) -> str:
        place = f" {self.publisher_place}." if self.publisher_place else ""
        accessed = format_date(self.accessed, "j F Y")
        return f"{self.publisher} {self.year}. {self.title}. {self.url} (accessed {accessed}).{place}"
