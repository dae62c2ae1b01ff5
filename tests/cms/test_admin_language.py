"""The Wagtail admin speaks the editors' language: no English left in what they see or hear.

The walk renders the admin's main views on the demo content, as the demo editor and as a
superuser, and reads what a person perceives: visible text, the labels screen readers announce
(aria-label, title, placeholder, alt, submit values) and the labels of the menus and StreamField
forms that the admin's scripts draw from JSON.
"""

import json
import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from bs4.element import PreformattedString
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Task, Workflow

from cms.models import ArticlePage
from tests.factories.demo import demo_content
from tests.factories.files import create_document, png_bytes

# One test process runs the module: its demo site (a module fixture) is built once.
pytestmark = pytest.mark.xdist_group("admin_language")

# English words of a user interface that are not also German words ("Status", "Name", "Filter",
# "Workflow", "Live", "Upload", "Revision" and "Dashboard" are). Whole words only: a hyphen
# joins a German compound ("Forum-Moderation", "Editor-Handbuch"), so it counts as part of the
# word.
ENGLISH_WORDS = [
    "account", "actions", "add", "and", "apply", "approval", "approve", "back", "breadcrumb", "can",
    "cancel", "changes", "children", "choose", "clear", "close", "collection", "collections",
    "comment", "comments", "copy", "create", "current", "delete", "document", "documents",
    "draft", "edit", "email", "enter", "explorer", "for", "from", "guide", "help", "hide",
    "history", "home", "image", "images", "latest", "lock", "locked", "logout", "more",
    "moderators", "move", "next", "notification", "notifications", "of", "page", "pages", "parent",
    "password", "preview", "previous", "private", "profile", "public", "publish", "published",
    "redirect", "redirects", "reject", "remove", "reorder", "report", "reports", "request",
    "revisions", "root", "save", "search", "select", "selected", "settings",
    "show", "sidebar", "site", "sites", "sort", "submit", "submitted", "task", "tasks", "the",
    "this", "title", "to", "toggle", "type", "unlock", "unpublish", "update",
    "user", "users", "view", "with", "yes", "you", "your",
]  # fmt: skip
# The review is the Redaktion's "Redaktionelle Prüfung"; "Moderation" belongs to the forum.
REVIEW_AS_MODERATION = r"Moderation(?:sphase)?|moderiert"
LEFTOVER = re.compile(
    rf"(?<![\w-])(?:{'|'.join(ENGLISH_WORDS)}|{REVIEW_AS_MODERATION})(?![\w-])", re.IGNORECASE
)
ANNOUNCED_ATTRIBUTES = [
    "aria-label",
    "aria-description",
    "title",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
]
# Keys of the admin's JSON (sidebar, StreamField definitions) whose strings are shown as labels.
JSON_LABEL_KEYS = {"label", "description", "helpText", "heading", "footer_text"}


def perceived_strings(html: str) -> Iterator[str]:
    """Everything of a page that a person reads or hears, one string at a time."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") == "application/json" and script.get("id") == "wagtail-sidebar-props":
            yield from json_labels(unpack(json.loads(script.string)))
        script.decompose()
    for element in soup(["style", "textarea"]):
        element.decompose()
    for string in soup.find_all(string=True):
        # Comments and the doctype are not shown; the strings of a <template> are, once a
        # dialog or a new form row is opened (stripped_strings leaves those out).
        if not isinstance(string, PreformattedString) and string.strip():
            yield string.strip()
    for tag in soup.find_all(True):
        for attribute in ANNOUNCED_ATTRIBUTES:
            if tag.get(attribute):
                yield str(tag[attribute])
        if tag.name == "input" and tag.get("type") in {"submit", "button", "reset"}:
            yield str(tag.get("value", ""))
        if tag.get("data-w-block-data-value"):
            yield from json_labels(unpack(json.loads(tag["data-w-block-data-value"])))


def unpack(data, refs: dict | None = None):
    """Telepath's packed JSON as plain data: values it sent once and referred to later by id."""
    refs = {} if refs is None else refs
    if isinstance(data, list):
        return [unpack(item, refs) for item in data]
    if not isinstance(data, dict):
        return data
    if "_ref" in data:
        return refs[data["_ref"]]
    if "_val" in data:
        value = unpack(data["_val"], refs)
    elif "_dict" in data:
        value = {key: unpack(item, refs) for key, item in data["_dict"].items()}
    elif "_list" in data:
        value = [unpack(item, refs) for item in data["_list"]]
    else:
        value = {key: unpack(item, refs) for key, item in data.items() if key != "_id"}
    if "_id" in data:
        refs[data["_id"]] = value
    return value


