"""Dump the plants app with natural keys and compare two dumps record by record."""

import io
import json

from django.apps import apps
from django.core.management import call_command

from plants.models.parts import ProfilePart

# The field that is each non-profile-part model's natural key.
_KEY_FIELDS = {
    "plants.taxon": "slug",
    "plants.datasource": "key",
    "plants.gardenuse": "slug",
    "plants.wildlife": "slug",
    "plants.plantprofile": "usda_symbol",
}


def dumpdata(*labels: str) -> list[dict]:
    out = io.StringIO()
    call_command("dumpdata", *(labels or ["plants"]), natural_foreign=True, natural_primary=True, stdout=out)
    return json.loads(out.getvalue())


def record_key(record: dict) -> tuple:
    """A record's natural key, from its dumped fields."""
    label, fields = record["model"], record["fields"]
    if label in _KEY_FIELDS:
        return (label, fields[_KEY_FIELDS[label]])
    model = apps.get_model(label)
    assert issubclass(model, ProfilePart), label
    parts = [fields[path.split("__")[0]] for path in model.natural_key_fields]
    return (label, *map(json.dumps, [fields["profile"], *parts]))


def by_key(records: list[dict], drop: dict[str, set[str]] | None = None) -> dict[tuple, dict]:
    """Records keyed by natural key, without the fields `drop` names per model."""
    drop = drop or {}
    keyed = {}
    for record in records:
        if record["model"] == "plants.contentversion":
            continue  # bookkeeping, not content: every load gives it a new token
        assert "pk" not in record, f"{record['model']} was dumped without a natural primary key"
        fields = {k: v for k, v in record["fields"].items() if k not in drop.get(record["model"], set())}
        key = record_key(record)
        assert key not in keyed, f"two records with the natural key {key}"
        keyed[key] = fields
    return keyed


def differences(expected: dict[tuple, dict], actual: dict[tuple, dict], names=("expected", "actual")):
    """Human-readable lines for every record or field that differs; empty when equal."""
    lines = []
    for key in sorted(expected.keys() | actual.keys()):
        if key not in actual:
            lines.append(f"{' '.join(key)}: only in the {names[0]}: {expected[key]}")
        elif key not in expected:
            lines.append(f"{' '.join(key)}: only in the {names[1]}: {actual[key]}")
        else:
            for name in sorted(expected[key].keys() | actual[key].keys()):
                a, b = expected[key].get(name), actual[key].get(name)
                if a != b:
                    lines.append(f"{' '.join(key)}: {name}: {names[0]} {a!r} != {names[1]} {b!r}")
    return lines
