import functools

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.bulk import pages_bulk_create
from practices.models import (
    PartnerType,
    PracticeFigure,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    TargetGroup,
    Topic,
)
from tests.factories.practices import create_jobcenter, create_practice

pytestmark = pytest.mark.django_db
INDEX = "/praxisbeispiele/"


@functools.cache
def term(model, slug: str):
    return model.objects.get(slug=slug)


@pytest.fixture(autouse=True)
def forget_terms():
    yield
    term.cache_clear()


def build_practice(title: str, *, topic: str = "sucht", jobcenter=None, **fields) -> PracticePage:
    page = PracticePage(
        title=title,
        teaser="Ein erprobter Ansatz aus dem Jobcenter.",
        status=term(PracticeStatus, "laufend"),
        body=[("approach", "<p>Fallkonferenzen mit der Suchtberatung.</p>")],
        supra_regional=jobcenter is None,
        **fields,
    )
    page.topics = [term(Topic, topic)]
    page.target_groups = [term(TargetGroup, "alleinerziehende")]
    if jobcenter is not None:
        page.jobcenters = [jobcenter]
        page.bundeslaender = [jobcenter.bundesland]
    page.partners = [
        PracticePartner(partner_type=term(PartnerType, "suchtberatung"), name="Caritas")
    ]
    page.figures = [PracticeFigure(label="Teilnehmende", value="1.900")]
    return page


def card_links(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        link.get_text(strip=True): link["href"] for link in soup.select(".practice-card__title a")
    }


class TestPagesBulkCreate:
    def test_bulk_practices_are_listed_filtered_and_open(self, client, library):
        jobcenter = create_jobcenter("Jobcenter Hagen", "NW")
        pages_bulk_create(
            parent=library,
            pages=[
                build_practice("Sucht und Arbeit", jobcenter=jobcenter),
                build_practice("Schulden im Blick", topic="schulden"),
            ],
        )

        everything = card_links(client.get(INDEX))
        addiction = card_links(client.get(INDEX, {"handlungsfeld": "sucht"}))
        detail = client.get(addiction["Sucht und Arbeit"])

        assert set(everything) == {"Sucht und Arbeit", "Schulden im Blick"}
        assert list(addiction) == ["Sucht und Arbeit"]
        assert addiction["Sucht und Arbeit"] == "/praxisbeispiele/sucht-und-arbeit/"
        assert detail.status_code == 200
        soup = BeautifulSoup(detail.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Sucht und Arbeit"
        assert "Jobcenter Hagen" in [link.get_text(strip=True) for link in soup.select("dd a")]
        assert soup.select_one(".figure__value").get_text(strip=True) == "1.900"
        assert "Caritas" in soup.get_text()

    def test_tree_stays_consistent_for_pages_added_afterwards(self, client, library):
        create_practice("Vorher", slug="vorher")
        bulk = pages_bulk_create(
            parent=library, pages=[build_practice(f"Ansatz {n}") for n in range(3)]
        )

        after = create_practice("Nachher", slug="nachher")

        library.refresh_from_db()
        paths = [page.path for page in library.get_children()]
        assert paths == sorted(paths) and len(set(paths)) == 5
        assert [page.title for page in library.get_children()][-1] == "Nachher"
        assert library.numchild == 5
        assert after.path == Page._get_path(library.path, library.depth + 1, 5)
        assert bulk[0].get_parent().pk == library.pk
        assert Page.find_problems() == ([], [], [], [], [])
        assert client.get("/praxisbeispiele/nachher/").status_code == 200

    def test_slugs_are_unique_among_siblings(self, library):
        create_practice("Lotsen", slug="lotsen")

        pages = pages_bulk_create(
            parent=library,
            pages=[build_practice("Lotsen"), build_practice("Lotsen"), build_practice("Mobil")],
        )

        assert [page.slug for page in pages] == ["lotsen-1", "lotsen-2", "mobil"]
        assert sorted(library.get_children().values_list("url_path", flat=True)) == [
            "/home/praxisbeispiele/lotsen-1/",
            "/home/praxisbeispiele/lotsen-2/",
            "/home/praxisbeispiele/lotsen/",
            "/home/praxisbeispiele/mobil/",
        ]

    def test_query_count_does_not_grow_with_the_number_of_pages(self, library):
        jobcenter = create_jobcenter()
        few = [build_practice(f"Wenig {n}", jobcenter=jobcenter) for n in range(10)]
        many = [build_practice(f"Viel {n}", jobcenter=jobcenter) for n in range(1_000)]

        with CaptureQueriesContext(connection) as for_few:
            pages_bulk_create(parent=library, pages=few)
        with CaptureQueriesContext(connection) as for_many:
            pages_bulk_create(parent=library, pages=many)

        assert len(for_many) == len(for_few) <= 15
        assert PracticePage.objects.count() == 1_010
        assert PracticePage.topics.through.objects.count() == 1_010
        assert PracticePartner.objects.count() == 1_010
        assert Page.find_problems() == ([], [], [], [], [])

    def test_pages_of_different_classes_are_refused(self, library):
        with pytest.raises(ValueError):
            pages_bulk_create(parent=library, pages=[build_practice("A"), Page(title="B")])
