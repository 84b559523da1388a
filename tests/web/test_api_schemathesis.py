"""schemathesis against the served schema: every operation, a fixed seed, no 5xx, every answer as documented."""

import orjson
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, seed, settings
from rest_framework.throttling import AnonRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nativeplants.wsgi import application
from tests.support import factories

TRAITS = {
    "has_characteristics": True,
    "bloom_period": "Late Spring",
    "flower_color": "yellow",
    "height_feet": 2.0,
}


def generated_schema() -> dict:
    """The schema /api/schema/ serves, made without a request (none can be made while tests are collected)."""
    return SchemaGenerator().get_schema(request=None, public=True)


schema = schemathesis.openapi.from_dict(orjson.loads(orjson.dumps(generated_schema())))
schema.app = application  # run every case against the site's WSGI application, in process


@pytest.fixture(autouse=True)
def plants_to_find(alumroot, monkeypatch):
    factories.make_plants(3, usda=TRAITS, uses=("meadow",))
    factories.hostile_plant()
    monkeypatch.setattr(AnonRateThrottle, "rate", "1000000/minute", raising=False)
    # As Django's test client does: a request must not close the test's connection (and its transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_schema_tested_is_the_one_served(client):
    assert client.get("/api/schema/?format=json").json() == orjson.loads(orjson.dumps(generated_schema()))


@pytest.mark.slow
@schema.parametrize()
@seed(18)
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_operation_keeps_to_its_schema(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
