"""“Ähnliche Themen” in a real browser: a member types a title, the region announces existing
topics close in meaning, without a request for too little text."""

import re

from playwright.sync_api import expect

from search.indexing import embed_missing
from tests.browser.conftest import assert_accessible

EXISTING = "Wie bindet ihr die Suchtberatung in die Fallarbeit ein?"


def test_typing_a_title_announces_similar_topics(open_as, demo_site):
    embed_missing()
    anna = open_as("anna.berger")
    requests = []
    anna.on(
        "request",
        lambda request: requests.append(request.url) if "/aehnliche-themen/" in request.url else 0,
    )
    anna.goto("/forum/neues-thema/")
    region = anna.get_by_role("region", name="Ähnliche Themen")
    status = region.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    title = anna.get_by_label("Titel")

    title.press_sequentially("Zusam", delay=20)
    anna.wait_for_timeout(1_000)
    assert requests == []

    title.press_sequentially("menarbeit mit der Drogenberatung", delay=20)
    expect(status).to_have_text(re.compile(r"^\d+ ähnliche(s Thema| Themen) gefunden$"))
    link = region.get_by_role("link", name=EXISTING)
    expect(link).to_be_visible()
    assert link.get_attribute("target") is None
    # Requests wait for a pause in typing: not one per key.
    assert 1 <= len(requests) < 5
    assert_accessible(anna)

    # Keyboard: the button searches in place, nothing is published.
    region.get_by_role("button", name="Ähnliche Themen suchen").focus()
    anna.keyboard.press("Enter")
    expect(anna).to_have_url(re.compile(r"/forum/neues-thema/$"))
    expect(title).to_have_value("Zusammenarbeit mit der Drogenberatung")
    expect(link).to_be_visible()

    link.click()
    expect(anna.get_by_role("heading", level=1)).to_have_text(EXISTING)
