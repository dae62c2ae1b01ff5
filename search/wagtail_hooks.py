from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .admin_views import PERMISSION as LOG_REPORT_PERMISSION
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    """The Redaktion's list of equivalent search terms (applied to every search at once)."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)


# The search log report (admin_views.py), among Wagtail's own reports.


@hooks.register("register_admin_urls")
def register_search_log_urls():
    return [path("search-log/", include(admin_urls, namespace="search_log"))]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(LOG_REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item():
    return SearchLogMenuItem(
        _("Search log"),
        reverse("search_log:report"),
        name="search-log",
        icon_name="search",
        order=1250,
    )
