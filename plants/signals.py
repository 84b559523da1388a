"""Keep each profile's derived columns and page document in step with what they are built from.

Derived columns (family, rarity, search text) and the page document
(plants/plant_pages.py) are rebuilt inside the transaction of the save that
changes their sources, so a committed change never shows an old page (a save
shared by very many plants drops their documents instead: plant_pages.refresh).

Signals rather than save() overrides because loaddata saves in raw mode,
bypassing save(), but still sends post_save.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import plant_pages
from .changes import content_changed
from .models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    ContentVersion,
    DataSource,
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


@receiver(post_save, sender=PlantProfile)
def refresh_profile(sender, instance, **kwargs):
    instance.refresh_derived()
    plant_pages.rebuild(PlantProfile.objects.filter(pk=instance.pk))


def refresh_owner(sender, instance, **kwargs):
    profile = PlantProfile.objects.filter(pk=instance.profile_id).select_related("taxon").first()
    if profile is None:  # the profile itself is being deleted
        return
    if sender in DERIVED_FROM_PARTS:
        profile.refresh_derived()
    plant_pages.rebuild(PlantProfile.objects.filter(pk=profile.pk))


for model in DERIVED_FROM_PARTS + PAGE_ONLY_PARTS:
    post_save.connect(refresh_owner, sender=model, dispatch_uid=f"refresh-owner-{model.__name__}")
    post_delete.connect(refresh_owner, sender=model, dispatch_uid=f"refresh-owner-delete-{model.__name__}")


@receiver(post_save, sender=Taxon)
def refresh_profiles_below(sender, instance, raw=False, **kwargs):
    # A renamed or moved taxon changes the family, search names and classification of every plant below it.
    if raw:
        return
    below = PlantProfile.objects.below(instance)
    for profile in below.select_related("taxon"):
        profile.refresh_derived()
    plant_pages.refresh(below)


# Vocabulary and sources are shown by name on the pages of every plant that cites them.
CITED_BY = {
    GardenUse: "garden_uses__garden_use",
    Wildlife: "wildlife_supported__wildlife",
    DataSource: "data_source",
}


def refresh_citing_pages(sender, instance, raw=False, **kwargs):
    if not raw:
        plant_pages.refresh(PlantProfile.objects.filter(**{CITED_BY[sender]: instance}).distinct())


for model in CITED_BY:
    post_save.connect(refresh_citing_pages, sender=model, dispatch_uid=f"refresh-citing-{model.__name__}")


@receiver(post_delete, sender=PlantProfile)
def delete_page(sender, instance, **kwargs):
    # Deleting a profile deletes its rows first, and each one's signal stores the
    # page again; the profile's own signal comes last and removes it for good.
    PlantPage.objects.filter(profile_id=instance.pk).delete()


@receiver(post_delete, sender=PlantImage)
def delete_image_files(sender, instance, **kwargs):
    instance.delete_files()


def on_content_change(sender, **kwargs):
    content_changed()


# Any saved or deleted plant content makes every cached public page and finder index stale.
for model in apps.get_app_config("plants").get_models():
    if model in (ContentVersion, PlantPage):
        continue
    post_save.connect(on_content_change, sender=model, dispatch_uid=f"cache-{model.__name__}")
    post_delete.connect(on_content_change, sender=model, dispatch_uid=f"cache-delete-{model.__name__}")
