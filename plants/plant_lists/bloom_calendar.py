"""The list's bloom calendar: twelve months, a row per plant, the months USDA's bloom period covers.

The months are approximate (plants.usda.traits.bloom_months: a season is its
three months in the north; bloom comes later to the north and the mountains).
"""

from __future__ import annotations

from dataclasses import dataclass

from plants.usda import traits

from .entries import ListedPlant

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    plant: ListedPlant
    in_bloom: tuple[bool, ...]  # twelve, January first

    @property
    def cells(self):
        """(month's name, in bloom) for each month, January first."""
        return zip(MONTHS, self.in_bloom, strict=True)

    @property
    def has_months(self) -> bool:
        return any(self.in_bloom)

    @property
    def words(self) -> str:
        """What the row says without colour: "Late Spring (May), yellow"."""
        plant = self.plant
        if not plant.bloom_period:
            return "Bloom period not recorded"
        if plant.bloom_period == traits.INDETERMINATE:
            said = "No fixed bloom period"
        else:
            months = [MONTHS[month - 1] for month in plant.bloom_months]
            said = f"{plant.bloom_period} ({month_runs(months)})" if months else plant.bloom_period
        return f"{said}, {plant.flower_color_label.lower()}" if plant.flower_color else said


def rows(plants) -> list[Row]:
    return [Row(plant, tuple(month in plant.bloom_months for month in range(1, 13))) for plant in plants]


def empty_months(calendar: list[Row]) -> list[int]:
    """The months (1-12) in which no plant with bloom months blooms; none if no plant has any."""
    dated = [row for row in calendar if row.has_months]
    if not dated:
        return []
    return [month for month in range(1, 13) if not any(row.in_bloom[month - 1] for row in dated)]


def month_runs(months: list[str]) -> str:
    """Months (names, in calendar order) in words, consecutive ones as a run: "June–August and October".

    A run may wrap from December into January: "December–February"."""
    numbers = sorted(MONTHS.index(month) for month in months)
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 11:
        runs[0] = runs.pop() + runs[0]
        runs.append(runs.pop(0))  # the wrapped run reads last, from December
    words = [MONTHS[run[0]] if len(run) == 1 else f"{MONTHS[run[0]]}–{MONTHS[run[-1]]}" for run in runs]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
