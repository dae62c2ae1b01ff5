from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
