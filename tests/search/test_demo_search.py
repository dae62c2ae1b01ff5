"""The demo site as a member searches it: everyday words and typos on both backends."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from .helpers import api, titles

pytestmark = pytest.mark.django_db

DEBT_PRACTICES = {
    "Gemeinsame Fallkonferenzen mit der Schuldnerberatung",
    "Glücksspielsucht erkennen und ansprechen",
    "Energieschulden und Stromsperren abwenden",
}
DRIVING_LICENCE = "Mobil auf dem Land: Führerschein, Rufbus und Mitfahrbörse"


@pytest.fixture
def member_on_demo(client, demo, backend):
    # Inside the test's transaction no commit pushes the demo to the index: done here, as a
    # site that had its content before the search would.
    call_command("search_index", "rebuild", verbosity=0)
    call_command("search_index", "embed", verbosity=0)
    client.force_login(get_user_model().objects.get(username="anna.berger"))
    return client


def test_debts_in_everyday_words_find_the_practices_among_the_debt_counselling_offers(
    member_on_demo, backend
):
    data = api(member_on_demo, q="Unterstützung bei Überschuldung")

    assert data["backend"] == backend
    top_three = titles(data)[:3]
    assert DEBT_PRACTICES & set(top_three), top_three
    # The demo's Angebotsdatenbank has a Schuldnerberatung in many towns: they are found too.
    assert sum(result["type"] == "offer" for result in data["results"]) >= 4


def test_a_misspelt_word_is_corrected_and_finds_the_practice(member_on_demo, backend):
    data = api(member_on_demo, q="Führerschien")

    assert data["correction"]["applied"] is True
    assert data["correction"]["query"] == "Führerschein"
    assert DRIVING_LICENCE in titles(data)[:3]


@pytest.mark.parametrize(
    "q, practice",
    [
        ("Fahrerlaubnis finanzieren", DRIVING_LICENCE),
        ("ohne Berufsabschluss Stück für Stück", "Teilqualifizierung in der Lagerlogistik"),
    ],
)
def test_a_practice_with_all_words_but_one_is_among_the_first(member_on_demo, backend, q, practice):
    # No document has every word: those that miss one of them join the neighbours by meaning.
    data = api(member_on_demo, q=q)

    assert data["backend"] == backend
    assert practice in titles(data)[:3], titles(data)[:3]
    assert data["notices"][0].startswith("Kein Inhalt enthält alle Suchwörter.")
