from django.apps import AppConfig


class PlantsConfig(AppConfig):
    name = "plants"
    verbose_name = "Native plants"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
