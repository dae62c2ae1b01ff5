"""Feeds, sitemap and robots.txt: what they list, and that staff-only pages never appear."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from cms.access import page_set_staff_only
from tests.cms.magazine_helpers import (
    guide_index,
    magazine_index,
    make_article,
    make_guide,
    make_issue,
    topic,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def issue(home):
    return make_issue(magazine_index(home), number=7)


@pytest.fixture
def articles(issue):
    public = make_article(
        issue,
        title="Joboffensive Gelsenkirchen",
        teaser="Mehr Zeit für jede Beratung.",
        authors="Deborrah Triantafyllidis",
        topics=[topic("arbeitgeberservice")],
    )
    internal = make_article(issue, title="Internes Auswertungsprotokoll", staff_only=True)
    draft = make_article(issue, title="Unfertiger Entwurf")
    draft.unpublish()
    return public, internal, draft


class TestRssFeed:
    def test_lists_public_articles_with_german_title(self, client, articles):
        public, _internal, _draft = articles

        response = client.get("/magazin/feed/rss/")

        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        channel = ET.fromstring(response.content).find("channel")
        assert channel.findtext("title") == "Magazin „chancen“ – Wissensbörse Netzwerke ABC"
        assert channel.findtext("link") == f"{settings.SITE_URL}/magazin/"
        items = channel.findall("item")
        assert [item.findtext("title") for item in items] == ["Joboffensive Gelsenkirchen"]
        assert items[0].findtext("link") == f"{settings.SITE_URL}{public.url}"
        assert items[0].findtext("description") == "Mehr Zeit für jede Beratung."
        assert items[0].findtext("category") == "Arbeitgeberservice"

    def test_staff_only_and_drafts_stay_out_even_for_logged_in_staff(
        self, client, articles, staff_user
    ):
        client.force_login(staff_user)

        body = client.get("/magazin/feed/rss/").content.decode()

        assert "Internes Auswertungsprotokoll" not in body
        assert "Unfertiger Entwurf" not in body

    def test_article_in_staff_only_issue_stays_out(self, client, home, issue):
        hidden_issue = make_issue(magazine_index(home), number=9, title="Interne Ausgabe")
        make_article(hidden_issue, title="Artikel einer internen Ausgabe")
        page_set_staff_only(hidden_issue, True)

        body = client.get("/magazin/feed/rss/").content.decode()

        assert "Artikel einer internen Ausgabe" not in body


class TestAtomFeed:
    def test_lists_public_articles_with_authors(self, client, articles):
        public, _internal, _draft = articles

        response = client.get("/magazin/feed/atom/")

        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.findtext(f"{ATOM}title") == "Magazin „chancen“ – Wissensbörse Netzwerke ABC"
        assert feed.findtext(f"{ATOM}subtitle") == (
            "Erfolgsgeschichten aus der Arbeit der Netzwerke ABC."
        )
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}title") for entry in entries] == [public.title]
        assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == (
            "Deborrah Triantafyllidis"
        )
        assert "Internes Auswertungsprotokoll" not in response.content.decode()


class TestSitemap:
    def locations(self, client) -> list[str]:
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        return [url.findtext(f"{SITEMAP}loc") for url in ET.fromstring(response.content)]

    def test_lists_public_magazine_and_guide_pages(self, client, home, issue, articles):
        public, _internal, _draft = articles
        guide = make_guide(guide_index(home), title="Netzwerkarbeit aufbauen")

        locations = self.locations(client)

        for page in (issue, public, guide):
            assert f"{settings.SITE_URL}{page.url}" in locations

    def test_staff_only_and_drafts_are_absent(self, client, home, articles):
        _public, internal, draft = articles
        make_guide(
            guide_index(home), title="Interne Handlungshilfe", slug="intern", staff_only=True
        )

        locations = self.locations(client)

        assert not any(internal.slug in location for location in locations)
        assert not any(draft.slug in location for location in locations)
        assert not any("/intern/" in location for location in locations)


def test_robots_txt_links_the_sitemap_and_closes_private_areas(client, home):
    body = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body
    assert "Disallow: /admin/" in body
    assert "Disallow: /forum/" in body


def test_pages_announce_the_feeds(client, home, issue):
    html = client.get(issue.url).content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/magazin/feed/atom/"' in html
