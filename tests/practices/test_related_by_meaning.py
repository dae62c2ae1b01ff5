"""Related practices and articles: the nearest by meaning fused with those sharing terms, only
ever what the reader may see, and the shared terms alone while the semantic search is off."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.ranking import rrf
from tests.cms.magazine_helpers import magazine_index, make_article, make_issue, topic
from tests.factories.practices import create_practice
from tests.search.helpers import sync

pytestmark = pytest.mark.django_db

START = {
    "title": "Suchtberatung im Jobcenter",
    "teaser": "Kundinnen und Kunden mit Suchtproblemen werden direkt an die Suchtberatung "
    "vermittelt.",
    "topics": ["sucht"],
}
# No term in common with START, and no word either: only the meaning links them.
BY_MEANING = {
    "title": "Sprechstunde der Drogen- und Alkoholhilfe",
    "teaser": "Eine Beratungsstelle für Menschen mit Alkohol- und Drogenproblemen berät jede "
    "Woche im Haus.",
}
BY_TERM = {
    "title": "Gesundheitstag für Arbeitsuchende",
    "teaser": "Ein Aktionstag mit Kursen zu Bewegung und Ernährung.",
    "topics": ["sucht"],
}
START_ARTICLE = {
    "title": "Wenn Sucht den Weg in Arbeit versperrt",
    "teaser": "Wie Jobcenter und Suchtberatung gemeinsam Kundinnen und Kunden mit "
    "Suchtproblemen begleiten.",
}
UNRELATED = [
    {
        "title": "Führerscheinförderung im ländlichen Raum",
        "teaser": "Arbeitsuchende ohne Auto erhalten Zuschüsse zum Führerschein.",
    },
    {
        "title": "Bewerbungstraining für Ältere",
        "teaser": "Ein Kurs übt Vorstellungsgespräche mit Arbeitsuchenden über 50 Jahren.",
    },
]


def related_titles(client, page, box: str = "section.similar") -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").select_one(box)
    if section is None:
        return []
    return [title.get_text(strip=True) for title in section.select(".practice-card__title")]


def test_rrf_adds_the_reciprocal_ranks_of_both_lists():
    assert rrf([["a", "b", "c"], ["c", "d"]]) == ["c", "a", "b", "d"]
    assert rrf([[], [3, 1, 2]]) == [3, 1, 2]


class TestRelatedPractices:
    def test_a_practice_related_only_by_meaning_joins_those_sharing_terms(self, client, library):
        practice = create_practice(**START)
        create_practice(**BY_MEANING)
        create_practice(**BY_TERM)
        for fields in UNRELATED:
            create_practice(**fields)
        sync()

        assert related_titles(client, practice)[:2] == [BY_TERM["title"], BY_MEANING["title"]]

    def test_without_the_semantic_search_the_shared_terms_alone_decide(
        self, client, settings, library
    ):
        practice = create_practice(**START)
        create_practice(**BY_MEANING)
        create_practice(**BY_TERM)
        sync()
        settings.SEARCH_HYBRID = False

        assert related_titles(client, practice) == [BY_TERM["title"]]

    def test_before_any_vector_is_stored_the_shared_terms_alone_decide(self, client, library):
        practice = create_practice(**START)
        create_practice(**BY_MEANING)
        create_practice(**BY_TERM)

        assert related_titles(client, practice) == [BY_TERM["title"]]

    def test_a_staff_only_practice_close_in_meaning_never_reaches_the_public(
        self, client, library, staff_user
    ):
        practice = create_practice(**START)
        create_practice(**BY_MEANING, staff_only=True)
        sync()

        public = related_titles(client, practice)
        client.force_login(staff_user)
        staff = related_titles(client, practice)

        assert BY_MEANING["title"] not in public
        assert BY_MEANING["title"] in staff

    def test_query_count_does_not_grow_with_more_vectors(self, client, library):
        practice = create_practice(**START)
        create_practice(**BY_MEANING)
        create_practice(**BY_TERM)
        sync()
        client.get(practice.url)  # warm the per-process caches (content types, site, vectors)
        with CaptureQueriesContext(connection) as few:
            client.get(practice.url)
        for fields in UNRELATED:
            create_practice(**fields, topics=["sucht"])
        sync()
        client.get(practice.url)
        with CaptureQueriesContext(connection) as many:
            response = client.get(practice.url)

        assert len(response.context["similar_practices"]) == 3
        assert len(many) == len(few)


class TestRelatedOfArticles:
    @pytest.fixture
    def issue(self, home):
        return make_issue(magazine_index(home), number=12, cover=False)

    def test_articles_and_practices_close_in_meaning_are_related(self, client, library, issue):
        article = make_article(issue, topics=[topic("sucht")], image=False, **START_ARTICLE)
        make_article(issue, image=False, **BY_MEANING)
        make_article(issue, image=False, **UNRELATED[0])
        create_practice(**BY_MEANING)
        sync()

        soup = BeautifulSoup(client.get(article.url).content, "html.parser")
        related = soup.select_one(".related")

        assert BY_MEANING["title"] in [
            card.get_text(strip=True) for card in related.select(".practice-card__title")
        ]
        assert BY_MEANING["title"] in related.select_one(".article-list").get_text()

    def test_without_the_semantic_search_articles_share_terms_or_nothing(
        self, client, settings, library, issue
    ):
        article = make_article(issue, topics=[topic("sucht")], image=False, **START_ARTICLE)
        make_article(issue, image=False, **BY_MEANING)
        create_practice(**BY_MEANING)
        sync()
        settings.SEARCH_HYBRID = False

        soup = BeautifulSoup(client.get(article.url).content, "html.parser")

        assert soup.select_one(".related") is None
