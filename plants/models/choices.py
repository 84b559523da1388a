"""Django choices built from the plain vocabularies in plants/vocabulary.py.

A member is named after its value ("full_sun" -> FULL_SUN, "Whisk-fern" ->
WHISK_FERN; the empty value NONE), or after its label where the values are
codes ("N?", "Probably native" -> PROBABLY_NATIVE), so code reads
`Light.FULL_SUN` while the value and label are written once, in the vocabulary.
"""

from django.db import models


def member_name(word: str) -> str:
    return word.upper().replace("-", "_").replace(" ", "_") or "NONE"


def text_choices(
    qualname: str, terms: dict[str, str], module: str, *, named_by_label: bool = False
) -> type[models.TextChoices]:
    """TextChoices named `qualname` (e.g. "CareTip.Category") in `module`, one member per term.

    The module and qualified name are the ones the class is reachable by, so its
    members pickle (a cached object may hold one).
    """
    members = [
        (member_name(label if named_by_label else value), (value, label)) for value, label in terms.items()
    ]
    return models.TextChoices(qualname.rpartition(".")[2], members, module=module, qualname=qualname)
