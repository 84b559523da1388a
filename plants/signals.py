"""Note each saved or deleted row of plant content in the open change (plants/content.py).

Receivers only collect: the write path refreshes derived columns, page
documents and the content version once, when the change ends.  Signals
rather than save() overrides because loaddata saves in raw mode, bypassing
save(), but still sends post_save; and because deleting a profile deletes
its rows through the ORM's collector, which calls no delete() method.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from . import content
from .models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    ContentVersion,
    DataSource,
    FinderChange,
    GardenUse,
    NativeRange,
    NativeStatus,
    PlantGardenUse,
    PlantImage,
    PlantPage,
    PlantProfile,
    Taxon,
    Wildlife,
    WildlifeSupport,
)

# Rows of one profile that its search text or rarity is built from.
DERIVED_FROM_PARTS = (ArticleSection, CareTip, ConservationStatus, PlantGardenUse)
# Rows of one profile that only its page shows.
PAGE_ONLY_PARTS = (PlantImage, NativeStatus, NativeRange, WildlifeSupport)

# Vocabulary and sources are shown by name on the pages of every plant that cites them.
CITED_BY = {
    GardenUse: "garden_uses__garden_use",
    Wildlife: "wildlife_supported__wildlife",
    DataSource: "data_source",
}


def note(
    change: content.Change, sender, instance, *, deleted: bool, raw: bool = False, created: bool = False
) -> None:
    """What a saved or deleted row of `sender` makes stale."""
    if sender is PlantProfile:
        if deleted:
            change.deleted([instance.pk])
        else:
            change.profiles([instance.pk])
    elif sender in DERIVED_FROM_PARTS or sender in PAGE_ONLY_PARTS:
        change.profiles([instance.profile_id], derived_changed=sender in DERIVED_FROM_PARTS)
    elif sender is Taxon and created and not raw:
        change.new_taxon()
    elif sender is Taxon and not raw and not deleted:
        # A renamed or moved taxon changes the family, search names and classification of every plant below it.
        # (A loaded taxon has no profiles below it that the load does not save too.)
        change.taxa([instance.pk])
    elif sender in CITED_BY and not raw and not deleted:
        change.cited_by(PlantProfile.objects.filter(**{CITED_BY[sender]: instance}).distinct())
    else:
        change.something()


def on_save(sender, instance, raw=False, created=False, **kwargs):
    with content.noting() as change:
        note(change, sender, instance, deleted=False, raw=raw, created=created)


def on_delete(sender, instance, **kwargs):
    if sender is PlantImage:
        instance.delete_files()
    with content.noting() as change:
        note(change, sender, instance, deleted=True)


# Any saved or deleted plant content makes cached public pages and finder indexes stale.
for model in apps.get_app_config("plants").get_models():
    if model in (ContentVersion, FinderChange, PlantPage):
        continue
    post_save.connect(on_save, sender=model, dispatch_uid=f"content-save-{model.__name__}")
    post_delete.connect(on_delete, sender=model, dispatch_uid=f"content-delete-{model.__name__}")
