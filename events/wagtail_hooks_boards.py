"""Proposals in the Wagtail admin: the Redaktion follows them up (status, progress note and
what grew out of them: practices, guides, forum topics)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Proposal


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "pick"
    menu_label = _("Proposals")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "column", "status", "board"]
    list_filter = ["status"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("column"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("progress_note")], heading=_("Follow-up")
        ),
        FieldPanel("linked_pages"),
        FieldPanel("linked_topics"),
    ]

    def get_queryset(self, request):
        return Proposal.objects.select_related("board__session")


register_snippet(ProposalViewSet)