def json_labels(data) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in JSON_LABEL_KEYS and isinstance(value, str):
                yield value
            else:
                yield from json_labels(value)
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str) and item.lstrip().startswith("<"):
                yield from perceived_strings(item)
            else:
                yield from json_labels(item)


def leftovers(html: str, *, names: set[str] = frozenset()) -> list[str]:
    """The strings that still carry English (or the review called "Moderation").

    ``names`` are proper names from the data (groups, people): a string that is one of them, or
    quotes one, is a name, not wording.
    """
    found = []
    for text in perceived_strings(html):
        text = " ".join(text.split())
        for name in names:
            if text == name:
                text = ""
            text = text.replace(f"'{name}'", "").replace(f"„{name}“", "")
        if LEFTOVER.search(text):
            found.append(text)
    return sorted(set(found))


def proper_names() -> set[str]:
    return {
        *Group.objects.values_list("name", flat=True),
        *(user.public_name for user in get_user_model().objects.all()),
    }


@pytest.fixture(scope="module")
def demo_admin(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_content()
        # The demo has no documents; the library's views need one to show its edit form.
        create_document("Netzwerkvereinbarung")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def admin_client(demo_admin, db):
    def log_in(username: str) -> Client:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return log_in


def page_views(user) -> list[str]:
    """Explorer, edit form and history of one page of each type, and the form for a new one."""
    urls = [reverse("wagtailadmin_explore_root"), reverse("wagtailadmin_pages:search") + "?q=Sucht"]
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        page_type = type(page)
        if page.get_children().exists():
            urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
        if page_type in seen:
            continue
        seen.add(page_type)
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        ]
        parent = page.get_parent().specific
        if page_type.can_create_at(parent) and parent.permissions_for_user(user).can_add_subpage():
            meta = page_type._meta
            urls.append(
                reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])
            )
    return urls


def snippet_views() -> list[str]:
    from wagtail.snippets.models import get_snippet_models

    urls = []
    for model in get_snippet_models():
        if model._meta.app_label != "practices":
            continue
        listing = reverse(f"wagtailsnippets_practices_{model._meta.model_name}:list")
        urls.append(listing)
        first = model.objects.first()
        if first is not None:
            urls.append(
                reverse(f"wagtailsnippets_practices_{model._meta.model_name}:edit", args=[first.pk])
            )
    return urls


def media_views() -> list[str]:
    image = get_image_model().objects.first()
    document = get_document_model().objects.first()
    return [
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[document.pk]),
    ]


REPORTS = [
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
]


def editor_views(user) -> list[str]:
    return [
        reverse("wagtailadmin_home"),
        *page_views(user),
        *snippet_views(),
        *media_views(),
        *(reverse(name) for name in REPORTS),
        reverse("wagtailadmin_account"),
        # The choosers open in a modal, from JSON.
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs_chooser:choose"),
    ]


def superuser_views(user) -> list[str]:
    return [
        *editor_views(user),
        reverse("wagtailadmin_workflows:index"),
        *(reverse("wagtailadmin_workflows:edit", args=[pk]) for pk in pks(Workflow)),
        reverse("wagtailadmin_workflows:task_index"),
        *(reverse("wagtailadmin_workflows:edit_task", args=[pk]) for pk in pks(Task)),
        reverse("wagtailsettings:edit", args=["cms", "footersettings", default_site().pk]),
        reverse("forum_moderation:queue"),
        reverse("forum_moderation:log"),
    ]


def pks(model) -> list[int]:
    return list(model.objects.order_by("pk").values_list("pk", flat=True))


def default_site():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


def walk(client: Client, urls: list[str]) -> str:
    """The English left on each of the pages, one line per page ("" when there is none)."""
    names = proper_names()
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if response["Content-Type"].startswith("application/json"):
            html = response.json()["html"]
        else:
            html = response.content.decode()
        english = leftovers(html, names=names)
        if english:
            found.append(f"{url}: {english}")
    return "\n".join(found)


