"""Django's JSON serialization format, keeping times to the microsecond.

Django's encoder cuts datetimes to milliseconds (ECMA-262 style), so a
`dumpdata` of rows saved with `auto_now` does not load back the same: a
profile's `updated_at` loses its last three digits, and every page showing it
changes.  Registered as the "json" format in `SERIALIZATION_MODULES`, so
`dumpdata`/`loaddata` round-trip exactly; reading is Django's own (ISO 8601
with or without microseconds), so existing fixtures load unchanged.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.timezone import is_aware


class FullPrecisionJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            if is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        if self.json_kwargs["cls"] is DjangoJSONEncoder:  # unless a caller chose an encoder
            self.json_kwargs["cls"] = FullPrecisionJSONEncoder


Deserializer = django_json.Deserializer
