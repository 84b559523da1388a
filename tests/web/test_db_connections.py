"""A PostgreSQL connection the server has closed is replaced before a request uses it.

Through Django's WSGI handler, not the test client: the client leaves out the
request_started handling (close_old_connections) that arms the health check.
The check itself is nativeplants/postgresql/base.py; the server-side binding
that lets psycopg prepare repeated queries is in the settings.
"""

import io
import time

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL connection checks"),
    pytest.mark.django_db(transaction=True),
]


def wsgi_get(path: str) -> tuple[str, bytes]:
    """One request through the WSGI handler, as gunicorn makes it."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    statuses = []
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response)
    finally:
        response.close()  # request_finished, as a server sends it
    return statuses[0], body


def server_side(sql: str, *params):
    """Ask the server over a connection of its own."""
    info = connection.connection.info
    with psycopg.connect(
        host=info.host, port=info.port, user=info.user, dbname=info.dbname, autocommit=True
    ) as other:
        return other.execute(sql, params).fetchone()


def close_from_the_server(pid: int) -> None:
    server_side("SELECT pg_terminate_backend(%s)", pid)
    for _ in range(100):
        if not server_side("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", pid)[0]:
            return
        time.sleep(0.05)
    raise AssertionError(f"backend {pid} did not end")


@pytest.fixture
def page(alumroot, settings):
    settings.CACHE_SECONDS = 0  # every request reaches the database
    status, _ = wsgi_get(alumroot.get_absolute_url())
    assert status == "200 OK"
    assert connection.connection is not None  # kept for the next request (CONN_MAX_AGE)
    return alumroot.get_absolute_url()


def test_a_connection_the_server_closed_is_replaced_before_the_next_request(page):
    pid = connection.connection.info.backend_pid
    close_from_the_server(pid)
    status, body = wsgi_get(page)
    assert status == "200 OK"
    assert b"Littleleaf Alumroot" in body
    assert connection.connection.info.backend_pid != pid


def test_without_the_check_that_request_would_fail(page):
    connection.health_check_enabled = False
    try:
        close_from_the_server(connection.connection.info.backend_pid)
        status, _ = wsgi_get(page)
    finally:
        connection.health_check_enabled = True
    assert status == "500 Internal Server Error"


def test_checking_an_open_connection_sends_the_server_nothing(page):
    pid = connection.connection.info.backend_pid
    connection.connection.execute("SELECT 'last query before the check'")
    connection.health_check_done = False  # as at the start of a request
    connection.close_if_health_check_failed()
    assert connection.connection.info.backend_pid == pid  # kept
    # The server's record of the connection's latest query: Django's own check would have sent SELECT 1.
    assert server_side("SELECT query FROM pg_stat_activity WHERE pid = %s", pid) == (
        "SELECT 'last query before the check'",
    )


def test_a_page_visited_again_runs_its_query_prepared_once(page):
    """Parameters are bound by the server, so psycopg prepares a query a connection runs often."""
    for _ in range(6):
        status, body = wsgi_get(page)
        assert status == "200 OK" and b"Littleleaf Alumroot" in body
    pid = connection.connection.info.backend_pid
    with connection.cursor() as cursor:
        # The session's own statements: the view lists only those of the connection asking.
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert connection.connection.info.backend_pid == pid  # the same connection the pages used
    assert [statement for statement in prepared if "page.document" in statement and "$1" in statement]
