import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_member_sees_new_practices_of_her_region_at_any_width(open_as, demo_site):
    page = open_as("anna.berger")
    page.goto("/")

    region = page.get_by_role("region", name="Neu in Ihrer Region")
    expect(region.get_by_role("heading", level=2)).to_contain_text("Nordrhein-Westfalen")
    practices = region.get_by_role("listitem")
    expect(practices.first).to_be_visible()
    assert practices.count() >= 1
    expect(
        region.get_by_role("link", name="Alle Praxisbeispiele aus Nordrhein-Westfalen")
    ).to_be_visible()
    expect(page.get_by_role("region", name="Aktive Diskussionen")).to_be_visible()

    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"horizontal scroll of {overflow}px at {width}px"
        assert_accessible(page)

    region.get_by_role("link", name="Alle Praxisbeispiele aus Nordrhein-Westfalen").click()
    expect(page).to_have_url(re.compile(r"/praxisbeispiele/\?bundesland=NW$"))
