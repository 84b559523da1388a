"""Reading the settings from environment variables, one kind of value at a time.

Plain Python but for Django's ImproperlyConfigured, the error a bad setting
raises, so a typo stops the site at start-up with the variable's name in the
message instead of running with something else.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

# What turns a flag on; anything else written in the variable turns it off.
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


class Environment:
    """Typed readers over a mapping of variables (os.environ for the settings)."""

    def __init__(self, variables: Mapping[str, str]):
        self.variables = variables

    def text(self, name: str, default: str = "") -> str:
        """The value as written, empty included; `default` only when the variable is unset."""
        return self.variables.get(name, default)

    def flag(self, name: str, default: bool = False) -> bool:
        """On for 1, true, yes or on (any case, spaces around ignored); unset or empty: `default`."""
        value = self.variables.get(name, "")
        if value == "":
            return default
        return value.strip().lower() in TRUE_WORDS

    def whole_number(self, name: str, default: int) -> int:
        """An integer; unset or blank: `default`; anything else is refused with the variable's name."""
        value = self.variables.get(name, "").strip()
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None

    def comma_list(self, name: str, default: str = "") -> list[str]:
        """The comma-separated items, each stripped, empty ones dropped; `default` is read the same way."""
        return [item.strip() for item in self.text(name, default).split(",") if item.strip()]
