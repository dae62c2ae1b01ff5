"""The one pagination include: a handful of links however many pages, filters kept."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.factories.practices import create_jobcenter, create_practices

FILTERS = {"bundesland": "NW", "handlungsfeld": ["sucht", "wohnen"]}


def render(page, params: dict, **context) -> BeautifulSoup:
    request = RequestFactory().get("/liste/", params)
    html = render_to_string("includes/pagination.html", {"page_obj": page, **context}, request)
    return BeautifulSoup(html, "html.parser")


def query_of(link) -> dict[str, list[str]]:
    return parse_qs(urlsplit(link["href"]).query)


def numbered(nav) -> list[str]:
    return [link.get_text(" ", strip=True) for link in nav.find_all("a") if not link.get("rel")]


class TestManyPages:
    @pytest.fixture
    def nav(self):
        page = Paginator(range(10_000), 10).page(500)
        return render(page, {**FILTERS, "seite": "500"}).find("nav")

    def test_links_only_the_ends_and_the_neighbours(self, nav):
        assert numbered(nav) == [
            "Seite 1",
            "Seite 498",
            "Seite 499",
            "Seite 500",
            "Seite 501",
            "Seite 502",
            "Seite 1.000",
        ]
        gaps = nav.find_all("li", attrs={"aria-hidden": "true"})
        assert [gap.get_text(strip=True) for gap in gaps] == ["…", "…"]
        assert nav.find("a", rel="prev").get_text(strip=True) == "Vorherige Seite"
        assert nav.find("a", rel="next").get_text(strip=True) == "Nächste Seite"

    def test_marks_the_current_page_and_names_the_navigation(self, nav):
        current = nav.find_all("a", attrs={"aria-current": "page"})
        assert [link.get_text(" ", strip=True) for link in current] == ["Seite 500"]
        assert nav["aria-label"] == "Seiten"

    def test_every_link_keeps_the_filters(self, nav):
        links = nav.find_all("a")
        expected_pages = ["499", "1", "498", "499", "500", "501", "502", "1000", "501"]
        assert [query_of(link)["seite"] for link in links] == [[n] for n in expected_pages]
        for link in links:
            query = query_of(link)
            assert query["bundesland"] == ["NW"]
            assert query["handlungsfeld"] == ["sucht", "wohnen"]


class EveryPageRefused(Paginator):
    @property
    def page_range(self):
        raise AssertionError("the include walked every page number")


def test_never_walks_every_page_number():
    page = EveryPageRefused(range(10_000_000), 10).page(1)

    nav = render(page, {}).find("nav")

    assert numbered(nav) == ["Seite 1", "Seite 2", "Seite 3", "Seite 1.000.000"]


def test_parameter_name_anchor_and_label_can_be_chosen():
    page = Paginator(range(100), 10).page(2)

    nav = render(
        page, {"q": "Sucht", "page": "2"}, page_param="page", anchor="#ergebnisse", label="Treffer"
    ).find("nav")

    hrefs = [link["href"] for link in nav.find_all("a")]
    assert hrefs[0] == "?q=Sucht&page=1#ergebnisse"
    assert hrefs[-1] == "?q=Sucht&page=3#ergebnisse"
    assert all("seite" not in href for href in hrefs)
    assert nav["aria-label"] == "Treffer"


def test_a_single_page_needs_no_navigation():
    page = Paginator(range(5), 10).page(1)

    assert render(page, {}).find("nav") is None


@pytest.mark.django_db
def test_practice_list_with_many_pages(client, library, monkeypatch):
    monkeypatch.setattr("practices.views.PAGE_SIZE", 1)
    create_practices(15, jobcenters=[create_jobcenter(land="NW")], topics=["sucht"])

    response = client.get("/praxisbeispiele/", {"bundesland": "NW", "seite": "8"})

    nav = BeautifulSoup(response.content, "html.parser").find("nav", class_="pagination")
    assert numbered(nav) == [f"Seite {n}" for n in (1, 6, 7, 8, 9, 10, 15)]
    assert {tuple(query_of(link)["bundesland"]) for link in nav.find_all("a")} == {("NW",)}
    assert query_of(nav.find("a", rel="next"))["seite"] == ["9"]
