from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_transfer import (
    PracticeExportView,
    PracticeImportConfirmView,
    PracticeImportRunStatusView,
    PracticeImportRunView,
    PracticeImportView,
    may_transfer_practices,
)
from .models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticePage,
    PracticeStatus,
    ProcessPhase,
    Regionaldirektion,
    TargetGroup,
    Topic,
)


class JobcenterViewSet(SnippetViewSet):
    model = Jobcenter
    icon = "home"
    list_display = ["name", "bundesland", "form", "town"]
    list_filter = ["bundesland", "form"]
    search_fields = ["name", "town"]
    ordering = ["name"]


class TermViewSet(SnippetViewSet):
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


def term_viewset(term_model, term_icon: str = "tag") -> type[TermViewSet]:
    return type(
        f"{term_model.__name__}ViewSet", (TermViewSet,), {"model": term_model, "icon": term_icon}
    )


class BundeslandViewSet(SnippetViewSet):
    model = Bundesland
    icon = "site"
    list_display = ["name", "code", "regionaldirektion"]
    ordering = ["name"]


class LibraryDataGroup(SnippetViewSetGroup):
    menu_label = _("Practice data")
    menu_icon = "list-ul"
    menu_order = 250
    items = (
        JobcenterViewSet,
        term_viewset(Topic),
        term_viewset(TargetGroup, "group"),
        term_viewset(PartnerType, "link"),
        term_viewset(ProcessPhase, "order"),
        term_viewset(PracticeStatus, "tick"),
        BundeslandViewSet,
        term_viewset(Regionaldirektion, "site"),
    )


register_snippet(LibraryDataGroup)


# Import and export for the Redaktion (admin_transfer.py), beside the practice data.


@hooks.register("register_admin_urls")
def register_practice_transfer_urls():
    urls = [
        path("import/", PracticeImportView.as_view(), name="import"),
        path("import/bestaetigen/", PracticeImportConfirmView.as_view(), name="confirm"),
        path("import/laeufe/<int:pk>/", PracticeImportRunView.as_view(), name="run"),
        path(
            "import/laeufe/<int:pk>/stand/",
            PracticeImportRunStatusView.as_view(),
            name="run_status",
        ),
        path("export/", PracticeExportView.as_view(), name="export"),
    ]
    return [path("praxisbeispiele-transfer/", (urls, "practice_transfer", "practice_transfer"))]


class PracticeTransferMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_transfer_practices(request.user)


@hooks.register("register_admin_menu_item")
def register_practice_transfer_menu():
    menu = Menu(
        items=[
            PracticeTransferMenuItem(
                _("Import practices"),
                reverse("practice_transfer:import"),
                name="practice-import",
                icon_name="upload",
                order=100,
            ),
            PracticeTransferMenuItem(
                _("Export practices"),
                reverse("practice_transfer:export"),
                name="practice-export",
                icon_name="download",
                order=200,
            ),
        ]
    )
    return SubmenuMenuItem(
        _("Import/export"), menu, name="practice-transfer", icon_name="doc-full", order=260
    )


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def tell_the_editor_which_bundeslaender_the_jobcenters_replace(request, page):
    # A background autosave answers in JSON; its messages would pile up for the next page view.
    if not isinstance(page, PracticePage) or not request.accepts("text/html"):
        return
    chosen_ids = [
        value
        for value in request.POST.getlist("bundeslaender")
        if value.isascii() and value.isdigit()
    ]
    chosen = list(Bundesland.objects.filter(pk__in=chosen_ids)) if chosen_ids else []
    replacement = page.bundeslaender_replacement(chosen)
    if replacement:
        messages.warning(request, replacement)
