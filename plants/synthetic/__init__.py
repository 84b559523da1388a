"""Synthetic plant profiles in bulk, for benchmarks and development.

`generate_plants N` (plants/management/commands/generate_plants.py) calls
`generate()`.  Profiles get a realistic spread: real families under one
shared chain from Plantae down, invented genera and species with a share of
varieties, zone ranges, light sets, garden uses, wildlife, states, native
statuses, conservation ranks (some rare), sections and care tips, and each a
USDA PLANTS record with its places, most with characteristics.  The words
they are made of are in words.py, the generator in generator.py, the USDA
records in usda.py, and the bulk inserts in bulk.py.
"""

from .generator import SYNTHETIC_SOURCE_KEY, Generator, generate, has_real_content

__all__ = ["SYNTHETIC_SOURCE_KEY", "Generator", "generate", "has_real_content"]
