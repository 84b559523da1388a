"""The public site's Jinja2 environment (nativeplants/jinja2.py)."""

import pytest
from django.template import engines
from jinja2 import UndefinedError


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


def test_a_plain_dicts_keys_read_as_attributes_before_its_methods():
    document = {"common_name": "Littleleaf Alumroot", "items": ["a key, not dict.items"]}
    assert render("{{ page.common_name }}", page=document) == "Littleleaf Alumroot"
    assert render("{{ page.items[0] }}", page=document) == "a key, not dict.items"
    # Without such a key the method is still there.
    assert render("{% for k, v in page.items() %}{{ k }}={{ v }}{% endfor %}", page={"a": 1}) == "a=1"


def test_objects_and_dict_subclasses_keep_jinjas_attribute_first_lookup():
    class Labelled(dict):
        label = "attribute"

    assert render("{{ d.label }}", d=Labelled(label="key")) == "attribute"
    assert render("{{ s.upper() }}", s="shout") == "SHOUT"


def test_a_misspelt_key_is_an_error_not_an_empty_string():
    with pytest.raises(UndefinedError):
        render("{{ page.comon_name }}", page={"common_name": "Littleleaf Alumroot"})


def test_a_templates_own_globals_overlay_the_sites_and_leave_them_unchanged():
    env = engines["jinja2"].env
    own = env.from_string("{{ static }} {{ range(2)|list }}", globals={"static": "its own"})
    assert own.render() == "its own [0, 1]"
    assert env.globals["static"] is not None and env.globals["static"] != "its own"
    assert render("{{ static('plants/site.css') }}").endswith(".css")
