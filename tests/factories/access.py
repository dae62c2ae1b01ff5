"""A small site with one item of every visibility kind, for the leak suite.

Every item carries the common word ``Leckprobe`` (so one search finds them all), the field of
action "Sucht" (so every related box and facet considers them) and a marker word of its own
kind, so that any channel's output can be checked for what it must not show.
"""

from dataclasses import dataclass, field

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from cms.access import page_set_group_only
from cms.accounts.groups import EDITORS, MODERATORS, STAFF

COMMON = "Leckprobe"
# Visibility kind → the marker word of its items.
MARKERS = {
    "public": "Apfelbaum",
    "login": "Birnbaum",
    "group": "Kirschbaum",
    "password": "Pflaumenbaum",
    "draft": "Quittenbaum",
    "forum": "Walnussbaum",
    "hidden": "Kastanienbaum",
}
# Who may see which kinds, everywhere: anonymous visitors, network staff outside the
# restricted group, and a member of the restricted group (the Redaktion).
SEES = {
    "anonymous": {"public"},
    "staff": {"public", "login"},
    "editor": {"public", "login", "group", "forum"},
}
PAGE_KINDS = ("public", "login", "group", "password", "draft")
# Files follow their page; the Redaktion also sees the files of drafts and password pages,
# as it does in the admin.
FILE_SEES = {
    "anonymous": {"public"},
    "staff": {"public", "login"},
    "editor": set(PAGE_KINDS),
}


@dataclass
class VisibilityWorld:
    users: dict[str, object]
    practices: dict[str, Page]
    articles: dict[str, Page]
    guides: dict[str, Page]
    issue: Page
    embedding_article: Page
    jobcenter: object
    files: dict[str, list[str]] = field(default_factory=dict)
    topics: dict[str, object] = field(default_factory=dict)
    moderator: object = None


def restrict(page: Page, kind: str) -> None:
    if kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)
    elif kind == "group":
        page_set_group_only(page, [EDITORS])
    elif kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=BaseViewRestriction.PASSWORD, password="geheim-2026"
        )


def _text(kind: str) -> str:
    return f"{COMMON} {MARKERS[kind]}"


def create_visibility_world(home) -> VisibilityWorld:
    from forum.moderation import post_hide
    from forum.services import search_refresh_topic
    from practices.models import PracticeDocument, PracticeImage
    from tests.cms.magazine_helpers import (
        guide_index,
        magazine_index,
        make_article,
        make_guide,
        make_issue,
        topic,
    )
    from tests.factories import create_user
    from tests.factories.files import create_document, create_image
    from tests.factories.practices import create_jobcenter, create_practice
    from tests.forum.helpers import create_category, create_topic, restrict_category

    users = {
        "anonymous": None,
        "staff": create_user(STAFF, username="netzwerk-leck"),
        "editor": create_user(EDITORS, username="redaktion-leck"),
    }
    moderator = create_user(STAFF, MODERATORS, username="moderation-leck")
    jobcenter = create_jobcenter("Jobcenter Leckprobe", land="NW")
    sucht = topic("sucht")

    practices = {}
    files = {}
    for kind in PAGE_KINDS:
        page = create_practice(
            f"{_text(kind)} Praxis",
            teaser=f"{_text(kind)} im Anreißer",
            jobcenters=[jobcenter],
            topics=["sucht"],
            live=kind != "draft",
        )
        document = create_document(f"{_text(kind)} Konzept")
        image = create_image(f"{_text(kind)} Foto")
        page.documents = [PracticeDocument(document=document)]
        page.images = [PracticeImage(image=image, alt_text=f"Foto {MARKERS[kind]}")]
        page.save()
        if page.live:
            page.save_revision().publish()
        restrict(page, kind)
        practices[kind] = page
        rendition = image.get_rendition("fill-20x20")
        files[kind] = [document.url, f"/media/{document.file.name}", image.file.url, rendition.url]

    issue = make_issue(magazine_index(home), cover=False, title="Ausgabe Leckprobe")
    articles = {}
    for kind in PAGE_KINDS:
        article = make_article(
            issue,
            title=f"{_text(kind)} Artikel",
            teaser=f"{_text(kind)} Artikel-Anreißer",
            topics=[sucht],
            image=False,
        )
        if kind == "draft":
            article.unpublish()
        restrict(article, kind)
        articles[kind] = article
    embedding_article = make_article(
        issue,
        title="Sammelartikel mit eingebetteten Praxisbeispielen",
        image=False,
        body=[
            (
                "practices",
                {
                    "title": "Eingebettet",
                    "practices": list(practices.values()),
                },
            )
        ],
    )

    guides = {}
    for kind in PAGE_KINDS:
        guide = make_guide(
            guide_index(home),
            title=f"{_text(kind)} Handlungshilfe",
            summary=f"{_text(kind)} Zusammenfassung",
            topics=[sucht],
        )
        if kind == "draft":
            guide.unpublish()
        restrict(guide, kind)
        guides[kind] = guide

    open_category = create_category("Austausch Leckprobe")
    closed_category = create_category("Redaktion intern")
    restrict_category(closed_category, deny=STAFF, grant=EDITORS)
    author = users["staff"]
    forum_topic = create_topic(
        closed_category, users["editor"], title=f"{_text('forum')} Thema", body=_text("forum")
    )
    hidden_topic = create_topic(
        open_category,
        author,
        title=f"{COMMON} offenes Thema",
        body=f"{COMMON} Frage an alle",
        replies=[(moderator, f"{_text('hidden')} Antwort mit Klientendaten")],
    )
    for forum_thread in (forum_topic, hidden_topic):
        search_refresh_topic(topic=forum_thread)  # the helper writes posts in bulk
    post_hide(post=hidden_topic.posts.get(number=2), actor=moderator, reason="Sozialdaten")
    return VisibilityWorld(
        users=users,
        practices=practices,
        articles=articles,
        guides=guides,
        issue=issue,
        embedding_article=embedding_article,
        jobcenter=jobcenter,
        files=files,
        topics={"forum": forum_topic, "hidden": hidden_topic},
        moderator=moderator,
    )
