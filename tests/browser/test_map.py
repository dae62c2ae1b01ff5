"""The map and the Jobcenter directory in a browser: axe-core clean, usable by keyboard, and the
map page asks nothing of any other host."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories.events import create_event
from tests.factories.offers import create_offer
from tests.factories.practices import create_practice
from tests.factories.regions import create_located_jobcenter


@pytest.fixture
def region(transactional_db):
    en = create_located_jobcenter("Jobcenter EN", latitude=51.2869, longitude=7.337, town="Schwelm")
    bremen = create_located_jobcenter(
        "Jobcenter Bremen", land="HB", latitude=53.0793, longitude=8.8017, town="Bremen"
    )
    create_practice("Gesundheitslotsen", jobcenters=[en])
    create_offer(
        "Schuldnerberatung Schwelm", jobcenters=[en], locations=((51.29, 7.34, "Schwelm"),)
    )
    create_event("Regionaltreffen Nord", land="HB", jobcenters=[bremen], days_ahead=5)
    return {"en": en, "bremen": bremen}


def test_the_map_is_accessible_filters_by_keyboard_and_stays_on_the_site(page, live_server, region):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto("/karte/")
    expect(page.get_by_role("heading", name="Karte", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Schuldnerberatung Schwelm")).to_be_visible()
    assert_accessible(page)

    bremen = page.get_by_role("link", name="Bremen: 2 Einträge")
    bremen.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/karte/?land=HB")
    expect(page.get_by_role("heading", name="Jobcenter – Bremen", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Regionaltreffen Nord")).to_be_visible()
    expect(page.get_by_role("link", name="Schuldnerberatung Schwelm")).to_have_count(0)
    assert_accessible(page)

    host = urlsplit(live_server.url).netloc
    assert requests
    assert [url for url in requests if urlsplit(url).netloc != host] == []


def test_the_directory_and_a_jobcenter_page_are_accessible(page, live_server, region):
    page.goto("/jobcenter/")
    expect(page.get_by_role("heading", name="Jobcenter", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Regionaldirektion", exact=True).select_option(label="Nordrhein-Westfalen")
    page.get_by_role("button", name="Filter anwenden").press("Enter")
    expect(page.get_by_role("link", name="Jobcenter Bremen")).to_have_count(0)
    link = page.get_by_role("link", name="Jobcenter EN", exact=True)
    assert_accessible(page)

    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Jobcenter EN", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Gesundheitslotsen")).to_be_visible()
    expect(page.get_by_role("link", name="Schuldnerberatung Schwelm")).to_be_visible()
    assert_accessible(page)
