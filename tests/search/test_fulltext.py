"""The database backend on the engine's full-text index (FTS5 on SQLite, tsvector on
PostgreSQL): the index follows every write, user input never becomes query syntax, and the
answers equal a plain reading of the documents' analysed terms."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from search import fts
from search.analysis import Term
from search.backends import SearchRequest
from search.backends import database as database_backend
from search.builders import IndexEntry
from search.indexing import database_apply, database_rebuild
from search.models import SearchDocument
from search.query import Alternative, Clause, ParsedQuery, parse_query
from search.registry import facet_names

from .helpers import api, create_practice, sync, titles

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]

NOW = timezone.now()


@pytest.fixture(autouse=True)
def database_only(settings):
    settings.ELASTICSEARCH_URL = ""


def entry(number: int, title: str, text: str = "", **overrides) -> IndexEntry:
    values = {
        "doc_id": f"test:{number}",
        "doc_type": "practice",
        "model": "practices.practicepage",
        "object_id": str(number),
        "title": title,
        "teaser": "",
        "body": text,
        "url": f"/p/{number}/",
        "date": NOW - timedelta(days=number),
        "visibility": ("public",),
        "facets": {"type": ["practice"]},
    }
    values.update(overrides)
    return IndexEntry(**values)


def run(q: str = "", *, filters=None, visibilities=None, sort="relevance", page=1, size=10):
    return database_backend.search(
        SearchRequest(
            query=parse_query(q, []),
            filters=filters or {},
            visibilities=visibilities,
            sort=sort,
            page=page,
            page_size=size,
        )
    )


def found(q: str, **kwargs) -> list[str]:
    return [hit.title for hit in run(q, size=100, **kwargs).hits]


def with_every_word(q: str) -> list[str]:
    """The documents that contain every word of ``q``: none when the backend had to answer
    with those missing one word (``BackendResult.relaxed``)."""
    result = run(q, size=100)
    return [] if result.relaxed else [hit.title for hit in result.hits]


class TestIndexFollowsEveryWrite:
    def test_published_edit_and_delete_of_a_page(self, client, library):
        page = create_practice(library, "Suchtberatung im Quartier")
        sync()
        assert titles(api(client, q="Suchtberatung")) == ["Suchtberatung im Quartier"]

        page.title = "Mobilitätshilfe auf dem Land"
        page.save_revision().publish()
        sync()
        assert titles(api(client, q="Suchtberatung")) == []
        assert titles(api(client, q="Mobilität")) == ["Mobilitätshilfe auf dem Land"]

        page.delete()
        sync()
        assert titles(api(client, q="Mobilität")) == []

    def test_bulk_create_bulk_update_and_delete(self):
        database_apply(
            entries=[entry(1, "Schuldnerberatung"), entry(2, "Kinderbetreuung")], delete_ids=[]
        )
        assert found("Schuldner") == ["Schuldnerberatung"]

        # A second apply of the same doc_ids takes the bulk_update path.
        database_apply(entries=[entry(1, "Wohnungssicherung")], delete_ids=[])
        assert found("Schuldnerberatung") == []
        assert found("Wohnung") == ["Wohnungssicherung"]

        database_apply(entries=[], delete_ids=["test:2"])
        assert found("Kinderbetreuung") == []
        assert SearchDocument.objects.count() == 1

    def test_queryset_update_and_delete(self):
        database_apply(
            entries=[entry(1, "Schuldnerberatung"), entry(2, "Suchtberatung")], delete_ids=[]
        )

        SearchDocument.objects.filter(doc_id="test:1").update(stems=" quarti ", parts="")
        SearchDocument.objects.filter(doc_id="test:2").delete()

        assert found("Quartier") == ["Schuldnerberatung"]
        assert found("Beratung") == []

    def test_rebuild(self, library):
        create_practice(library, "Suchtberatung im Quartier")
        sync()
        database_apply(entries=[entry(1, "Verwaister Eintrag")], delete_ids=[])

        database_rebuild()

        assert found("Verwaist") == []
        assert found("Sucht") == ["Suchtberatung im Quartier"]


class TestInstallingTheIndex:
    def test_documents_that_existed_before_are_indexed(self):
        """What the migration does on a site that already has a database index."""
        fts.uninstall(connection)
        database_apply(entries=[entry(1, "Schuldnerberatung")], delete_ids=[])

        fts.install(connection)

        assert found("Schuldner") == ["Schuldnerberatung"]

    @pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite drops triggers on ALTER")
    def test_lost_triggers_come_back_with_the_documents_written_meanwhile(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER {fts.FTS_TABLE}_insert")
        database_apply(entries=[entry(1, "Schuldnerberatung")], delete_ids=[])

        fts.ensure(connection)
        database_apply(entries=[entry(2, "Suchtberatung")], delete_ids=[])

        assert sorted(found("Beratung")) == ["Schuldnerberatung", "Suchtberatung"]


class TestHostileInput:
    @pytest.fixture
    def documents(self):
        database_apply(
            entries=[
                entry(1, "Suchtberatung vor Ort"),
                entry(2, "Schuldnerberatung im Jobcenter"),
                entry(3, "Near Sucht Beratung", "and or not"),
            ],
            delete_ids=[],
        )

    @pytest.mark.parametrize(
        ("q", "expected"),
        [
            ('"Sucht', ["Near Sucht Beratung", "Suchtberatung vor Ort"]),
            (
                "Sucht OR Schuldner",
                ["Near Sucht Beratung", "Schuldnerberatung im Jobcenter", "Suchtberatung vor Ort"],
            ),
            ("sucht or schuldner", []),
            ("NEAR(Sucht", ["Near Sucht Beratung"]),
            ("Sucht*", ["Near Sucht Beratung", "Suchtberatung vor Ort"]),
            ("stems:Schuldner", []),
            ("{parts}:Schuldner", []),
            ("Sucht NOT Near", ["Near Sucht Beratung"]),
            ("Schuldner & !Sucht", []),
            ("Sucht <-> Beratung", ["Near Sucht Beratung", "Suchtberatung vor Ort"]),
            ("'Schuldner' \\ :*", ["Schuldnerberatung im Jobcenter"]),
            (
                '"',
                ["Near Sucht Beratung", "Schuldnerberatung im Jobcenter", "Suchtberatung vor Ort"],
            ),
            (
                "* ( ) : ! & ' \\ ^",
                ["Near Sucht Beratung", "Schuldnerberatung im Jobcenter", "Suchtberatung vor Ort"],
            ),
        ],
    )
    def test_syntax_characters_are_plain_text(self, client, documents, q, expected):
        response = client.get("/suche/", {"q": q})
        assert response.status_code == 200
        assert sorted(with_every_word(q)) == expected

    @pytest.mark.parametrize(
        "raw",
        [
            'sucht" OR "schuld',
            "sucht) OR (schuld",
            "sucht | schuld",
            "{exact}: sucht",
            "near(sucht schuld)",
        ],
    )
    def test_terms_that_reach_the_backend_stay_terms(self, documents, raw):
        """Even a term with syntax in it (``parse_query`` never makes one) is quoted."""
        term = Term(exact=raw, stem=raw)
        query = ParsedQuery((Clause((Alternative((term,)),)),))

        result = database_backend.search(
            SearchRequest(
                query=query, filters={}, visibilities=None, sort="relevance", page=1, page_size=10
            )
        )

        assert result.total == 0


# --- the answers equal a plain reading of the analysed terms ------------------------------------


def _has(document, column: str, text: str) -> bool:
    return f" {text} " in getattr(document, column)


def _alternative_matches(document, alternative: Alternative) -> bool:
    if alternative.phrase:
        return _has(document, "stems", " ".join(t.stem for t in alternative.terms))
    return all(
        _has(document, "stems", t.stem) or _has(document, "parts", t.stem)
        for t in alternative.terms
    )


def _score(document, query: ParsedQuery) -> int:
    total = 0
    for term in query.all_terms():
        places = [
            ("title_exact", term.exact, 6),
            ("title_stems", term.stem, 3),
            ("exact", term.exact, 2),
            ("stems", term.stem, 1),
            ("parts", term.stem, 1),
        ]
        total += next((w for column, text, w in places if text and _has(document, column, text)), 0)
    return total


def reference(q: str, filters: dict, visibilities, sort: str = "relevance"):
    """Total, all hit titles in order and facet counts, read document by document."""
    query = parse_query(q, [])
    documents = []
    for document in SearchDocument.objects.prefetch_related("facets", "audience"):
        tokens = {a.token for a in document.audience.all()}
        if visibilities is not None and not tokens & visibilities:
            continue
        if not all(
            any(_alternative_matches(document, a) for a in c.alternatives) for c in query.clauses
        ):
            continue
        values: dict[str, set[str]] = {}
        for value in document.facets.all():
            values.setdefault(value.facet, set()).add(value.value)
        documents.append((document, values))

    def passes(values, but=None):
        return all(values.get(f, set()) & set(v) for f, v in filters.items() if f != but)

    counts = {}
    for facet in facet_names():
        counts[facet] = {}
        for _document, values in documents:
            if passes(values, but=facet):
                for value in values.get(facet, ()):
                    counts[facet][value] = counts[facet].get(value, 0) + 1
    hits = [d for d, values in documents if passes(values)]
    newest = sort == "newest" or query.is_empty

    def key(document):
        date = document.date.timestamp() if document.date else float("-inf")
        return (0 if newest else _score(document, query), date, document.pk)

    hits.sort(key=key, reverse=True)
    return len(hits), [d.title for d in hits], counts


TOPICS = ["sucht", "schulden", "wohnen", "gesundheit"]
LANDS = ["NW", "BY", "SN", "HE"]
TITLES = [
    "Suchtberatung im Quartier",
    "Schuldnerberatung und Sucht",
    "Beratung für Alleinerziehende",
    "Kinderbetreuung in Randzeiten",
    "Arbeitslosengeld II und Bürgergeld",
    "Gesundheitsförderung im Jobcenter",
]
TEXTS = [
    "Die Suchtberatung kommt ins Jobcenter.",
    "Schulden und Sucht hängen oft zusammen; die Beratung hilft.",
    "Alleinerziehende finden Kinderbetreuung und Beratung.",
    "Bürgergeld statt Arbeitslosengeld II: Beratung zum Übergang.",
    "",
]


@pytest.fixture
def collection():
    rng = random.Random(7)
    entries = []
    for number in range(1, 41):
        topics = rng.sample(TOPICS, rng.randint(0, 2))
        lands = rng.sample(LANDS, rng.randint(1, 2))
        entries.append(
            entry(
                number,
                f"{rng.choice(TITLES)} {number}",
                rng.choice(TEXTS),
                # Several share a date: the order falls back to the id.
                date=None if number % 9 == 0 else NOW - timedelta(days=number // 3),
                visibility=("staff",) if number % 5 == 0 else ("public",),
                facets={
                    "type": ["practice" if number % 4 else "article"],
                    "topic": topics,
                    "bundesland": lands,
                },
            )
        )
    database_apply(entries=entries, delete_ids=[])


@pytest.mark.parametrize(
    ("q", "filters", "visibilities", "sort"),
    [
        ("", {}, None, "relevance"),
        ("", {"topic": ["sucht"]}, frozenset({"public"}), "relevance"),
        ("Beratung", {}, None, "relevance"),
        ("Beratung", {"bundesland": ["NW", "BY"]}, frozenset({"public"}), "relevance"),
        ("Sucht", {"topic": ["sucht", "wohnen"], "bundesland": ["SN"]}, None, "relevance"),
        ("Beratung Jobcenter", {"type": ["practice"], "topic": ["schulden"]}, None, "newest"),
        ("Schulden", {"bundesland": ["HE"]}, frozenset({"staff", "public"}), "relevance"),
        ("Kinderbetreuung Alleinerziehende", {}, frozenset({"public"}), "relevance"),
        ("Bürgergeld", {}, None, "relevance"),
        ("zusammen", {"topic": ["gesundheit"]}, frozenset(), "relevance"),
    ],
)
def test_answers_equal_the_plain_reading(collection, q, filters, visibilities, sort):
    total, ordered, counts = reference(q, filters, visibilities, sort)

    size = 7
    count = max(1, -(-total // size))
    pages = [
        run(q, filters=filters, visibilities=visibilities, sort=sort, page=page, size=size)
        for page in range(1, count + 1)
    ]
    beyond = run(
        q, filters=filters, visibilities=visibilities, sort=sort, page=count + 3, size=size
    )

    assert pages[0].total == total
    assert pages[0].facet_counts == counts
    assert [hit.title for result in pages for hit in result.hits] == ordered
    assert beyond.page == count
    assert [hit.title for hit in beyond.hits] == [hit.title for hit in pages[-1].hits]


def test_synonym_phrases_match_consecutive_stems_only():
    database_apply(
        entries=[
            entry(1, "Arbeitslosengeld II beantragen"),
            entry(2, "II. Teil: Arbeitslosengeld"),
        ],
        delete_ids=[],
    )
    query = parse_query("ALG II", [["Arbeitslosengeld II", "ALG II"]])

    result = database_backend.search(
        SearchRequest(
            query=query, filters={}, visibilities=None, sort="relevance", page=1, page_size=10
        )
    )

    assert [hit.title for hit in result.hits] == ["Arbeitslosengeld II beantragen"]
