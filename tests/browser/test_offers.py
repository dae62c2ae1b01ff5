"""The Angebotsdatenbank of the demo in a browser: a member of Jobcenter EN looks for debt
counselling nearby and opens an offer – axe-core clean, by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


@pytest.fixture
def database_search(settings):
    """The demo's rows are copied back between tests; an Elasticsearch index is not."""
    settings.ELASTICSEARCH_URL = ""


def distance(text: str) -> float:
    return float(re.match(r"([\d,]+) km", text).group(1).replace(",", "."))


def test_member_of_jobcenter_en_finds_the_nearest_debt_counselling(
    open_as, demo_site, database_search
):
    page = open_as("anna.berger")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Angebote"
    ).click()
    expect(page.get_by_label("Jobcenter", exact=True)).to_have_value("jobcenter-en")
    assert_accessible(page)

    page.get_by_label("Wonach suchen Sie?").fill("Schuldnerberatung")
    page.get_by_label("Umkreis", exact=True).select_option(label="25 km")
    page.get_by_label("Wonach suchen Sie?").press("Enter")
    expect(page.get_by_text("Angebote im Umkreis von 25 km um Jobcenter EN")).to_be_visible()

    cards = page.locator(".offer-card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 3
    distances = []
    for index in range(cards.count()):
        card = cards.nth(index)
        facts = {
            term.inner_text(): term.locator("xpath=following-sibling::dd[1]").inner_text()
            for term in card.locator("dt").all()
        }
        distances.append(distance(facts["Entfernung"]))
        assert facts["Förderweg"] and facts["Förderweg"] != "nicht angegeben"
        assert facts["Wartezeit"]
    assert distances == sorted(distances)
    assert "Schuldnerberatung Schwelm" in cards.locator("h3").all_inner_texts()[:3]
    assert distances[-1] <= 25
    assert_accessible(page)

    first = cards.first.get_by_role("link")
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("Zuletzt bestätigt am", exact=False)).to_be_visible()
    assert_accessible(page)


def test_the_location_button_searches_around_the_browsers_position(
    page, demo_site, database_search
):
    page.context.grant_permissions(["geolocation"])
    # Hagen, about 14 km east of Schwelm.
    page.context.set_geolocation({"latitude": 51.3671, "longitude": 7.4633})
    page.goto("/angebote/?q=Schuldnerberatung")
    page.get_by_role("button", name="Meinen Standort verwenden").click()

    expect(page.get_by_text("Angebote im Umkreis von 25 km um Ihren Standort")).to_be_visible()
    assert "lat=51.36710" in page.url and "lon=7.46330" in page.url
    first = page.locator(".offer-card").first
    expect(first).to_contain_text("(Hagen)")
    assert_accessible(page)
