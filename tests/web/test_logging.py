"""Logs: one line on stdout per request error, with the path, without the secret key or passwords."""

import logging

import pytest
from django.conf import settings
from django.test import Client


@pytest.fixture
def client():
    # Errors become the 500 page (and a log line), as for a visitor, instead of failing the test.
    return Client(raise_request_exception=False)


def stdout_lines(capsys):
    return capsys.readouterr().out.splitlines()


@pytest.mark.urls("tests.support.error_urls")
def test_a_server_error_is_one_line_with_the_path_and_no_secrets(client, db, capsys):
    form = {"username": "editor", "password": "hunter2-correct-horse", "card_number": "4111111111111111"}
    response = client.post("/test-only/fail/", form)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()

    [line] = stdout_lines(capsys)
    assert (
        " ERROR django.request Internal Server Error: /test-only/fail/ | RuntimeError: could not charge"
        in line
    )
    assert "second line" in line and "\\nsecond line" in line  # the message's newline, escaped
    assert "(at " in line and "tests/support/error_urls.py" in line and "in failing_view)" in line
    assert "for editor" in line  # what is not secret stays readable
    for secret in [settings.SECRET_KEY, form["password"], form["card_number"]]:
        assert secret not in line
    assert line.count("********") == 3


def test_a_not_found_is_one_line_even_with_a_newline_in_the_path(client, db, capsys):
    response = client.get("/no-such-page%0A2026-01-01 ERROR forged entry/")
    assert response.status_code == 404
    [line] = stdout_lines(capsys)
    assert " WARNING django.request Not Found: /no-such-page\\n2026-01-01 ERROR forged entry/" in line


def test_a_bad_request_is_logged_with_its_path(client, db, capsys):
    assert client.get("/plants/?zone=99").status_code == 400
    [line] = stdout_lines(capsys)
    assert " WARNING django.request Bad Request: /plants/" in line


def test_a_failed_login_logs_no_password(db, capsys, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    client = Client()
    client.post("/admin/login/", {"username": "editor", "password": "wrong-but-secret-guess"})
    out = capsys.readouterr().out
    assert "AXES: New login failure" in out  # the failure is on record ...
    assert "wrong-but-secret-guess" not in out  # ... without what was typed


def test_zip_codes_in_logged_urls_are_masked(client, db, capsys):
    assert client.get("/plants/?zip=1234x").status_code == 400
    logging.getLogger("django.request").warning("Slow request: %s", "/plants/?light=sun&zip=80302")
    output = capsys.readouterr().out
    assert "1234x" not in output and "80302" not in output
    assert "Slow request: /plants/?light=sun&zip=*****" in output
