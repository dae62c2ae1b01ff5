"""The leak suite: every channel, walked as anonymous, as staff outside a group, as a member.

One item of each visibility kind (public, logged in, one group, password, draft, a closed
forum category, a hidden post) carries a marker word of its own; a channel leaks when its
output shows the marker of a kind the user may not see. Pages the user may see must show up
too, so that an empty channel cannot pass.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from tests.factories.access import (
    COMMON,
    FILE_SEES,
    MARKERS,
    PAGE_KINDS,
    SEES,
    create_visibility_world,
)

USERS = ["anonymous", "staff", "editor"]


@pytest.fixture
def world(home):
    return create_visibility_world(home)


def _client_for(client, world, who):
    client.logout()
    if world.users[who] is not None:
        client.force_login(world.users[who])
    return client


def _text(response) -> str:
    content = response.content.decode()
    if response["Content-Type"].startswith("text/html"):
        soup = BeautifulSoup(content, "html.parser")
        main = soup.find("main") or soup
        return main.get_text(" ")
    return content


def _markers_in(text: str) -> set[str]:
    return {kind for kind, marker in MARKERS.items() if marker in text}


class Walk:
    """Collects, per channel, the kinds shown that should not be, and those missing."""

    def __init__(self, who: str) -> None:
        self.who = who
        self.allowed = SEES[who]
        self.problems: list[str] = []

    def check(self, channel: str, text: str, *, expected: set[str], own: set[str] = frozenset()):
        shown = _markers_in(text) - set(own)
        leaked = shown - self.allowed
        if leaked:
            self.problems.append(f"{channel}: shows {sorted(leaked)} to {self.who}")
        missing = (expected & self.allowed) - shown
        if missing:
            self.problems.append(f"{channel}: misses {sorted(missing)} for {self.who}")


def test_pages_lists_boxes_embeds_feeds_sitemap_and_mails(
    client, world, django_capture_on_commit_callbacks
):
    problems = []
    for who in USERS:
        problems += _walk_pages(_client_for(client, world, who), world, who)

    client.force_login(world.users["staff"])
    topic_page = client.get(world.topics["hidden"].get_absolute_url())
    if topic_page.status_code != 200 or MARKERS["hidden"] in _text(topic_page):
        problems.append("forum topic page shows the hidden answer to staff")
    problems += _mention_mails(world, django_capture_on_commit_callbacks)

    assert problems == []


def _walk_pages(client, world, who) -> list[str]:
    walk = Walk(who)
    page_kinds = set(PAGE_KINDS)

    walk.check("practice list", _text(client.get("/praxisbeispiele/")), expected=page_kinds)
    walk.check(
        "practice list filtered",
        _text(client.get("/praxisbeispiele/", {"handlungsfeld": "sucht"})),
        expected=page_kinds,
    )
    walk.check(
        "Jobcenter page",
        _text(client.get(f"/jobcenter/{world.jobcenter.slug}/")),
        expected=page_kinds,
    )
    public_practice = world.practices["public"]
    walk.check(
        "related practices box",
        _text(client.get(public_practice.url)),
        expected={"login", "group"},  # the box shows the three most similar
        own={"public"},
    )
    walk.check("magazine issue", _text(client.get(world.issue.url)), expected=page_kinds)
    walk.check(
        "related articles box",
        _text(client.get(world.articles["public"].url)),
        expected=set(),
        own={"public"},
    )
    walk.check(
        "embedded practices", _text(client.get(world.embedding_article.url)), expected=page_kinds
    )
    walk.check(
        "guide list",
        _text(client.get(world.guides["public"].get_parent().url)),
        expected=page_kinds,
    )
    walk.check("search page", _search_results(client.get("/suche/", {"q": COMMON})), expected=set())

    # Feeds and sitemap are shared and cached: always the anonymous view, whoever asks.
    public_only = Walk("anonymous")
    public_only.who = f"{who} (public channel)"
    for url in ("/magazin/feed/rss/", "/magazin/feed/atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
        public_only.check(url, response.content.decode(), expected={"public"})
    sitemap = client.get("/sitemap.xml").content.decode()
    for kind in PAGE_KINDS:
        for page in (world.practices[kind], world.articles[kind], world.guides[kind]):
            listed = f"{page.url_path.split('/', 2)[-1]}</loc>" in sitemap
            if listed != (kind == "public"):
                public_only.problems.append(f"sitemap lists {page.title}: {listed}")

    for kind in PAGE_KINDS:
        for page in (world.practices[kind], world.articles[kind], world.guides[kind]):
            response = client.get(page.url or f"/{page.url_path}")
            may_see = kind in walk.allowed
            if may_see and response.status_code != 200:
                walk.problems.append(f"detail {page.title}: {response.status_code} for {who}")
            if not may_see and response.status_code == 200 and MARKERS[kind] in _text(response):
                if kind != "password":  # the password form names the page, not its content
                    walk.problems.append(f"detail {page.title}: shown to {who}")
                elif "Anreißer" in _text(response):
                    walk.problems.append(f"detail {page.title}: content shown to {who}")

    for kind, urls in world.files.items():
        for url in urls:
            status = client.get(url).status_code
            if (status == 200) != (kind in FILE_SEES[who]):
                walk.problems.append(f"file of the {kind} practice {url}: {status} for {who}")

    return walk.problems + public_only.problems


def _search_results(response) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    results = soup.select_one(".search-results__list")
    return results.get_text(" ") if results else ""


def test_search_results_totals_facets_and_highlights(client, world, backend):
    from search.indexing import outbox_push

    outbox_push()
    problems = []
    for who in USERS:
        problems += _walk_search(_client_for(client, world, who), who)

    # Not even the moderator who hid it finds the hidden answer: search shows no hidden text,
    # and nothing is found by the hidden word. What is close in meaning to the word (the other
    # trees of the public content) may be offered, labelled as such.
    client.force_login(world.moderator)
    data = client.get("/api/v1/search/", {"q": MARKERS["hidden"]}).json()
    by_words = [result["title"] for result in data["results"] if not result["similar"]]
    if by_words or MARKERS["hidden"] in json.dumps(data, ensure_ascii=False):
        problems.append(f"search shows the hidden answer to its moderator: {by_words}")

    assert problems == []


def _walk_search(client, who) -> list[str]:
    walk = Walk(who)
    expected = SEES[who]
    # Page kinds come as a practice, an article and a guide; forum kinds as one topic.
    expected_total = sum(3 if kind in PAGE_KINDS else 1 for kind in expected)
    # The open forum topic (with the hidden answer) is found by staff, for its question; the
    # Redaktion has no forum rights of its own outside its closed category.
    if who == "staff":
        expected_total += 1

    data = client.get("/api/v1/search/", {"q": COMMON}).json()
    results = list(data["results"])
    for number in range(2, data["pages"] + 1):
        results += client.get("/api/v1/search/", {"q": COMMON, "page": number}).json()["results"]
    api_text = json.dumps(results, ensure_ascii=False)
    walk.check("search API results", api_text, expected=expected)
    if data["total"] != expected_total:
        walk.problems.append(f"search API total {data['total']} != {expected_total} for {who}")
    topic_counts = {option["value"]: option["count"] for option in data["facets"]["topic"]}
    expected_sucht = sum(3 for kind in expected if kind in PAGE_KINDS)
    if topic_counts.get("sucht", 0) != expected_sucht:
        walk.problems.append(f"facet sucht {topic_counts.get('sucht')} != {expected_sucht}")

    page_text = " ".join(
        _search_results(client.get("/suche/", {"q": COMMON, "page": number}))
        for number in range(1, data["pages"] + 1)
    )
    walk.check("search page", page_text, expected=expected)
    for kind, marker in MARKERS.items():
        found = client.get("/api/v1/search/", {"q": marker}).json()
        assert found["pages"] == 1, marker
        # Documents that contain the marker; those close in meaning to it are other, visible
        # ones (their text is checked for the marker below).
        hits = found["total"] - sum(1 for result in found["results"] if result["similar"])
        if kind not in walk.allowed and hits:
            walk.problems.append(f"search for {marker}: {hits} hit(s) for {who}")
        if kind in walk.allowed and not hits:
            walk.problems.append(f"search for {marker}: nothing for {who}")
        shown = json.dumps(found["results"], ensure_ascii=False)
        if kind not in walk.allowed and marker in shown:
            walk.problems.append(f"search for {marker}: highlight shows it to {who}")
    return walk.problems


def _mention_mails(world, django_capture_on_commit_callbacks) -> list[str]:
    """A mention in the closed category mails the member who may read it, not the other."""
    from cms.accounts.groups import EDITORS
    from forum.services import post_create
    from tests.factories import create_user

    colleague = create_user(EDITORS, username="redaktion-kollegin")
    staff, editor = world.users["staff"], world.users["editor"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        post_create(
            topic=world.topics["forum"],
            author=editor,
            body=f"@{staff.username} @{colleague.username}: {MARKERS['forum']} intern",
            rate_limited=False,
        )

    recipients = {address for message in mail.outbox for address in message.to}
    problems = []
    if colleague.email not in recipients:
        problems.append("mention mail: the member of the closed category got none")
    if staff.email in recipients:
        problems.append("mention mail: staff outside the closed category got one")
    return problems


def test_guide_pdfs_answer_like_their_page(client, world):
    """A guide's PDF is a channel of its own: made once and kept, it must still be served
    only to those who may open the guide."""
    from tests.factories.pdf import pdf_text, require_pdf_engine, response_bytes

    require_pdf_engine()
    problems = []
    for who in USERS:
        _client_for(client, world, who)
        for kind in PAGE_KINDS:
            guide = world.guides[kind]
            response = client.get(f"{guide.url}pdf/")
            content = response_bytes(response)
            is_pdf = content.startswith(b"%PDF")
            if kind in SEES[who]:
                if response.status_code != 200 or MARKERS[kind] not in pdf_text(content):
                    problems.append(f"PDF of the {kind} guide: {response.status_code} for {who}")
            elif is_pdf or (kind != "password" and response.status_code not in (302, 403, 404)):
                problems.append(f"PDF of the {kind} guide: shown to {who}")

    assert problems == []
