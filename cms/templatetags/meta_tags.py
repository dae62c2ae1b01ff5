"""Values for the OpenGraph/canonical head of any page (see templates/includes/meta.html)."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from cms.site_url import absolute_url

register = template.Library()

DESCRIPTION_FIELDS = ("search_description", "teaser", "summary", "intro")


def _canonical_url(request, page) -> str:
    """The page's public URL; for plain views the request's path without a query."""
    if page is not None and hasattr(page, "get_url"):
        path = page.get_url(request)
        if path:
            return absolute_url(path)
    return absolute_url(request.path) if request is not None else ""


def _description(page, override: str) -> str:
    """A plain-text summary of at most 300 characters: the first non-empty descriptive field."""
    text = override
    for field in DESCRIPTION_FIELDS:
        if text:
            break
        text = str(getattr(page, field, "") or "")
    return Truncator(" ".join(strip_tags(text).split())).chars(300)


@register.simple_tag(takes_context=True)
def page_meta(context) -> dict:
    """What the head describes; a template may override ``meta_description``, ``meta_title``,
    ``meta_type``, ``meta_image`` and ``meta_image_alt`` in its context."""
    request = context.get("request")
    page = context.get("page")
    title = context.get("meta_title") or (
        (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page else ""
    )
    return {
        "url": _canonical_url(request, page),
        "title": title,
        "description": _description(page, context.get("meta_description") or ""),
        "type": context.get("meta_type") or getattr(page, "og_type", "") or "website",
        "image": context.get("meta_image") or getattr(page, "og_image", None),
        "image_alt": context.get("meta_image_alt") or getattr(page, "og_image_alt", ""),
    }


@register.simple_tag
def absolute_uri(url: str) -> str:
    return absolute_url(url)
