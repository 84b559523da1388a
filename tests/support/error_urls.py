"""The site's URLs plus a view that fails, for the logging tests (`@pytest.mark.urls`)."""

from django.conf import settings
from django.urls import path
from django.views.decorators.debug import sensitive_post_parameters

from nativeplants.urls import urlpatterns as site_urlpatterns


@sensitive_post_parameters("card_number")
def failing_view(request):
    # As careless as an exception message gets: secrets, and a second line.
    raise RuntimeError(
        f"could not charge {request.POST.get('card_number')} for {request.POST.get('username')}"
        f" (password {request.POST.get('password')}, key {settings.SECRET_KEY})\nsecond line"
    )


urlpatterns = [path("test-only/fail/", failing_view), *site_urlpatterns]
