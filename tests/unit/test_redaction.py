"""ZIP codes masked in log text and in gunicorn's access lines."""

import datetime
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from nativeplants.access_log import AccessLogger
from nativeplants.redaction import mask_zip_codes


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("GET /plants/?zip=80302 HTTP/1.1", "GET /plants/?zip=***** HTTP/1.1"),
        ("/plants/?light=sun&zip=80302&zone=5", "/plants/?light=sun&zip=*****&zone=5"),
        ("/plants/?zip=80302&zip=10001", "/plants/?zip=*****&zip=*****"),
        ("/plants/heuchera/?z%69p=80302", "/plants/heuchera/?z%69p=*****"),
        ("/login/?next=/plants/%3Fzip%3D80302%26light%3Dsun", "/login/?next=/plants/%3Fzip%3D*****"),
        ('"https://example.org/plants/?zip=1234x"', '"https://example.org/plants/?zip=*****"'),
        ("/plants/?zip=", "/plants/?zip=*****"),
        ("/plants/?zone=5&q=zipper", "/plants/?zone=5&q=zipper"),
    ],
)
def test_zip_values_are_masked(text, masked):
    assert mask_zip_codes(text) == masked


def test_the_access_log_masks_the_request_line_query_and_referrer():
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/plants/?zip=80302&light=sun",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/plants/",
        "QUERY_STRING": "zip=80302&light=sun",
        "HTTP_REFERER": "https://example.org/?zip=80302",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", "https://example.org/?zip=80302")])
    logger = AccessLogger(Config())
    atoms = logger.atoms(response, request, environ, datetime.timedelta(seconds=0))
    assert atoms["r"] == "GET /plants/?zip=*****&light=sun HTTP/1.1"
    assert atoms["q"] == "zip=*****&light=sun"
    assert atoms["f"] == atoms["{referer}i"] == "https://example.org/?zip=*****"
    line = logger.cfg.access_log_format % atoms
    assert "80302" not in line and "zip=*****" in line


def test_gunicorn_is_configured_with_the_masking_logger():
    from nativeplants import gunicorn_conf

    config = Config()
    config.set("logger_class", gunicorn_conf.logger_class)
    assert config.logger_class is AccessLogger
