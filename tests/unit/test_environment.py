"""How the settings read each kind of environment variable (nativeplants/environment.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from nativeplants.environment import Environment


@pytest.mark.parametrize("written", ["1", "true", "TRUE", "Yes", "on", " on "])
def test_a_flag_is_on_for_the_true_words(written):
    assert Environment({"HTTPS": written}).flag("HTTPS") is True


@pytest.mark.parametrize("written", ["0", "false", "no", "off", "ok", "y", "enabled", " "])
def test_a_flag_is_off_for_any_other_word(written):
    assert Environment({"HTTPS": written}).flag("HTTPS", default=True) is False


@pytest.mark.parametrize("variables", [{}, {"HTTPS": ""}])
def test_an_unset_or_empty_flag_takes_its_default(variables):
    assert Environment(variables).flag("HTTPS") is False
    assert Environment(variables).flag("HTTPS", default=True) is True


def test_a_whole_number_is_read_with_spaces_around_it():
    assert Environment({"CACHE_SECONDS": " 600 "}).whole_number("CACHE_SECONDS", 300) == 600
    assert Environment({"TRUSTED_PROXIES": "-1"}).whole_number("TRUSTED_PROXIES", 0) == -1


@pytest.mark.parametrize("variables", [{}, {"CACHE_SECONDS": ""}, {"CACHE_SECONDS": "  "}])
def test_an_unset_or_blank_whole_number_takes_its_default(variables):
    assert Environment(variables).whole_number("CACHE_SECONDS", 300) == 300


@pytest.mark.parametrize("written", ["a year", "5.5", "1e3", "0x10"])
def test_anything_but_a_whole_number_is_refused_with_the_variables_name(written):
    with pytest.raises(ImproperlyConfigured) as refused:
        Environment({"HSTS_SECONDS": written}).whole_number("HSTS_SECONDS", 0)
    assert str(refused.value) == f"HSTS_SECONDS must be a whole number, not {written!r}."


def test_text_is_kept_as_written_and_empty_is_a_value():
    env = Environment({"ADMIN_URL": " /editors/ ", "TIME_ZONE": ""})
    assert env.text("ADMIN_URL", "admin/") == " /editors/ "
    assert env.text("TIME_ZONE", "UTC") == ""
    assert env.text("LOG_LEVEL", "WARNING") == "WARNING"
    assert env.text("SECRET_KEY") == ""


def test_a_comma_list_drops_spaces_and_empty_items():
    env = Environment({"ALLOWED_HOSTS": " plants.example.org, ,www.plants.example.org,"})
    assert env.comma_list("ALLOWED_HOSTS") == ["plants.example.org", "www.plants.example.org"]


def test_an_unset_comma_list_reads_its_default_and_an_empty_one_is_empty():
    assert Environment({}).comma_list("ALLOWED_HOSTS", "localhost, 127.0.0.1") == ["localhost", "127.0.0.1"]
    assert Environment({"ALLOWED_HOSTS": ""}).comma_list("ALLOWED_HOSTS", "localhost") == []
