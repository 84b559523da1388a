"""Keep each profile's derived columns (family, rarity, search text) in step with its rows.

Signals rather than save() overrides because loaddata saves in raw mode,
bypassing save(), but still sends post_save.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .changes import content_changed
from .models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    ContentVersion,
    PlantGardenUse,
    PlantImage,
    PlantProfile,
    Taxon,
)

PROFILE_PARTS = (ArticleSection, CareTip, ConservationStatus, PlantGardenUse)


@receiver(post_save, sender=PlantProfile)
def refresh_profile(sender, instance, **kwargs):
    instance.refresh_derived()


def refresh_owner(sender, instance, **kwargs):
    profile = PlantProfile.objects.filter(pk=instance.profile_id).select_related("taxon").first()
    if profile is not None:  # None while the profile itself is being deleted
        profile.refresh_derived()


for model in PROFILE_PARTS:
    post_save.connect(refresh_owner, sender=model, dispatch_uid=f"refresh-owner-{model.__name__}")
    post_delete.connect(refresh_owner, sender=model, dispatch_uid=f"refresh-owner-delete-{model.__name__}")


@receiver(post_save, sender=Taxon)
def refresh_profiles_below(sender, instance, raw=False, **kwargs):
    # A renamed or moved taxon changes the family and search names of every plant below it.
    if raw:
        return
    for profile in PlantProfile.objects.below(instance).select_related("taxon") if instance.pk else []:
        profile.refresh_derived()


@receiver(post_delete, sender=PlantImage)
def delete_image_files(sender, instance, **kwargs):
    instance.delete_files()


def on_content_change(sender, **kwargs):
    content_changed()


# Any saved or deleted plant content makes every cached public page and finder index stale.
for model in apps.get_app_config("plants").get_models():
    if model is ContentVersion:
        continue
    post_save.connect(on_content_change, sender=model, dispatch_uid=f"cache-{model.__name__}")
    post_delete.connect(on_content_change, sender=model, dispatch_uid=f"cache-delete-{model.__name__}")
