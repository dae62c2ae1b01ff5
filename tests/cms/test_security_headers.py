"""Security headers on every answer, and pages that load nothing from other hosts."""

import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

SITE_PAGES = [
    "/",
    "/praxisbeispiele/",
    "/praxisbeispiele/suchtberatung-sprechstunde-dortmund/",
    "/magazin/",
    "/magazin/ausgabe-07/",
    "/handlungshilfen/",
    "/suche/?q=Sucht",
    "/konto/anmelden/",
]
MEMBER_PAGES = [
    "/forum/",
    "/forum/neueste/",
    "/forum/neues-thema/",
    "/konto/profil/",
    "/praxisbeispiel-einreichen/",
    "/praxisbeispiele/schuldnerberatung-fallkonferenzen-kassel/",
]
ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/images/"]
# What a browser fetches on its own when it meets these elements.
RESOURCE_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "object": ["data"],
    "embed": ["src"],
}
# Link relations that are only references, never a request of the page.
REFERENCE_RELS = {"canonical", "alternate", "next", "prev", "author", "license", "help"}


def policy(response, header: str = "Content-Security-Policy") -> dict[str, list[str]]:
    directives = {}
    for part in response.get(header, "").split(";"):
        if part.strip():
            name, *values = part.split()
            directives[name] = values
    return directives


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


# Keys in the admin's JSON props whose URLs its scripts load (the sidebar's user avatar).
LOADED_JSON_KEYS = {"avatarUrl", "src"}


def json_loaded_urls(value) -> list[str]:
    urls = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in LOADED_JSON_KEYS and isinstance(item, str):
                urls.append(item)
            urls += json_loaded_urls(item)
    elif isinstance(value, list):
        for item in value:
            urls += json_loaded_urls(item)
    return urls


def foreign_resources(html: str) -> list[str]:
    """Every URL in ``html`` a browser would fetch from a host other than the page's own."""
    soup = BeautifulSoup(html, "html.parser")
    foreign = [
        url
        for script in soup.find_all("script", type="application/json")
        for url in json_loaded_urls(json.loads(script.string or "null"))
        if urlsplit(url).netloc not in ("", "testserver")
    ]
    for tag in soup.find_all(RESOURCE_ATTRIBUTES):
        if tag.name == "link" and REFERENCE_RELS.intersection(tag.get("rel") or []):
            continue
        for attribute in RESOURCE_ATTRIBUTES[tag.name]:
            value = tag.get(attribute)
            if not value:
                continue
            urls = srcset_urls(value) if attribute == "srcset" else [value]
            foreign += [url for url in urls if urlsplit(url).netloc not in ("", "testserver")]
    return foreign


def inline_scripts(html: str) -> list[str]:
    """Script that runs without coming from a file: <script> bodies, on* handlers, javascript:."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        data_only = script.get("type", "").startswith(("application/json", "application/ld+json"))
        if not script.get("src") and not data_only:
            found.append(str(script)[:120])
    for tag in soup.find_all(True):
        found += [f"{tag.name} {name}" for name in tag.attrs if name.lower().startswith("on")]
        found += [
            f"{tag.name} {name}"
            for name in ("href", "src", "action", "formaction")
            if str(tag.get(name, "")).strip().lower().startswith("javascript:")
        ]
    return found


@pytest.fixture
def member_client(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="anna.berger"))
    return client


@pytest.fixture
def admin_client(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    return client


SITE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def problems(client, paths: list[str]) -> dict[str, dict]:
    """What is wrong with each page, by path; the demo content loads once for all of them."""
    found = {}
    for path in paths:
        response = client.get(path)
        html = response.content.decode()
        page = {
            "status": response.status_code if response.status_code != 200 else None,
            "policy": policy(response) if policy(response) != SITE_POLICY else None,
            "inline scripts": inline_scripts(html),
            "foreign resources": foreign_resources(html),
        }
        page = {name: value for name, value in page.items() if value}
        if page:
            found[path] = page
    return found


class TestContentSecurityPolicy:
    def test_site_pages_run_only_the_sites_own_files(self, client, demo):
        assert problems(client, SITE_PAGES) == {}

    def test_member_pages_run_only_the_sites_own_files(self, member_client):
        assert problems(member_client, MEMBER_PAGES) == {}

    def test_admin_gets_inline_script_but_still_no_other_host(self, admin_client):
        response = admin_client.get("/admin/")

        assert policy(response) == {
            **SITE_POLICY,
            "script-src": ["'self'", "'unsafe-inline'"],
            "style-src": ["'self'", "'unsafe-inline'"],
        }

    def test_admin_login_page_is_covered_too(self, client, home):
        response = client.get("/admin/login/")

        assert policy(response)["default-src"] == ["'self'"]

    def test_error_pages_carry_the_policy(self, client, home):
        response = client.get("/gibt-es-nicht/")

        assert response.status_code == 404
        assert policy(response) == SITE_POLICY

    def test_inline_script_helper_spots_handlers_and_script_bodies(self):
        html = (
            '<script src="/static/js/forum.js"></script>'
            '<script type="application/json" id="data">{"a": 1}</script>'
            "<script>alert(1)</script>"
            '<button onclick="go()">Los</button>'
            '<a href="javascript:go()">Los</a>'
        )

        assert inline_scripts(html) == [
            "<script>alert(1)</script>",
            "button onclick",
            "a href",
        ]


class TestPermissionsPolicy:
    @pytest.mark.parametrize(
        "path",
        ["/", "/api/v1/search/?q=Sucht", "/robots.txt", "/gibt-es-nicht/", "/admin/login/"],
    )
    def test_every_answer_limits_browser_features(self, client, home, path):
        response = client.get(path)

        features = dict(
            item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
        )
        assert features["camera"] == "()"
        assert features["microphone"] == "()"
        assert features["payment"] == "()"
        assert features["usb"] == "()"
        assert features["geolocation"] == "(self)"

    def test_static_files_carry_it_too(self, client):
        response = client.get("/static/css/site.css")

        assert response.status_code == 200
        assert "camera=()" in response["Permissions-Policy"]


class TestNoThirdPartyResourcesInTheAdmin:
    @pytest.mark.parametrize("path", ADMIN_PAGES)
    def test_admin_pages_show_no_gravatar(self, admin_client, path):
        response = admin_client.get(path)

        assert response.status_code == 200
        assert foreign_resources(response.content.decode()) == []

    def test_page_editor(self, admin_client):
        from practices.models import PracticePage

        practice = PracticePage.objects.live().order_by("path").first()

        response = admin_client.get(f"/admin/pages/{practice.pk}/edit/")

        assert response.status_code == 200
        assert foreign_resources(response.content.decode()) == []

    def test_helper_spots_foreign_resources(self):
        html = (
            '<link rel="canonical" href="https://elsewhere.example/">'
            '<img src="//www.gravatar.com/avatar/1"'
            ' srcset="/a.png 1x, https://cdn.example/b.png 2x">'
            '<script src="/static/js/forum.js"></script>'
            '<script type="application/json">'
            '[{"avatarUrl": "//www.gravatar.com/avatar/2"}]</script>'
        )

        assert foreign_resources(html) == [
            "//www.gravatar.com/avatar/2",
            "//www.gravatar.com/avatar/1",
            "https://cdn.example/b.png",
        ]
