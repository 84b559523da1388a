"""What the site's logs must not keep: a visitor's ZIP code in a URL, masked (plain Python).

Used by the application's log lines (nativeplants/logs.py) and gunicorn's
access log (nativeplants/access_log.py), where request lines and referrers
carry query strings. The parameter's name is matched percent-encoded too
(`z%69p=`), since Django reads that as `zip` as well, and in any case.
"""

import re

ZIP_MASK = "*****"
# Anywhere in the text, even inside another parameter's encoded URL (?next=/plants/%3Fzip%3D80302):
# masking a little too much ("unzip=") is better than a ZIP code left in.
_ZIP_VALUE = re.compile(r"((?:z|%7a)(?:i|%69)(?:p|%70)(?:=|%3d))[^&;#\s\"']*", re.IGNORECASE)


def mask_zip_codes(text: str) -> str:
    """`text` with every zip parameter's value replaced: /plants/?zip=80302 -> /plants/?zip=*****."""
    return _ZIP_VALUE.sub(lambda match: match.group(1) + ZIP_MASK, text)
