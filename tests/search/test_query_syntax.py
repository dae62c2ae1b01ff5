"""The query syntax people know from web search: "phrases", OR/ODER and -exclusions.

The parser first, then the same behaviour on both backends (the database on SQLite or
PostgreSQL, and a real Elasticsearch), through the API and the search page.
"""

import re

import pytest
from bs4 import BeautifulSoup

from search.query import parse_query
from tests.factories import create_user

from .helpers import (
    api,
    create_practice,
    days_ago,
    facet,
    indexed_rows,
    sync,
    sync_again,
    titles,
)

pytestmark = pytest.mark.django_db

SYNONYMS = [["Bürgergeld", "Arbeitslosengeld II", "ALG II"]]


def shape(clauses) -> list[list[tuple[tuple[str, ...], bool]]]:
    """Clauses as (stems, phrase) per alternative: what the backends turn into queries."""
    return [
        [(tuple(term.stem for term in a.terms), a.phrase) for a in clause.alternatives]
        for clause in clauses
    ]


def parsed(q: str):
    query = parse_query(q, SYNONYMS)
    return shape(query.clauses), shape(query.excluded)


class TestParser:
    def test_or_joins_only_its_neighbours(self):
        clauses, excluded = parsed("Schulden Sucht OR Wohnen Kinder")

        assert clauses == [
            [(("schuld",), False)],
            [(("sucht",), False), (("wohn",), False)],
            [(("kind",), False)],
        ]
        assert excluded == []

    def test_oder_is_or_and_chains(self):
        assert parsed("Sucht ODER Schulden OR Wohnen") == (
            [[(("sucht",), False), (("schuld",), False), (("wohn",), False)]],
            [],
        )

    def test_lower_case_or_and_oder_stay_words(self):
        assert parsed("Sucht or Schulden")[0] == [
            [(("sucht",), False)],
            [(("or",), False)],
            [(("schuld",), False)],
        ]
        # "oder" is a stopword, as before.
        assert parsed("Sucht oder Schulden")[0] == [[(("sucht",), False)], [(("schuld",), False)]]

    @pytest.mark.parametrize(
        "q",
        [
            "OR Sucht Schulden",
            "Sucht Schulden OR",
            "Sucht OR OR Schulden",
            "ODER Sucht Schulden ODER",
        ],
    )
    def test_or_without_an_operand_on_each_side_is_ignored(self, q):
        assert parsed(q) == parsed("Sucht Schulden")

    def test_or_next_to_an_exclusion_joins_nothing(self):
        clauses, excluded = parsed("Schulden -Sucht OR Wohnen")

        assert clauses == [[(("schuld",), False)], [(("wohn",), False)]]
        assert excluded == [[(("sucht",), False)]]

    def test_or_joins_synonyms_and_phrases(self):
        synonyms = shape(parse_query("Bürgergeld", SYNONYMS).clauses)[0]

        clauses, _excluded = parsed('Bürgergeld OR "Kooperation mit der Suchthilfe"')

        assert (("arbeitslosengeld", "ii"), True) in synonyms
        assert clauses == [[*synonyms, (("kooperation", "suchthilf"), True)]]

    def test_quoted_words_are_one_phrase_of_their_stems(self):
        assert parsed('"Kooperation mit der Suchthilfe"') == (
            [[(("kooperation", "suchthilf"), True)]],
            [],
        )

    def test_german_quotation_marks_work_too(self):
        assert parsed("„Kooperation mit der Suchthilfe“") == parsed(
            '"Kooperation mit der Suchthilfe"'
        )

    def test_plain_words_are_relaxed_by_one_word_syntax_never(self):
        assert parse_query("Sucht Schulden Wohnen", SYNONYMS).relaxed().minimum_clauses == 2
        relaxed = parse_query("Sucht Schulden -Wohnen", SYNONYMS).relaxed()
        assert relaxed.minimum_clauses == 1
        assert shape(relaxed.excluded) == [[(("wohn",), False)]]
        assert parse_query("Sucht", SYNONYMS).relaxed() is None
        assert parse_query('"Sucht" Schulden', SYNONYMS).relaxed() is None
        assert parse_query("Sucht OR Wohnen Schulden", SYNONYMS).relaxed() is None
        # An OR without an operand on each side is ignored: the words are plain words.
        assert parse_query("OR Sucht Schulden", SYNONYMS).relaxed().minimum_clauses == 1

    def test_a_quoted_single_word_is_that_word_without_synonyms(self):
        quoted = parse_query('"Bürgergeld"', SYNONYMS)

        # The word and, as it is a compound, its parts, as typed without any synonyms.
        assert quoted.clauses == parse_query("Bürgergeld", []).clauses
        assert quoted.exact_syntax and not parse_query("Bürgergeld", []).exact_syntax
        assert shape(quoted.clauses) == [[(("burgergeld",), False), (("burg", "geld"), False)]]
        assert len(parse_query("Bürgergeld", SYNONYMS).clauses[0].alternatives) == 3  # synonyms

    @pytest.mark.parametrize(
        ("q", "same_as"),
        [
            ('"Kooperation mit der Suchthilfe', "Kooperation mit der Suchthilfe"),
            ('Kooperation "Suchthilfe', "Kooperation Suchthilfe"),
            ('"Sucht" "Schulden', "Sucht Schulden"),
            ('-"Sucht', "-Sucht"),
        ],
    )
    def test_a_quotation_mark_without_partner_is_ignored(self, q, same_as):
        assert parsed(q) == parsed(same_as)

    def test_minus_at_the_start_of_a_token_excludes(self):
        query = parse_query('Schulden -Sucht -"Kooperation mit der Suchthilfe"', SYNONYMS)

        assert shape(query.clauses) == [[(("schuld",), False)]]
        assert shape(query.excluded) == [
            [(("sucht",), False)],
            [(("kooperation", "suchthilf"), True)],
        ]
        # Synonyms are not excluded with the word: "-Bürgergeld" means this word.
        assert parsed("Sucht -Bürgergeld")[1] == [[(("burgergeld",), False)]]

    @pytest.mark.parametrize(
        ("q", "words"),
        [
            ("Peer-Mentoring", ["peer", "mentoring"]),
            ("E-Mail", ["e", "mail"]),
            ("Sucht - Schulden", ["sucht", "schuld"]),
            ("Sucht-", ["sucht"]),
            ("(-Sucht)", ["sucht"]),
        ],
    )
    def test_a_minus_not_starting_a_token_is_no_exclusion(self, q, words):
        query = parse_query(q, SYNONYMS)

        assert query.excluded == ()
        assert shape(query.clauses) == [[((word,), False)] for word in words]

    def test_an_excluded_hyphenated_word_is_excluded_as_written(self):
        assert parsed("Sucht -Peer-Mentoring")[1] == [[(("peer", "mentoring"), True)]]

    def test_only_exclusions_is_empty_but_not_everything(self):
        query = parse_query("-Sucht", SYNONYMS)

        assert query.is_empty
        assert not query.matches_all
        assert parse_query("", SYNONYMS).matches_all

    def test_only_positive_terms_are_scored_and_highlighted(self):
        query = parse_query('Schulden -Sucht -"Kooperation Suchthilfe"', SYNONYMS)

        assert query.highlight_stems() == {"schuld"}
        assert [term.stem for term in query.all_terms()] == ["schuld"]

    @pytest.mark.parametrize(
        "q",
        [
            'Sucht" AND (Beratung OR [a TO b]) ~2 ^3 \\ /x/ * ? : ! { } -+&&||',
            "NEAR(Sucht OR Schulden)",
            '-"" OR -- - "" "',
            '{stems}:Sucht OR "x:*" -\\"Schulden\\"',
            '„“”"',
            "OR",
        ],
    )
    def test_engine_syntax_never_reaches_a_term(self, q):
        query = parse_query(q, SYNONYMS)

        for clause in query.clauses + query.excluded:
            for alternative in clause.alternatives:
                for term in alternative.terms:
                    assert re.fullmatch(r"\w+", term.stem), term
                    assert re.fullmatch(r"\w*", term.exact), term


