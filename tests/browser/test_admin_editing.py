"""Editing a practice in the Wagtail admin by keyboard: the filterable Jobcenter list and the
notice on the Länder the Jobcenters decide, on the demo content."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import WATCH_EDITS, assert_accessible

PRACTICE = "suchtberatung-sprechstunde-dortmund"
REPLACED_BY_BOTH = (
    "Die Bundesländer werden aus den Jobcentern übernommen: Bayern, Nordrhein-Westfalen statt "
    "Nordrhein-Westfalen. Kreuzen Sie „überregional“ an, um sie selbst zu wählen."
)


def many_jobcenters() -> int:
    """As many Jobcenters as Germany has; among the demo's is one whose name has an umlaut,
    Jobcenter München."""
    from practices.models import Bundesland, Jobcenter

    lands = list(Bundesland.objects.all())
    Jobcenter.objects.bulk_create(
        [
            Jobcenter(
                name=f"Jobcenter Musterkreis {number:03d}",
                slug=f"jobcenter-musterkreis-{number:03d}",
                bundesland=lands[number % len(lands)],
            )
            for number in range(400)
        ]
    )
    return Jobcenter.objects.count()


def tab_to(page, element_id: str, *, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with the Tab key")


def test_editor_finds_ticks_and_saves_a_jobcenter_by_keyboard(live_server, demo_site, open_as):
    from practices.models import Jobcenter, PracticePage

    total = many_jobcenters()
    practice = PracticePage.objects.get(slug=PRACTICE)
    muenchen = Jobcenter.objects.get(slug="jobcenter-muenchen")
    page = open_as("redaktion", admin=True)
    page.add_init_script(WATCH_EDITS)
    page.goto(f"/admin/pages/{practice.pk}/edit/")
    # As an editor would, who reads the page first: a change before Wagtail watches the form
    # is never autosaved on its own.
    expect(page.locator("html[data-watching-edits]")).to_be_attached()

    jobcenters = page.locator("#id_jobcenters")
    options = jobcenters.locator("li")
    status = jobcenters.locator("[role=status]")
    notice = page.locator("#id_bundeslaender [data-derivation]")
    expect(status).to_have_text(f"Einträge: {total}, ausgewählt: 1")
    expect(notice).to_have_text("")

    # Keyboard only: from the teaser into the Jobcenter field, whose label names the filter box.
    page.locator("#id_teaser").focus()
    tab_to(page, "id_jobcenters-filter")
    expect(page.get_by_label("Jobcenter", exact=True)).to_be_focused()
    page.keyboard.type("muen")

    expect(options.filter(visible=True)).to_have_text(["Jobcenter Dortmund", "Jobcenter München"])
    expect(status).to_have_text(f"Treffer: 1 von {total}, ausgewählt: 1")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Jobcenter Dortmund")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Jobcenter München")).to_be_focused()
    with page.expect_response(
        lambda response: response.request.method == "POST" and "/edit/" in response.url
    ) as autosave:
        page.keyboard.press("Space")
    expect(page.get_by_label("Jobcenter München")).to_be_checked()
    expect(status).to_have_text(f"Treffer: 1 von {total}, ausgewählt: 2")
    # The Länder the editor sees are not those the Jobcenters decide: the editor is told so.
    expect(notice).to_have_text(REPLACED_BY_BOTH)
    assert notice.get_attribute("aria-live") == "polite"
    assert autosave.value.ok

    # After Wagtail's background save the list still filters.
    page.locator("#id_jobcenters-filter").fill("")
    expect(options.filter(visible=True)).to_have_count(total)
    page.locator("#id_jobcenters-filter").fill("dort")
    expect(options.filter(visible=True)).to_have_text(["Jobcenter Dortmund", "Jobcenter München"])
    assert_accessible(page, context="#id_jobcenters")
    assert_accessible(page, context="#id_bundeslaender")

    page.get_by_role("button", name="Entwurf speichern").click()

    expect(page.locator(".messages")).to_contain_text(REPLACED_BY_BOTH)
    draft = PracticePage.objects.get(pk=practice.pk).get_latest_revision_as_object()
    assert {jobcenter.slug for jobcenter in draft.jobcenters.all()} == {
        "jobcenter-dortmund",
        muenchen.slug,
    }


def test_notice_follows_the_jobcenters_and_the_supra_regional_switch(
    live_server, demo_site, open_as
):
    from practices.models import PracticePage

    practice = PracticePage.objects.get(slug=PRACTICE)
    page = open_as("redaktion", admin=True)
    page.goto(f"/admin/pages/{practice.pk}/edit/")
    notice = page.locator("#id_bundeslaender [data-derivation]")

    page.get_by_label("Jobcenter Stadt Kassel").check()
    page.get_by_label("Jobcenter Dortmund").uncheck()
    expect(notice).to_have_text(re.compile(r"übernommen: Hessen statt Nordrhein-Westfalen\."))
    page.get_by_label("überregional").check()
    expect(notice).to_have_text("")
    page.get_by_label("überregional").uncheck()
    page.get_by_label("Hessen").check()
    page.get_by_label("Nordrhein-Westfalen").uncheck()
    expect(notice).to_have_text("")


def test_a_widget_put_in_afresh_connects_itself(live_server, demo_site, open_as):
    """Wagtail swaps parts of the editor in place (after autosaves, in new inline rows); a widget
    that arrives that way must filter like the one that came with the page."""
    from practices.models import PracticePage

    practice = PracticePage.objects.get(slug=PRACTICE)
    page = open_as("redaktion", admin=True)
    page.goto(f"/admin/pages/{practice.pk}/edit/")
    expect(page.locator("#id_topics [data-filter]")).to_be_visible()

    page.evaluate(
        """() => {
            const old = document.getElementById("id_topics");
            const template = document.createElement("template");
            template.innerHTML = old.outerHTML;
            const fresh = template.content.firstElementChild;
            fresh.querySelectorAll("li").forEach((item) => { item.hidden = false; });
            old.replaceWith(fresh);
        }"""
    )
    page.locator("#id_topics-filter").fill("mobilitaet")

    topics = page.locator("#id_topics")
    expect(topics.get_by_label("Mobilität")).to_be_visible()
    expect(topics.get_by_label("Wohnen")).to_be_hidden()
    # The practice's own fields of action stay in view while the filter does not match them.
    expect(topics.get_by_label("Sucht")).to_be_checked()
    expect(topics.get_by_label("Sucht")).to_be_visible()
    expect(topics.locator("[role=status]")).to_have_text("Treffer: 1 von 11, ausgewählt: 3")
