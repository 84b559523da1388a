from django.apps import AppConfig


class PlantsConfig(AppConfig):
    name = "plants"
    verbose_name = "Native plants"
