"""Gunicorn's access log without visitors' ZIP codes (nativeplants/redaction.py)."""

from gunicorn.glogging import Logger

from nativeplants.redaction import mask_zip_codes


class AccessLogger(Logger):
    """Gunicorn's logger, with the ZIP codes masked in every text it can put in an access line."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask_zip_codes(value) if isinstance(value, str) else value for key, value in atoms.items()
        }
