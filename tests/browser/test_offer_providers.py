"""A provider member keeps an offer in a real browser, and staff report one: axe-core clean."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories.accounts import PASSWORD
from tests.factories.offer_providers import create_provider_member
from tests.factories.offers import create_offer, create_provider


@pytest.fixture
def offer(transactional_db):
    from cms.accounts.groups import groups_sync
    from tests.factories import site_home

    site_home()
    groups_sync()
    provider = create_provider("Diakonie Ennepe-Ruhr")
    create_provider_member(provider, username="traeger", display_name="Petra Lange")
    return create_offer("Schuldnerberatung Schwelm", provider=provider, funding=["16a"])


def log_in(page, username: str, next_url: str) -> None:
    page.goto(f"/konto/anmelden/?next={next_url}")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


def test_member_edits_an_offer_for_review(page, offer):
    log_in(page, "traeger", "/traeger/angebote/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meine Angebote")
    card = page.get_by_role("article", name="Schuldnerberatung Schwelm")
    expect(card).to_contain_text("veröffentlicht")
    assert_accessible(page)

    card.get_by_role("link", name="Angebot bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Angebot bearbeiten")
    assert_accessible(page)
    page.locator("#id_location-0-latitude").fill("60")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.locator("#id_location-0-latitude_error")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_location-0-latitude").fill("51.28690")
    page.locator("#id_waiting_weeks").fill("1")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()

    expect(page.locator(".messages")).to_contain_text("liegen der Redaktion zur Prüfung vor")
    expect(page.get_by_role("article", name="Schuldnerberatung Schwelm")).to_contain_text(
        "in Prüfung"
    )


def test_member_confirms_and_staff_reports(page, offer, browser, live_server):
    log_in(page, "traeger", f"/traeger/angebote/{offer.pk}/bestaetigen/")
    assert_accessible(page)
    page.get_by_role("button", name="Angaben unverändert bestätigen").click()
    expect(page.locator(".messages")).to_contain_text("bestätigt")

    from cms.accounts.groups import STAFF
    from tests.factories import create_user

    create_user(STAFF, username="netzwerk")
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    staff = context.new_page()
    log_in(staff, "netzwerk", offer.url)
    staff.get_by_text("Veraltete oder falsche Angaben melden").click()
    staff.get_by_label("Angaben veraltet").check()
    assert_accessible(staff)
    staff.get_by_role("button", name="Meldung an die Redaktion senden").click()
    expect(staff.locator(".messages")).to_contain_text("Ihre Meldung liegt der Redaktion vor")
    context.close()
