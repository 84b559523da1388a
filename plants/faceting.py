"""Faceted filtering over a fixed list of items, with one bitset per filter value.

A faceted finder asks, for every option of every filter group, how many items
match that option together with all the *other* active groups.  Done in SQL
that is one scan of the matching rows per group; done here it is a bitwise
AND and a popcount per option, whatever the number of items.

Items are numbered 0..size-1 by the caller (the finder numbers plants in its
default sort order, see plants/finder_index.py).  A bitset is a Python int
whose bit *p* is set when item *p* has the value.  An index can be replaced by
one in which some items changed, were added (numbered after the others) or
removed (their numbers left unused): `FacetIndex.replaced`.  Nothing here
knows about Django or plants.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence

Value = Hashable
Key = tuple[str, Value]
# A cumulative group: (group, source group, values in order), see FacetIndexBuilder.add_cumulative.
Cumulative = tuple[str, str, Sequence[Value]]


class FacetIndex:
    """Read-only bitsets by (group, value), plus named orders of the items."""

    def __init__(
        self,
        size: int,
        bitsets: dict[Key, int],
        orders: dict[str, Sequence[int]],
        cumulative: Sequence[Cumulative] = (),
        all_items: int | None = None,
    ):
        self.size = size
        # Every item, less those removed since the build (`replaced`).
        self.all = (1 << size) - 1 if all_items is None else all_items
        self._bitsets = bitsets
        self._orders = orders
        self._cumulative = tuple(cumulative)
        self._values: dict[str, list[Value]] = {}
        for group, value in bitsets:
            self._values.setdefault(group, []).append(value)

    def bits(self, group: str, value: Value) -> int:
        """The items that have `value` in `group` (none for a value never added)."""
        return self._bitsets.get((group, value), 0)

    def any_of(self, group: str, values: Iterable[Value]) -> int:
        """The items that have at least one of `values`: options within one group combine with OR."""
        bits = 0
        for value in values:
            bits |= self.bits(group, value)
        return bits

    def bits_from(self, items: Iterable[int]) -> int:
        """A bitset of the given items (a search's matches, say)."""
        return _bits_from(items, self.size)

    def values(self, group: str) -> list[Value]:
        """Every value some item has in `group`, in the order they were first added."""
        return list(self._values.get(group, ()))

    def counts(self, group: str, within: int) -> dict[Value, int]:
        """For each value of `group`, how many of the items in `within` have it."""
        return {
            value: (self.bits(group, value) & within).bit_count() for value in self._values.get(group, ())
        }

    def positions(
        self, bits: int, order: str | Sequence[int] | None = None, start: int = 0, stop=None
    ) -> list[int]:
        """Items in `bits`, in `order` (a named order, a sequence of items, or item number), sliced."""
        stop = self.size if stop is None else stop
        if start >= stop or not bits:
            return []
        members = bits.to_bytes((self.size + 7) // 8 or 1, "little")
        if order is None:
            return _set_bits_in_order(members, start, stop)
        sequence = self._orders[order] if isinstance(order, str) else order
        found: list[int] = []
        seen = 0
        for item in sequence:
            if members[item >> 3] >> (item & 7) & 1:
                if seen >= start:
                    found.append(item)
                    if seen + 1 >= stop:
                        break
                seen += 1
        return found

    def replaced(
        self,
        memberships: Mapping[int, Iterable[Key]],
        orders: Mapping[str, Sequence[int]] | None = None,
        *,
        size: int | None = None,
        removed: Iterable[int] = (),
    ) -> "FacetIndex":
        """A new index in which each item of `memberships` has exactly the given (group, value) keys.

        Other items keep theirs; cumulative groups are derived again; a key no
        item has any more is dropped, as a fresh build would never have added
        it.  `orders` replaces the named orders given (an item that moved).
        `size` (at least the current one) adds the items numbered from the
        current size up to it, and then every named order must be given anew
        (an old one would not list them); `removed` items leave every bitset
        and `all`, so that no order yields them whether it still lists them or not.
        """
        size = self.size if size is None else size
        if size < self.size:
            raise ValueError(f"an index cannot shrink (from {self.size} to {size} items)")
        if size > self.size and self._orders.keys() - (orders or {}).keys():
            raise ValueError("items were added: every named order must be given again")
        removed = set(removed)
        for item in [*memberships, *removed]:
            if not 0 <= item < size:
                raise IndexError(f"item {item} is outside 0..{size - 1}")
        gone = _bits_from(removed, size)
        keep = ~(_bits_from(memberships, size) | gone)
        added: dict[Key, int] = {}
        for item, keys in memberships.items():
            if item in removed:
                raise ValueError(f"item {item} is both changed and removed")
            for key in keys:
                added[key] = added.get(key, 0) | 1 << item
        derived = {(group, value) for group, _, values in self._cumulative for value in values}
        bitsets = {}
        for key in dict.fromkeys([*self._bitsets, *added]):
            if key not in derived and (bits := self._bitsets.get(key, 0) & keep | added.get(key, 0)):
                bitsets[key] = bits
        bitsets.update(_cumulate(bitsets, self._cumulative))
        grown = ((1 << size) - 1) ^ ((1 << self.size) - 1)
        return FacetIndex(
            size,
            bitsets,
            {**self._orders, **(orders or {})},
            self._cumulative,
            all_items=(self.all | grown) & ~gone,
        )


def _bits_from(items: Iterable[int], size: int) -> int:
    members = bytearray((size + 7) // 8 or 1)
    for item in items:
        members[item >> 3] |= 1 << (item & 7)
    return int.from_bytes(members, "little")


def _cumulate(bitsets: Mapping[Key, int], cumulative: Iterable[Cumulative]) -> dict[Key, int]:
    """Each cumulative group's bitsets: for each value, the items of that value or any earlier one."""
    derived = {}
    for group, source, values in cumulative:
        running = 0
        for value in values:
            running |= bitsets.get((source, value), 0)
            derived[(group, value)] = running
    return derived


def _set_bits_in_order(members: bytes, start: int, stop: int) -> list[int]:
    """Positions of the set bits from the start-th to the stop-th, skipping whole bytes by popcount."""
    found: list[int] = []
    seen = 0
    for byte_number, byte in enumerate(members):
        if not byte:
            continue
        ones = byte.bit_count()
        if seen + ones <= start:
            seen += ones
            continue
        for bit in range(8):
            if byte >> bit & 1:
                if seen >= start:
                    found.append(byte_number * 8 + bit)
                    if seen + 1 >= stop:
                        return found
                seen += 1
    return found


class FacetIndexBuilder:
    """Collects (group, value, item) memberships, then freezes them into a FacetIndex."""

    def __init__(self, size: int):
        self.size = size
        # Bytearrays while building: setting one bit in a Python int would copy the whole int.
        self._bytes: dict[Key, bytearray] = {}
        self._cumulative: list[Cumulative] = []

    def add(self, group: str, value: Value, item: int) -> None:
        self.add_many(group, value, (item,))

    def add_many(self, group: str, value: Value, items: Iterable[int]) -> None:
        """Mark every one of `items` as having `value` in `group`."""
        key = (group, value)
        members = self._bytes.get(key)
        if members is None:
            members = self._bytes[key] = bytearray((self.size + 7) // 8 or 1)
        size = self.size
        for item in items:
            if not 0 <= item < size:
                raise IndexError(f"item {item} is outside 0..{size - 1}")
            members[item >> 3] |= 1 << (item & 7)

    def add_cumulative(self, group: str, source: str, values: Sequence[Value]) -> None:
        """Group `group` gets, for each of `values` in turn, the items of that value or any earlier one in `source`.

        With `values` ascending this answers "at most v" with one lookup; descending, "at least v".
        The index keeps the rule, to derive the group again when items change (`FacetIndex.replaced`).
        """
        self._cumulative.append((group, source, tuple(values)))

    def build(self, orders: dict[str, Sequence[int]] | None = None) -> FacetIndex:
        bitsets = {key: int.from_bytes(members, "little") for key, members in self._bytes.items()}
        bitsets.update(_cumulate(bitsets, self._cumulative))
        return FacetIndex(self.size, bitsets, dict(orders or {}), self._cumulative)