# --- behaviour on both backends -----------------------------------------------------------------


def build_money_and_addiction(library):
    create_practice(
        library,
        "Schuldenberatung ohne Wartezeit",
        text="Wer Schulden hat, bekommt schnell einen Termin.",
        published=days_ago(1),
    )
    create_practice(
        library,
        "Schulden und Sucht",
        text="Viele Kundinnen haben Schulden, manche auch eine Sucht.",
        published=days_ago(2),
    )
    create_practice(
        library,
        "Offene Sprechstunde zur Sucht",
        text="Die Beratung bei Sucht kommt ins Jobcenter.",
        published=days_ago(3),
    )
    create_practice(
        library,
        "Mobilität auf dem Land",
        text="Ein Fahrdienst bringt Teilnehmende zur Maßnahme.",
        published=days_ago(4),
    )
    create_practice(
        library,
        "Peer-Mentoring für Jugendliche",
        text="Ehemalige Teilnehmende begleiten Jüngere, auch per E-Mail.",
        published=days_ago(5),
    )


money_and_addiction, money_and_addiction_of_the_class = indexed_rows(
    build_money_and_addiction, name="money_and_addiction"
)


ALL = [
    "Mobilität auf dem Land",
    "Offene Sprechstunde zur Sucht",
    "Peer-Mentoring für Jugendliche",
    "Schulden und Sucht",
    "Schuldenberatung ohne Wartezeit",
]


