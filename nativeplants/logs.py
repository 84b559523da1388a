"""Log records as single lines on stdout, with secrets blanked out.

A platform's log collector reads stdout line by line, so a record that spans
lines (a traceback, a path with a newline in it) would be split into several
unrelated entries. Here a traceback becomes `ExceptionClass: message (at
file:line in function)`, any newline is written as `\\n`, and the secret key and
sensitive POST values are replaced by stars wherever they appear, as are ZIP codes in
URLs (nativeplants/redaction.py).
"""

import logging
import re
import sys
import traceback

from django.conf import settings

from nativeplants.redaction import mask_zip_codes

REDACTED = "********"
# POST fields holding passwords are blanked even on a view without @sensitive_post_parameters.
PASSWORD_FIELD = re.compile(r"pass", re.IGNORECASE)


class StdoutHandler(logging.StreamHandler):
    """A stream handler on whatever `sys.stdout` is when a record is written.

    `logging.StreamHandler(sys.stdout)` keeps the stream it was given at
    start-up; this one follows a later redirection of stdout (a test's capture).
    """

    def __init__(self):
        super().__init__(sys.stdout)

    def emit(self, record):
        self.stream = sys.stdout
        super().emit(record)


class OneLineFormatter(logging.Formatter):
    """Format a record, with any exception, on one line, and blank out secrets."""

    def formatException(self, exc_info):
        exc_type, exc, tb = exc_info
        text = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        frames = traceback.extract_tb(tb)
        if frames:
            last = frames[-1]
            text += f" (at {last.filename}:{last.lineno} in {last.name})"
        return text

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        line = self.formatMessage(record)
        if record.exc_info:
            line += " | " + self.formatException(record.exc_info)
        # Stack dumps (stack_info) are left out: the exception's line says where it happened.
        for secret in self._secrets(record):
            line = line.replace(secret, REDACTED)
        return mask_zip_codes(line).replace("\r", "\\r").replace("\n", "\\n")

    @staticmethod
    def _secrets(record):
        secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        request = getattr(record, "request", None)
        if request is not None and getattr(request, "method", None) == "POST":
            secrets += sensitive_post_values(request)
        # Longest first, so a secret that contains another is blanked whole.
        return sorted((secret for secret in secrets if secret), key=len, reverse=True)


def sensitive_post_values(request):
    """The values of the request's POST fields that must not be logged.

    Those the view marked with `@sensitive_post_parameters` (as Django's login
    views do), and any field whose name contains "pass".
    """
    marked = getattr(request, "sensitive_post_parameters", None) or []
    try:
        post = request.POST
    except Exception:  # an unreadable body has nothing to hide; logging must not fail
        return []
    values = []
    for name in post:
        if marked == "__ALL__" or name in marked or PASSWORD_FIELD.search(name):
            values += [value for value in post.getlist(name) if isinstance(value, str)]
    return values
