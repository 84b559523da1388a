"""Django choices built from the plain vocabularies in plants/vocabulary.py.

A member is named after its value ("full_sun" -> FULL_SUN, "Whisk-fern" ->
WHISK_FERN), so code reads `Light.FULL_SUN` while the value and label are
written once, in the vocabulary.
"""

from django.db import models


def member_name(value: str) -> str:
    return value.upper().replace("-", "_")


def text_choices(qualname: str, terms: dict[str, str], module: str) -> type[models.TextChoices]:
    """TextChoices named `qualname` (e.g. "CareTip.Category") in `module`, one member per term.

    The module and qualified name are the ones the class is reachable by, so its
    members pickle (a cached object may hold one).
    """
    members = [(member_name(value), (value, label)) for value, label in terms.items()]
    return models.TextChoices(qualname.rpartition(".")[2], members, module=module, qualname=qualname)
