"""The page shown by django-axes (AXES_LOCKOUT_CALLABLE) to a locked-out login."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """A 429 page in the admin's own look, saying why the login was refused."""
    context = {
        **admin.site.each_context(request),
        "title": "Login locked",
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(
        request, "admin/locked_out.html", context, status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    )
