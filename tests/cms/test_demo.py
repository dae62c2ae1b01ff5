import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, Revision

from cms.demo import DEMO_PASSWORD, DEMO_USERS
from tests.factories import site_home

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    from forum.models import HelpfulVote, Post
    from practices.models import Jobcenter

    return {
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "pages": sorted(Page.objects.values_list("path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "jobcenters": sorted(Jobcenter.objects.values_list("slug", "latitude", "longitude")),
        "posts": sorted(Post.objects.values_list("topic__title", "number", "author__username")),
        "helpful": HelpfulVote.objects.count(),
    }


def test_load_demo_prints_logins_and_is_idempotent(settings):
    # The copy is searched in the database's own full-text index below. An Elasticsearch
    # index of the test node would only hold what earlier tests of the process left there:
    # in a test transaction the demo's push after the commit never runs.
    settings.ELASTICSEARCH_URL = ""
    site_home()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first
    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    for user in DEMO_USERS:
        assert user.username in printed
    assert_copied_back_whole(first)


def assert_copied_back_whole(loaded: dict) -> None:
    """The copy the other tests get back (tests/factories/demo.py) is the demo as loaded."""
    from django.contrib.auth.models import AnonymousUser

    from search.models import SearchDocument
    from search.query import SearchParams
    from search.selectors import knowledge_search
    from tests.factories import demo

    postgres = connection.vendor == "postgresql"
    taken = demo._take() if postgres else demo._sqlite_take()
    get_user_model().objects.filter(username="anna.berger").delete()
    if postgres:
        demo._restore(taken)
    else:
        demo._sqlite_restore(taken)

    assert snapshot() == loaded
    assert loaded["pages"] and loaded["revisions"]
    if postgres:
        assert demo._take().copies == taken.copies
    else:
        assert demo._sqlite_take().rows == taken.rows
    # The copied search documents are found through the database's own full-text index.
    assert SearchDocument.objects.exists()
    params = SearchParams(q="Alleinerziehende", sort="relevance")
    assert knowledge_search(params=params, user=AnonymousUser()).total > 0


def test_demo_shared_between_test_processes_brings_its_images(tmp_path, settings):
    """A test process that did not load the demo gets its rows, and the files of its images
    in its own media folder, from the process that did."""
    from wagtail.images import get_image_model

    from tests.factories import demo

    this_process = dict(demo._snapshots), dict(demo._shared)
    try:
        demo.demo_content()  # loads the demo, or copies it back
        loaded = snapshot()
        image = get_image_model().objects.order_by("pk").first()
        content = image.file.read()
        # What this process hands on through the run's folder.
        demo.share_snapshots(tmp_path / "run")
        with demo._shared_snapshot(True) as shared:
            shared.snapshot = demo._snapshots[True]
        # Another process: nothing loaded yet, its own empty media folder.
        demo._snapshots.clear()
        settings.MEDIA_ROOT = str(tmp_path / "media-of-another-process")
        get_user_model().objects.filter(username="anna.berger").delete()

        demo.demo_content()

        assert snapshot() == loaded
        image = get_image_model().objects.get(pk=image.pk)
        assert (tmp_path / "media-of-another-process" / image.file.name).read_bytes() == content
    finally:
        demo._snapshots.clear()
        demo._snapshots.update(this_process[0])
        demo._shared.clear()
        demo._shared.update(this_process[1])


def test_a_demo_member_logs_in_and_starts_a_topic_under_the_new_member_limits(
    client, settings, demo
):
    from forum.models import Category, Post
    from forum.services import topic_create

    settings.FORUM_NEW_MEMBER_DAYS = 7
    settings.FORUM_NEW_MEMBER_TOPICS_PER_DAY = 1
    response = client.post(
        "/konto/anmelden/", {"username": "anna.berger", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert (
        get_user_model()
        .objects.get(username="anna.berger")
        .groups.filter(name="Netzwerk-Mitarbeitende")
        .exists()
    )
    # A demo member who wrote one of the demo's topics a moment ago.
    author_id = (
        Post.objects.filter(number=1).values_list("author", flat=True).order_by("author").first()
    )
    author = get_user_model().objects.get(pk=author_id)
    category = Category.objects.first()

    topic = topic_create(
        category=category, author=author, title="Erste eigene Frage", body="Wie macht ihr das?"
    )

    assert topic.title == "Erste eigene Frage"


def _used_terms() -> dict[str, set[str]]:
    from practices.models import PracticePage, PracticePartner

    practices = PracticePage.objects.live()
    return {
        "Topic": set(practices.values_list("topics__name", flat=True)),
        "TargetGroup": set(practices.values_list("target_groups__name", flat=True)),
        "ProcessPhase": set(practices.values_list("phases__name", flat=True)),
        "PracticeStatus": set(practices.values_list("status__name", flat=True)),
        "PartnerType": set(
            PracticePartner.objects.filter(page__in=practices).values_list(
                "partner_type__name", flat=True
            )
        ),
    }


def _check_library() -> None:
    from cms.regions import BUNDESLAENDER
    from practices.models import Jobcenter, PracticePage
    from practices.reference import TERMS

    live = PracticePage.objects.live()
    lands = set(Jobcenter.objects.filter(practices__in=live).values_list("bundesland__code"))
    staff_only = [page for page in live if page.get_view_restrictions().exists()]

    assert live.count() >= 40
    assert {code for (code,) in lands} == {code for code, _name in BUNDESLAENDER}
    assert _used_terms() == {model: set(names) for model, names in TERMS.items()}
    assert 2 <= len(staff_only) <= 4


def _check_magazine(client) -> None:
    from cms.models import ArticlePage, MagazineIssue

    soup = BeautifulSoup(client.get("/magazin/").content, "html.parser")
    cards = soup.select(".issue-card")
    issues = list(MagazineIssue.objects.live().order_by("-publication_date"))

    assert [card.select_one(".issue-card__title").get_text(strip=True) for card in cards] == [
        "Ausgabe 08",
        "Ausgabe 07",
    ]
    assert [card.time["datetime"] for card in cards] == ["2020-06-01", "2019-11-01"]
    for issue in issues:
        articles = ArticlePage.objects.live().child_of(issue)
        assert articles.count() >= 2
        for article in articles:
            assert timezone.localdate(article.first_published_at) == issue.publication_date
    newest = ArticlePage.objects.live().child_of(issues[0]).first()
    page = BeautifulSoup(client.get(newest.url).content, "html.parser")
    assert page.select_one(".article__meta time").get_text(strip=True) == "01.06.2020"


def _check_guides(client) -> None:
    from cms.models import GuidePage

    soup = BeautifulSoup(client.get("/handlungshilfen/").content, "html.parser")
    linked = {link["href"] for link in soup.select("main a[href]")}

    guides = list(GuidePage.objects.live())
    assert len(guides) == 2
    for guide in guides:
        assert guide.url in linked
        assert len(guide.chapters) >= 3


def _check_forum() -> None:
    from forum.models import HelpfulVote, Post, Topic

    solved = Topic.objects.filter(solution__isnull=False)
    authors = set(Post.objects.values_list("author__username", flat=True))

    assert Topic.objects.count() >= 8
    assert solved.count() >= 3
    for topic in solved:
        assert topic.solution.topic_id == topic.pk
        assert topic.solution.author_id != topic.author_id
    assert HelpfulVote.objects.count() >= 10
    assert len(authors) >= 4
    assert Topic.objects.values("category").distinct().count() >= 4


def test_the_demo_shows_a_living_network(client, demo):
    """At least 40 practices from every Land with every term, two issues of the magazine in
    order and with articles of their date, two guides, and a forum with answered topics."""
    _check_library()
    _check_magazine(client)
    _check_guides(client)
    _check_forum()


def test_the_readme_example_file_adds_new_practices_to_the_demo(demo):
    from practices.models import PracticePage

    example = Path(settings.BASE_DIR) / "docs" / "examples" / "praxisbeispiele.json"
    before = dict(PracticePage.objects.values_list("slug", "latest_revision_id"))
    out = io.StringIO()

    call_command("import_practices", str(example), stdout=out, stderr=io.StringIO())

    assert "Praxisbeispiele angelegt: 5, aktualisiert: 0" in out.getvalue()
    after = dict(PracticePage.objects.values_list("slug", "latest_revision_id"))
    assert len(after) == len(before) + 5
    assert {slug: after[slug] for slug in before} == before
    titles = list(PracticePage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))


def test_the_copied_demo_is_found_through_elasticsearch_too(elasticsearch):
    """Whether this process loaded the demo or copied it, the site's Elasticsearch index (just
    emptied by the fixture) holds its documents afterwards."""
    from search.backends.elasticsearch import client
    from search.documents import alias_name
    from search.models import SearchDocument
    from tests.factories import demo

    demo.demo_content()

    stored = client().count(index=alias_name())["count"]
    assert stored == SearchDocument.objects.count() > 0
