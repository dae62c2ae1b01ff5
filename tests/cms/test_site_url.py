"""Every absolute link goes to the one public address, SITE_URL, whichever host was asked."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from wagtail.models import Site

from cms.site_url import site_record_sync
from practices.services import practice_notify_submitter
from tests.cms.magazine_helpers import magazine_index, make_article, make_issue
from tests.factories import create_user
from tests.factories.practices import create_practice

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://[^\s\"'<>]+")
# The host the requests of these tests come in by; no link may carry it.
REQUEST_HOST = {"HTTP_HOST": "localhost"}


def links_in(text: str) -> list[str]:
    return URL.findall(text)


def assert_public(urls: list[str]) -> None:
    assert urls
    strays = [url for url in urls if not url.startswith(settings.SITE_URL + "/")]
    assert strays == []


@pytest.fixture
def article(home):
    return make_article(make_issue(magazine_index(home), number=4), title="Joboffensive")


def test_the_site_record_holds_the_public_address(db):
    site = Site.objects.get(is_default_site=True)

    assert (site.hostname, site.port) == ("wissensboerse.example", 443)


def test_a_changed_address_reaches_the_site_record_and_page_urls(settings, article):
    settings.SITE_URL = "http://netzwerke-abc.example:8080"

    assert site_record_sync() == 1

    article.refresh_from_db()
    assert article.get_full_url() == f"http://netzwerke-abc.example:8080{article.url}"
    assert site_record_sync() == 0


def test_canonical_and_og_url_of_a_page(client, article):
    soup = BeautifulSoup(client.get(article.url, **REQUEST_HOST).content, "html.parser")

    canonical = soup.find("link", rel="canonical")["href"]
    og_url = soup.find("meta", property="og:url")["content"]
    assert canonical == og_url == f"{settings.SITE_URL}{article.url}"


def test_canonical_of_a_plain_view(client, home):
    soup = BeautifulSoup(client.get("/suche/?q=netz", **REQUEST_HOST).content, "html.parser")

    assert soup.find("link", rel="canonical")["href"] == f"{settings.SITE_URL}/suche/"


def test_sitemap_robots_and_feeds(client, article):
    sitemap = client.get("/sitemap.xml", **REQUEST_HOST).content
    locations = [
        element.text for element in ET.fromstring(sitemap).iter() if element.tag.endswith("loc")
    ]
    assert f"{settings.SITE_URL}{article.url}" in locations
    assert_public(locations)

    robots = client.get("/robots.txt", **REQUEST_HOST).content.decode()
    assert_public(links_in(robots))

    for feed in ("/magazin/feed/rss/", "/magazin/feed/atom/"):
        body = client.get(feed, **REQUEST_HOST).content.decode()
        urls = [url for url in links_in(body) if "w3.org" not in url]
        assert f"{settings.SITE_URL}{article.url}" in urls
        assert_public(urls)


def test_emails_link_to_the_public_address(client, home, django_capture_on_commit_callbacks):
    member = create_user("Netzwerk-Mitarbeitende", username="anna", email="anna@jc.example")
    practice = create_practice(title="Coaching für Alleinerziehende")
    practice.submitted_by = member
    practice.save(update_fields=["submitted_by"])

    with django_capture_on_commit_callbacks(execute=True):
        practice_notify_submitter(page=practice)
        client.post("/konto/passwort-vergessen/", {"email": member.email}, **REQUEST_HOST)

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = message.alternatives[0][0] if message.alternatives else ""
        assert_public(links_in(message.body))
        hrefs = [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)]
        assert_public([href for href in hrefs if not href.startswith("mailto:")])
