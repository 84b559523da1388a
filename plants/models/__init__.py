"""The plant data model, split by domain; import models from here."""

from .article import ArticleSection, CareTip
from .distribution import ConservationStatus, NativeRange, NativeStatus
from .garden import GardenUse, PlantGardenUse, Wildlife, WildlifeSupport
from .images import Licence, PlantImage
from .page import PlantPage
from .profile import (
    FLAG_COLUMNS,
    FLAG_FIELDS,
    GrowthHabit,
    LifeCycle,
    Light,
    PlantProfile,
    PublicationStatus,
    UsdaGroup,
    WaterNeed,
    flag_field,
)
from .sources import DataSource
from .taxonomy import Rank, Taxon
from .usda import UsdaPlace, UsdaRecord
from .versioning import ContentVersion, FinderChange

__all__ = [
    "FLAG_COLUMNS",
    "FLAG_FIELDS",
    "ArticleSection",
    "CareTip",
    "ConservationStatus",
    "ContentVersion",
    "FinderChange",
    "DataSource",
    "GardenUse",
    "GrowthHabit",
    "Licence",
    "LifeCycle",
    "Light",
    "NativeRange",
    "NativeStatus",
    "PlantGardenUse",
    "PlantImage",
    "PlantPage",
    "PlantProfile",
    "PublicationStatus",
    "Rank",
    "Taxon",
    "UsdaGroup",
    "UsdaPlace",
    "UsdaRecord",
    "WaterNeed",
    "Wildlife",
    "WildlifeSupport",
    "flag_field",
]
