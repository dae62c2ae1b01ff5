from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

register = template.Library()

# Section start pages in navigation order; each is found by its page type.
SECTION_PAGE_TYPES = [
    ("practices", "practiceindexpage", gettext_lazy("Practices")),
    ("cms", "magazineindexpage", gettext_lazy("Magazine")),
    ("cms", "guideindexpage", gettext_lazy("Guides")),
    ("events", "eventindexpage", gettext_lazy("Events")),
    ("offers", "offerindexpage", gettext_lazy("Offers")),
]


def _section_links(request) -> list[dict]:
    from django.contrib.contenttypes.models import ContentType

    site = Site.find_for_request(request)
    content_types = {
        (ct.app_label, ct.model): ct.pk
        for ct in ContentType.objects.filter(
            app_label__in={app for app, _model, _label in SECTION_PAGE_TYPES},
            model__in={model for _app, model, _label in SECTION_PAGE_TYPES},
        )
    }
    pages = Page.objects.live().filter(content_type_id__in=content_types.values())
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    by_type = {page.content_type_id: page for page in pages.order_by("path")}
    links = []
    for app, model, label in SECTION_PAGE_TYPES:
        page = by_type.get(content_types.get((app, model)))
        if page is not None:
            links.append({"label": str(label), "url": page.get_url(request)})
    return links


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    links = _section_links(request)
    links.append({"label": _("Map"), "url": reverse("regions:map")})
    links.append({"label": _("Forum"), "url": reverse("forum:index")})
    links.append({"label": _("Search"), "url": reverse("search:search")})
    for link in links:
        link["current"] = request.path.startswith(link["url"]) and link["url"] != "/"
    return {"links": links}


@register.filter
def selected_option_count(facet_groups, extra=0) -> int:
    """How many facet options are ticked across the groups, for the "Filter (n)" summary, plus
    ``extra`` filters of the page's own that are set."""
    ticked = sum(option.selected for group in facet_groups or () for option in group["options"])
    return ticked + int(extra or 0)


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in templates, empty when missing."""
    return mapping.get(key, ()) if mapping else ()
