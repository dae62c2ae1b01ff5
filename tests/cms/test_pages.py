import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

NAVIGATION = [
    "Praxisbeispiele",
    "Magazin",
    "Handlungshilfen",
    "Veranstaltungen",
    "Angebote",
    "Karte",
    "Forum",
    "Suche",
]


def nav_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return {label: url for url, label in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)}


class TestHomePage:
    def test_renders_in_german_with_navigation(self, client, demo):
        response = client.get("/")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<html lang="de">' in html
        assert 'href="#main">Zum Inhalt springen</a>' in html
        assert 'id="main"' in html
        assert list(nav_links(html)) == NAVIGATION
        assert "Netzwerke für Aktivierung, Beratung und Chancen" in html
        assert "Anmelden" in html

    def test_every_navigation_link_leads_somewhere(self, client, demo):
        links = nav_links(client.get("/").content.decode())
        for label, url in links.items():
            response = client.get(url)
            if label == "Forum":
                assert response.status_code == 302
                assert response["Location"].startswith(reverse("accounts:login"))
            else:
                assert response.status_code == 200, label

    def test_current_section_is_marked(self, client, demo):
        html = client.get("/magazin/").content.decode()
        assert '<a href="/magazin/" aria-current="page">Magazin</a>' in html

    def test_footer_links_legal_pages(self, client, demo):
        html = client.get("/").content.decode()
        for title, slug in [
            ("Impressum", "impressum"),
            ("Datenschutz", "datenschutz"),
            ("Barrierefreiheit", "barrierefreiheit"),
        ]:
            assert f'<a href="/{slug}/">{title}</a>' in html
            assert client.get(f"/{slug}/").status_code == 200

    def test_login_state_is_shown(self, client, demo, staff_user):
        client.force_login(staff_user)
        html = client.get("/").content.decode()
        assert staff_user.public_name in html
        assert "Abmelden" in html

    def test_static_files_are_served_by_the_site(self, client, demo):
        html = client.get("/").content.decode()
        assert "//" not in "".join(re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html))
        assert client.get("/static/css/site.css").status_code == 200


def test_unknown_page_gives_german_404(client, home):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_search_with_overlong_query_gives_message(client, home):
    response = client.get("/suche/", {"q": "x" * 500})
    assert response.status_code == 200
    assert "höchstens 200 Zeichen" in response.content.decode()


def test_robots_txt_points_to_sitemap(client, home):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in body
