from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls
from .models import Category, DefaultGroupPermission
from .permissions import for_request


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "parent", "slug"]
    search_fields = ["name", "description"]
    # Editors drag the rows into the order the forum shows.
    sort_order_field = "sort_order"


class DefaultGroupPermissionViewSet(SnippetViewSet):
    model = DefaultGroupPermission
    icon = "lock"
    menu_label = _("Default rights")
    list_display = ["group", "see_category", "read_category", "start_topics", "moderate"]


class ForumAdminGroup(SnippetViewSetGroup):
    menu_label = _("Forum")
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (CategoryViewSet, DefaultGroupPermissionViewSet)


register_snippet(ForumAdminGroup)


# The moderation queue, silences and the moderation log (forum/admin_views.py).


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("forum-moderation/", include(admin_urls, namespace="forum_moderation"))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return for_request(request).can_use_moderation_queue()


class SilenceMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return for_request(request).can_silence_members()


@hooks.register("register_admin_menu_item")
def register_moderation_menu():
    menu = Menu(
        items=[
            ModeratorMenuItem(
                _("Reported posts"),
                reverse("forum_moderation:queue"),
                name="forum-reports",
                icon_name="warning",
                order=100,
            ),
            SilenceMenuItem(
                _("Silenced members"),
                reverse("forum_moderation:silences"),
                name="forum-silences",
                icon_name="user",
                order=200,
            ),
            ModeratorMenuItem(
                _("Moderation log"),
                reverse("forum_moderation:log"),
                name="forum-moderation-log",
                icon_name="history",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem(
        _("Forum moderation"), menu, name="forum-moderation", icon_name="warning", order=255
    )
