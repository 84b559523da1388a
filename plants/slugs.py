"""Unique slugs for rows made in bulk, where the database's unique constraint would only refuse them."""


def unique_slug(base: str, used: set[str], *, qualifier: str = "") -> str:
    """`base`, else `base-qualifier`, else numbered from 2 (`base-qualifier-2`); added to `used`."""
    slug = base
    if slug in used and qualifier:
        slug = base = f"{base}-{qualifier}"
    number = 1
    while slug in used:
        number += 1
        slug = f"{base}-{number}"
    used.add(slug)
    return slug