class TestAdminSpeaksGerman:
    def test_login_page(self, demo_admin, db):
        response = Client().get(reverse("wagtailadmin_login"))
        soup = BeautifulSoup(response.content, "html.parser")

        label = soup.find("label", attrs={"for": "id_password"})
        assert label.find(string=True).strip() == "Passwort"
        assert leftovers(response.content.decode()) == []

    def test_views_of_the_demo_editor(self, admin_client):
        client = admin_client("redaktion")
        user = get_user_model().objects.get(username="redaktion")

        english = walk(client, editor_views(user))

        assert not english, english

    def test_views_of_a_superuser(self, admin_client):
        client = admin_client("admin")
        user = get_user_model().objects.get(username="admin")

        english = walk(client, superuser_views(user))

        assert not english, english

    def test_a_page_under_review(self, admin_client):
        submitter = get_user_model().objects.get(username="redaktion")
        article = ArticlePage.objects.live().first()
        article.save_revision(user=submitter)
        article.get_workflow().start(article, submitter)
        client = admin_client("redaktion2")

        english = walk(
            client,
            [
                reverse("wagtailadmin_home"),
                reverse("wagtailadmin_pages:edit", args=[article.pk]),
                reverse("wagtailadmin_pages:history", args=[article.pk]),
                reverse("wagtailadmin_pages:workflow_history", args=[article.pk]),
                reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
                reverse("wagtailadmin_reports:workflow"),
            ],
        )

        assert not english, english
        edit_form = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        explorer = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
        assert "In redaktioneller Prüfung" in perceived_strings(edit_form.content.decode())
        assert "Live + in redaktioneller Prüfung" in perceived_strings(explorer.content.decode())

    def test_the_root_of_the_page_tree_has_a_german_title(self, admin_client):
        client = admin_client("redaktion")

        response = client.get(reverse("wagtailadmin_explore_root"))
        soup = BeautifulSoup(response.content, "html.parser")

        assert Page.get_first_root_node().title == "Alle Seiten"
        assert soup.find("h1").get_text(" ", strip=True).endswith("Alle Seiten")

    def test_the_update_button_after_an_upload(self, admin_client):
        client = admin_client("redaktion")

        response = client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("netzwerk.png", png_bytes(), content_type="image/png")},
        )

        form = BeautifulSoup(response.json()["form"], "html.parser")
        buttons = [button.get_text(" ", strip=True) for button in form.find_all("button")]
        assert "Aktualisieren" in buttons
        assert leftovers(response.json()["form"]) == []


def sidebar_items(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    props = unpack(json.loads(soup.find("script", id="wagtail-sidebar-props").string))
    items = {}

    def collect(data):
        if isinstance(data, dict):
            if "name" in data and "label" in data:
                items[data["name"]] = data["label"]
            for value in data.values():
                collect(value)
        elif isinstance(data, list):
            for value in data:
                collect(value)

    collect(props)
    return items


class TestReportsKeepTheirNames:
    def test_wagtails_reports_menu_is_berichte(self, admin_client):
        client = admin_client("admin")

        items = sidebar_items(client.get(reverse("wagtailadmin_home")).content.decode())

        assert items["reports"] == "Berichte"
        assert items["forum-reports"] == "Gemeldete Beiträge"

    def test_the_forums_user_reports_are_meldungen(self, admin_client):
        from forum.models import Post
        from forum.moderation import report_create

        reporter = get_user_model().objects.get(username="anna.berger")
        post = Post.objects.exclude(author=reporter).first()
        report_create(post=post, reporter=reporter, reason="personal_data")
        client = admin_client("moderation")

        response = client.get(reverse("forum_moderation:queue"))
        soup = BeautifulSoup(response.content, "html.parser")

        headers = [th.get_text(strip=True) for th in soup.select("thead th")]
        assert "Meldungen" in headers
        assert "Berichte" not in headers


class TestHelpLinks:
    def test_links_to_the_english_only_guide_say_so(self, admin_client):
        client = admin_client("redaktion")
        article = Page.objects.type(ArticlePage).first()

        html = client.get(reverse("wagtailadmin_home")).content.decode()
        edit_form = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content
        page_links = [
            " ".join(perceived_strings(str(link)))
            for source in (html, edit_form)
            for link in BeautifulSoup(source, "html.parser").find_all(
                "a", href=re.compile(r"guide\.wagtail\.org")
            )
        ]
        menu_links = [
            label
            for name, label in sidebar_items(html).items()
            if name == "editor-guide" or name.startswith("whats-new")
        ]

        assert len(page_links) == 2 and len(menu_links) == 2
        for label in [*page_links, *menu_links]:
            assert "(englisch)" in label, label
