"""What a new profile says of a USDA PLANTS taxon, from the data alone (plain Python).

The import gives every native taxon a profile; until an editor writes its
article, its title and summary say only what USDA records: "Littleleaf
alumroot (Heuchera parvifolia var. microcarpa) is a perennial forb/herb native
to Colorado and New Mexico." Its native statuses by USDA region and its native
range (states and provinces) come from the places USDA lists.
"""

from __future__ import annotations

from plants import regions, vocabulary

# Places named in a summary before the rest are counted instead.
NAMED_PLACES = 4


def common_name(usda_common_name: str, scientific_name: str) -> str:
    """USDA's common name with a capital ("littleleaf alumroot": "Littleleaf alumroot"), else the scientific name."""
    name = usda_common_name.strip()
    return name[:1].upper() + name[1:] if name else scientific_name


def _joined(words: list[str], conjunction: str = "and") -> str:
    if len(words) <= 2:
        return f" {conjunction} ".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _article(text: str) -> str:
    return f"an {text}" if text[:1].lower() in "aeiou" else f"a {text}"


def place_names(places) -> list[str]:
    return sorted(regions.PLACES[place] for place in places)


def native_places_text(places) -> str:
    """ "Colorado and New Mexico"; beyond NAMED_PLACES, the first ones and how many others."""
    names = place_names(places)
    if len(names) <= NAMED_PLACES:
        return _joined(names)
    rest = len(names) - NAMED_PLACES + 1
    return f"{', '.join(names[: NAMED_PLACES - 1])} and {rest} other places"


def summary(name: str, scientific_name: str, life_cycles, habits, native_places) -> str:
    """One sentence of what USDA records: life cycle, habit and where it is native."""
    cycles = [
        vocabulary.LIFE_CYCLES[cycle].lower() for cycle in vocabulary.LIFE_CYCLES if cycle in life_cycles
    ]
    kinds = [vocabulary.GROWTH_HABITS[habit].lower() for habit in vocabulary.GROWTH_HABITS if habit in habits]
    described = " ".join(part for part in (_joined(cycles, "or"), _joined(kinds)) if part) or "plant"
    if not kinds:
        described += " plant" if cycles else ""
    return (
        f"{name} ({scientific_name}) is {_article(described)} native to {native_places_text(native_places)}."
    )


def title(name: str, scientific_name: str) -> str:
    return name if name == scientific_name else f"{name} ({scientific_name})"


def native_statuses(native_places, introduced_places) -> dict[str, str]:
    """Per USDA region the plant is listed in: native, introduced, or both (in different places)."""
    found: dict[str, set[str]] = {}
    for places, status in ((native_places, vocabulary.NATIVE), (introduced_places, vocabulary.INTRODUCED)):
        for place in places:
            found.setdefault(regions.usda_region_of(place), set()).add(status)
    return {
        region: vocabulary.NATIVE_AND_INTRODUCED if len(statuses) > 1 else statuses.pop()
        for region, statuses in sorted(found.items())
    }


def native_range(native_places) -> list[str]:
    """The places (plants.regions.PLACES: all 74 of USDA PLANTS') where it is native.

    Newfoundland and Labrador stay apart, as USDA lists them: the finder's place
    filter then tells the island from the mainland.
    """
    return sorted(code for code in set(native_places) if code in regions.PLACES)


def same_range(range_codes, native_places) -> bool:
    """Whether an editor's native range names the places USDA lists as native.

    As native_range() makes one, or with Newfoundland and Labrador as one (NL), as editors write it.
    """
    codes = set(range_codes)
    usda = set(native_range(native_places))
    joined = usda - {"NF", "LB"} | ({"NL"} if usda & {"NF", "LB"} else set())
    return codes in (usda, joined)
