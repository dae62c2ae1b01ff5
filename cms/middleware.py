"""Site-wide request and response guards: security headers and refusal of unstorable input."""

import re
from functools import cache
from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

# PostgreSQL text refuses NUL, and UTF-8 has no encoding for lone surrogates.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@cache
def admin_prefix() -> str:
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a second, looser policy for the Wagtail admin.

    The settings' ``CONTENT_SECURITY_POLICY`` applies to the site; under the admin prefix the
    directives in ``ADMIN_CONTENT_SECURITY_POLICY_REPLACE`` take the place of the site's. A
    view's own ``@csp_replace``/``@csp_update`` still wins over both.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponse, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            parts.replace = {
                **settings.ADMIN_CONTENT_SECURITY_POLICY_REPLACE,
                **(parts.replace or {}),
            }
        return parts


class PermissionsPolicyMiddleware:
    """Send ``PERMISSIONS_POLICY`` (feature → allow-list) as the Permissions-Policy header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class UnstorableInputMiddleware:
    """Answer 400 to a request whose path, query string, form data or cookies carry characters
    that no database column can hold, before any view or session lookup passes them to SQL.

    Django decodes broken UTF-8 in query strings and url-encoded bodies to U+FFFD silently, so
    those raw bytes are checked before decoding: a search for "%FC" (Latin-1 "ü") would
    otherwise run for a replacement character.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.is_unstorable(request):
            return self.refuse(request)
        return self.get_response(request)

    def is_unstorable(self, request: HttpRequest) -> bool:
        if UNSTORABLE.search(request.path_info):
            return True
        if not is_utf8_urlencoded(request.META.get("QUERY_STRING", "").encode("iso-8859-1")):
            return True
        # Django itself refuses a url-encoded body that declares another charset.
        body_is_form = request.content_type == "application/x-www-form-urlencoded"
        if body_is_form and request.method != "GET" and not is_utf8_urlencoded(request.body):
            return True
        sources = [request.GET.lists(), request.COOKIES.items()]
        if request.method == "POST":
            sources.append(request.POST.lists())
        return any(
            UNSTORABLE.search(key) or any(UNSTORABLE.search(value) for value in always_list(values))
            for source in sources
            for key, values in source
        )

    def refuse(self, request: HttpRequest) -> HttpResponse:
        message = _(
            "The request contains characters that cannot be processed, such as a null "
            "character or text that is not valid UTF-8. Please remove them and try again."
        )
        # The JSON API (cms/urls.py) answers its clients in JSON, errors included.
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"error": message}, status=400, json_dumps_params={"ensure_ascii": False}
            )
        return HttpResponseBadRequest(render_to_string("400.html", {"message": message}))


def always_list(values: str | list[str]) -> list[str]:
    return [values] if isinstance(values, str) else values


def is_utf8_urlencoded(raw: bytes) -> bool:
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