# The classes on what the syntax means run on the lexical search alone (``lexical_only``) and
# ask for the words as typed ("korrektur=0"), so that neither neighbours by meaning nor a
# "Meinten Sie …?" correction answer instead; ``TestWithTheWholeSearch`` runs with both.


def lexical(client, q: str) -> dict:
    return api(client, q=q, korrektur="0")


def found(client, q: str) -> list[str]:
    return sorted(titles(lexical(client, q)))


def page_titles(client, q: str) -> list[str]:
    response = client.get("/suche/", {"q": q, "korrektur": "0"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".search-hit__title a")]


@pytest.mark.usefixtures("lexical_only")
class TestOr:
    @pytest.fixture
    def money_and_addiction(self, money_and_addiction_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return money_and_addiction_of_the_class

    @pytest.mark.parametrize("q", ["Sucht OR Schulden", "Sucht ODER Schulden"])
    def test_either_side_may_match(self, client, backend, money_and_addiction, q):
        data = lexical(client, q)

        assert data["backend"] == backend
        assert sorted(titles(data)) == [
            "Offene Sprechstunde zur Sucht",
            "Schulden und Sucht",
            "Schuldenberatung ohne Wartezeit",
        ]
        assert data["total"] == 3
        assert sorted(page_titles(client, q)) == sorted(titles(data))

    def test_without_or_every_word_must_match(self, client, backend, money_and_addiction):
        assert found(client, "Sucht Schulden") == ["Schulden und Sucht"]
        # Lower case: "oder" is a stopword, "or" a word no practice contains. No practice has
        # all three words; the one with two of them follows, not every one with Sucht.
        assert found(client, "sucht oder schulden") == ["Schulden und Sucht"]
        data = lexical(client, "sucht or schulden")
        assert titles(data) == ["Schulden und Sucht"]
        assert data["notices"][0].startswith("Kein Inhalt enthält alle Suchwörter.")

    def test_or_binds_its_neighbours_only(self, client, backend, money_and_addiction):
        # Schulden AND (Sucht OR Fahrdienst), not (Schulden AND Sucht) OR Fahrdienst.
        assert found(client, "Schulden Sucht OR Fahrdienst") == ["Schulden und Sucht"]
        assert found(client, "Fahrdienst OR Sucht Beratung") == ["Offene Sprechstunde zur Sucht"]


@pytest.mark.usefixtures("lexical_only")
class TestExclusion:
    @pytest.fixture
    def money_and_addiction(self, money_and_addiction_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return money_and_addiction_of_the_class

    def test_excluded_word_drops_the_documents_with_it(self, client, backend, money_and_addiction):
        data = lexical(client, "Schulden -Sucht")

        assert titles(data) == ["Schuldenberatung ohne Wartezeit"]
        assert facet(data, "type") == {"practice": (1, False)}
        assert page_titles(client, "Schulden -Sucht") == ["Schuldenberatung ohne Wartezeit"]

    def test_only_exclusions_list_everything_else_newest_first(
        self, client, backend, money_and_addiction
    ):
        data = lexical(client, "-Sucht")

        assert titles(data) == [
            "Schuldenberatung ohne Wartezeit",
            "Mobilität auf dem Land",
            "Peer-Mentoring für Jugendliche",
        ]
        assert data["total"] == 3
        assert facet(data, "type") == {"practice": (3, False)}
        assert page_titles(client, "-Sucht") == titles(data)

    def test_several_exclusions_and_an_excluded_phrase(self, client, backend, money_and_addiction):
        assert found(client, "-Sucht -Fahrdienst") == [
            "Peer-Mentoring für Jugendliche",
            "Schuldenberatung ohne Wartezeit",
        ]
        # The phrase "Sucht kommt" is in one practice; "Sucht" alone in two.
        assert found(client, 'Sucht -"Sucht kommt"') == ["Schulden und Sucht"]

    def test_a_hyphen_inside_a_word_is_part_of_it(self, client, backend, money_and_addiction):
        assert found(client, "Peer-Mentoring") == ["Peer-Mentoring für Jugendliche"]
        assert found(client, "E-Mail") == ["Peer-Mentoring für Jugendliche"]
        assert "Peer-Mentoring für Jugendliche" not in found(client, "-Peer-Mentoring")
        assert len(found(client, "-Peer-Mentoring")) == 4

    def test_excluding_what_is_searched_finds_nothing(self, client, backend, money_and_addiction):
        assert found(client, "Sucht -Sucht") == []
        assert found(client, 'Sucht -"Sucht"') == []


def build_cooperation(library):
    create_practice(
        library,
        "Netzwerk im Kreis",
        text="Seit Jahren gibt es eine feste Kooperation mit der Suchthilfe im Kreis.",
    )
    create_practice(
        library,
        "Kooperation im Landkreis",
        text="Erst kamen die Arbeitgeber dazu, später auch die Suchthilfe.",
    )


cooperation, cooperation_of_the_class = indexed_rows(build_cooperation, name="cooperation")


@pytest.mark.usefixtures("lexical_only")
class TestPhrase:
    @pytest.fixture
    def cooperation(self, cooperation_of_the_class, backend):
        """Written once for the class; pushed to the index of each test's backend."""
        sync_again()
        return cooperation_of_the_class

    def test_a_phrase_needs_its_words_in_order(self, client, backend, cooperation):
        q = '"Kooperation mit der Suchthilfe"'

        assert titles(lexical(client, q)) == ["Netzwerk im Kreis"]
        assert page_titles(client, q) == ["Netzwerk im Kreis"]
        assert found(client, "„Kooperation mit der Suchthilfe“") == ["Netzwerk im Kreis"]
        assert found(client, '"Suchthilfe Kooperation"') == []

    def test_without_quotes_the_words_may_be_scattered(self, client, backend, cooperation):
        both = ["Kooperation im Landkreis", "Netzwerk im Kreis"]

        assert found(client, "Kooperation mit der Suchthilfe") == both
        # A quotation mark without its partner is just a character.
        assert found(client, '"Kooperation mit der Suchthilfe') == both

    def test_or_between_phrases(self, client, backend, cooperation):
        q = '"Kooperation mit der Suchthilfe" OR "Arbeitgeber dazu"'

        assert found(client, q) == ["Kooperation im Landkreis", "Netzwerk im Kreis"]

    def test_excluded_words_are_not_highlighted(self, client, backend, cooperation):
        response = client.get(
            "/suche/", {"q": 'Jobcenter -"Kooperation mit der Suchthilfe"', "korrektur": "0"}
        )
        soup = BeautifulSoup(response.content, "html.parser")

        hits = soup.select(".search-hit")
        assert [hit.select_one(".search-hit__title").get_text(strip=True) for hit in hits] == [
            "Kooperation im Landkreis"
        ]
        snippet = hits[0].select_one(".search-hit__snippet")
        assert "Suchthilfe" in snippet.get_text()  # the excluded phrase's words are shown …
        assert [mark.get_text() for mark in snippet.select("mark")] == ["Jobcenter"]  # … unmarked


class TestStaffOnlyContentStaysHidden:
    @pytest.fixture
    def mixed(self, library):
        create_practice(
            library,
            "Öffentliche Suchthilfe",
            text="Eine Kooperation mit der Suchthilfe für alle.",
            bundeslaender=("NW",),
        )
        create_practice(
            library,
            "Interne Fallkonferenz",
            teaser="Nur intern: Zaunkönigprotokoll der Kooperation mit der Suchthilfe.",
            bundeslaender=("SN",),
            staff_only=True,
        )
        sync()

    QUERIES = [
        "-Mobilität",
        "Zaunkönigprotokoll OR Suchthilfe",
        '"Kooperation mit der Suchthilfe"',
        '"Zaunkönigprotokoll der Kooperation"',
        "Suchthilfe -Öffentliche",
        "Zaunkönigprotokoll -Öffentliche",
        "-Öffentliche",
    ]

    def _assert_hidden(self, client, q: str) -> None:
        data = api(client, q=q)
        response = client.get("/suche/", {"q": q})
        layout = BeautifulSoup(response.content, "html.parser").select_one(".search-page__layout")

        assert set(titles(data)) <= {"Öffentliche Suchthilfe"}
        assert data["total"] == len(titles(data))
        assert "SN" not in facet(data, "bundesland")
        # Results and facets of the page (the query itself is echoed in the form only).
        assert [a.get_text(strip=True) for a in layout.select(".search-hit__title a")] == (
            titles(data)
        )
        text = layout.get_text(" ")
        assert "Zaunkönigprotokoll" not in text and "Fallkonferenz" not in text
        assert "Sachsen" not in text

    # Every query on one published corpus (publishing dominates a test's time).
    def test_anonymous(self, client, backend, mixed):
        for q in self.QUERIES:
            self._assert_hidden(client, q)

    def test_member_without_staff_rights(self, client, backend, mixed):
        client.force_login(create_user(username="extern"))

        for q in self.QUERIES:
            self._assert_hidden(client, q)

    def test_staff_see_it_through_the_same_syntax(self, client, backend, mixed, staff_user):
        client.force_login(staff_user)

        assert "Interne Fallkonferenz" in titles(api(client, q="-Mobilität"))
        assert "Interne Fallkonferenz" in titles(
            api(client, q='"Zaunkönigprotokoll der Kooperation"')
        )
        assert titles(api(client, q="Suchthilfe -Öffentliche")) == ["Interne Fallkonferenz"]


class TestWithTheWholeSearch:
    """With the neighbours by meaning and the corrections, as the site runs."""

    SUCHT = {"Schulden und Sucht", "Offene Sprechstunde zur Sucht"}

    def test_excluded_documents_do_not_come_back_by_meaning(
        self, client, backend, money_and_addiction
    ):
        for q in ["Schulden -Sucht", "Schuldenberatung -Sucht", "Termin -Sucht"]:
            data = api(client, q=q)
            page = BeautifulSoup(client.get("/suche/", {"q": q}).content, "html.parser")
            shown = [a.get_text(strip=True) for a in page.select(".search-hit__title a")]

            assert "Schuldenberatung ohne Wartezeit" in titles(data), q
            assert not self.SUCHT & set(titles(data)), (q, titles(data))
            assert not self.SUCHT & set(shown), (q, shown)
            assert data["total"] == len(titles(data)), q


@pytest.mark.usefixtures("lexical_only")
class TestHostileInput:
    CASES = [
        ("-", ALL),
        ("--", ALL),
        ("- Sucht", ["Offene Sprechstunde zur Sucht", "Schulden und Sucht"]),
        ("OR", ALL),
        ("OR OR Sucht OR", ["Offene Sprechstunde zur Sucht", "Schulden und Sucht"]),
        ("-OR", ALL),
        ('"', ALL),
        ('""', ALL),
        ('"""', ALL),
        ('-"', ALL),
        ("„“", ALL),
        ('-"Sucht OR Schulden"', ALL),
        ('Sucht" OR "', []),  # the quoted OR is the word "or"
        (
            "-(Sucht)",
            [
                "Mobilität auf dem Land",
                "Peer-Mentoring für Jugendliche",
                "Schuldenberatung ohne Wartezeit",
            ],
        ),
        ("NEAR(Sucht OR Schulden)", []),
        ("Sucht AND NOT Schulden", []),
        ("{stems}:Sucht OR Schulden*", []),
        ("Sucht^2 OR Schulden~", ["Schulden und Sucht"]),
        ("-*", ALL),
        ("\\", ALL),
        # The backslash is a character; the quotation marks quote "Sucht\".
        ('-\\"Sucht\\"', ["Offene Sprechstunde zur Sucht", "Schulden und Sucht"]),
        ('Schulden -"Sucht \\ : * ( )"', ["Schuldenberatung ohne Wartezeit"]),
    ]

    def test_syntax_characters_never_fail_and_keep_their_meaning(
        self, client, backend, money_and_addiction
    ):
        wrong = []
        for q, expected in self.CASES:
            page = client.get("/suche/", {"q": q})
            api_response = client.get("/api/v1/search/", {"q": q})

            assert page.status_code == 200 and api_response.status_code == 200, q
            if found(client, q) != sorted(expected):
                wrong.append((q, found(client, q), sorted(expected)))
        assert wrong == []
