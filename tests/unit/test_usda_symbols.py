"""plants.usda_symbols: one rule for what a USDA symbol is, shared by the model and the article parser."""

import pytest
from django.core.exceptions import ValidationError

from plants.usda_symbols import is_usda_symbol
from plants.validators import usda_symbol_validator

SYMBOLS = ["HEPAM2", "AMAL2", "SHGA", "CECA4", "AB", "A1234567"]
NOT_SYMBOLS = ["", "H", "hepam2", "2HEPAM", "HEPAM 2", "HEP-AM2", "ABCDEFGHI", "HÉPAM2"]


@pytest.mark.parametrize("text", SYMBOLS)
def test_symbols_are_accepted_by_the_rule_and_the_models_validator(text):
    assert is_usda_symbol(text)
    usda_symbol_validator(text)


@pytest.mark.parametrize("text", NOT_SYMBOLS)
def test_other_text_is_refused_by_both(text):
    assert not is_usda_symbol(text)
    with pytest.raises(ValidationError) as caught:
        usda_symbol_validator(text)
    assert caught.value.messages == [
        "A USDA symbol is 2 to 8 capital letters and digits starting with a letter, such as HEPAM2."
    ]
