"""Every API error as JSON: {"detail": ..., "errors": [{"field", "message"}]}, the list only for a 400."""

from rest_framework import exceptions
from rest_framework.views import exception_handler


def field_errors(errors) -> list[dict]:
    """[{field, message}] from a form's or serializer's errors ({field: [message, ...]})."""
    return [
        {"field": field, "message": str(message)}
        for field, messages in errors.items()
        for message in (messages if isinstance(messages, list | tuple) else [messages])
    ]


def handle(exc, context):
    """DRF's handler (status, Retry-After), with the body in the API's one shape."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"query": exc.detail}
        response.data = {"detail": "The request's parameters are not valid.", "errors": field_errors(detail)}
    else:
        response.data = {"detail": str(getattr(exc, "detail", exc))}
    return response
