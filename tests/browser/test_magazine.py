"""The magazine and the guides in a real browser: reading paths, keyboard use, WCAG 2.1 AA."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_magazine_index_to_issue_to_article(page, demo_site):
    page.goto("/magazin/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Magazin „chancen“")
    cover = page.get_by_role("img", name=re.compile("Titelbild der Ausgabe 07"))
    expect(cover).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Ausgabe 07").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ausgabe 07 — Zeit | LOS!")
    expect(page.get_by_role("heading", name="Artikel in dieser Ausgabe")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("^Joboffensive Gelsenkirchen")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Joboffensive Gelsenkirchen")
    expect(page.get_by_text("Die Joboffensive auf einen Blick")).to_be_visible()
    expect(page.locator(".practice-card").first).to_be_visible()
    # The browser picked one of the responsive renditions, in WebP.
    lead = page.locator(".article__lead-image img")
    expect(lead).to_have_attribute("alt", re.compile("Joboffensive"))
    assert lead.evaluate("img => img.currentSrc").endswith(".webp")
    assert_accessible(page)

    pager = page.get_by_role("navigation", name="Weitere Artikel dieser Ausgabe")
    pager.get_by_role("link", name=re.compile("Nächster Artikel")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ennepe-Ruhr")
    assert_accessible(page)


def test_guide_table_of_contents_by_keyboard(page, demo_site):
    page.goto("/handlungshilfen/")
    assert_accessible(page)
    page.get_by_label("Handlungsfeld", exact=True).select_option(label="Netzwerkarbeit")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"handlungsfeld=netzwerkarbeit"))
    page.get_by_role("link", name="Netzwerkarbeit im Jobcenter aufbauen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Netzwerkarbeit im Jobcenter aufbauen"
    )
    assert_accessible(page)

    toc = page.get_by_role("navigation", name="Inhalt")
    link = toc.get_by_role("link", name="Partner gewinnen")
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#partner-gewinnen$"))
    expect(page.locator("#partner-gewinnen")).to_be_in_viewport()
    pdf_link = page.get_by_role("link", name="Als PDF herunterladen")
    expect(pdf_link).to_have_attribute(
        "href", re.compile(r"/handlungshilfen/netzwerkarbeit-im-jobcenter-aufbauen/pdf/$")
    )
    # Made when the demo published the guide, so the page knows its size.
    expect(page.locator(".guide__pdf .download__meta")).to_have_text(
        re.compile(r"^\(PDF, [\d,]+\sKB\)$")
    )
    download = page.request.get(pdf_link.get_attribute("href"))
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")


def test_unknown_field_of_action_is_explained_accessibly(page, demo_site):
    page.goto("/handlungshilfen/?handlungsfeld=gibt-es-nicht")
    expect(page.get_by_text("ist kein bekanntes Handlungsfeld")).to_be_visible()
    expect(page.get_by_role("link", name="Netzwerkarbeit im Jobcenter aufbauen")).to_be_visible()
    assert_accessible(page)
