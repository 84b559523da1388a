"""Field validators whose messages are written for editors."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from plants import natureserve, regions, usda_symbols

usda_symbol_validator = RegexValidator(
    regex=usda_symbols.PATTERN,
    message=f"A USDA symbol is {usda_symbols.RULE}.",
    code="invalid_usda_symbol",
)


def validate_conservation_rank(value: str) -> None:
    errors = natureserve.validate(value)
    if errors:
        raise ValidationError(errors, code="invalid_conservation_rank")


def validate_state_code(value: str) -> None:
    if value not in regions.PLACES:
        raise ValidationError(
            "“%(value)s” is not a US state, territory or Canadian province code (such as CO or BC).",
            params={"value": value},
            code="invalid_state",
        )
