"""`/healthz`: one database query, 200 or 503, never cached, reachable over plain HTTP."""

import json
from unittest import mock

from django.db import OperationalError, connection


def test_healthz_answers_ok_with_one_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz")
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response  # so no 304 from ConditionalGetMiddleware either


def test_healthz_answers_503_when_the_database_fails(client, db, capsys):
    error = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    with mock.patch.object(connection, "cursor", side_effect=error):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {"status": "error", "database": "unavailable"}
    assert "no-store" in response["Cache-Control"]
    assert "Health check failed: database: OperationalError: connection to server" in capsys.readouterr().out


def test_healthz_is_not_redirected_to_https(client, db, settings):
    # A load balancer may probe over plain HTTP; pages are still redirected.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_healthz_is_not_in_the_sitemap(client, alumroot):
    assert "healthz" not in client.get("/sitemap.xml").content.decode()
