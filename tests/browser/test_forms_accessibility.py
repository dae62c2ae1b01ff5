"""Accessible forms in a real browser: the error summary takes the focus and leads to the fields,
invalid inputs carry a visible error border, the forum preview is announced once, and the
"Lösung" box is valid markup (BITV 2.0 / WCAG 2.1 AA)."""

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from forum.models import Category
from tests.browser.conftest import assert_accessible
from tests.forum.helpers import create_topic

# --color-error of site.css, as the browser reports computed colours.
ERROR_COLOUR = "rgb(164, 22, 26)"


def border_colours(page, selector: str) -> set[str]:
    return set(
        page.eval_on_selector(
            selector,
            """element => {
                const style = getComputedStyle(element);
                return [style.borderTopColor, style.borderRightColor,
                        style.borderBottomColor, style.borderLeftColor];
            }""",
        )
    )


def test_error_summary_takes_the_focus_and_leads_to_the_field(page, demo_site):
    page.goto("/konto/anmelden/")
    page.get_by_role("button", name="Anmelden").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Bitte korrigieren Sie 2 Angaben")
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    username = page.get_by_label("Benutzername")
    expect(username).to_be_focused()
    expect(username).to_have_attribute("aria-invalid", "true")
    assert border_colours(page, "#id_username") == {ERROR_COLOUR}
    username.fill("anna.berger")
    assert border_colours(page, "#id_username") == {ERROR_COLOUR}


def test_invalid_inputs_of_every_kind_show_the_error_border(open_as, demo_site):
    member = open_as("anna.berger")
    member.goto("/praxisbeispiel-einreichen/")
    start = member.get_by_label("Beginn")
    expect(start).to_have_attribute("placeholder", "TT.MM.JJJJ")
    start.fill("31.02.2025")
    member.get_by_role("button", name="Zur Prüfung einreichen").click()

    expect(member.locator("[data-error-summary]")).to_be_focused()
    expect(member.locator("#id_start_date_error")).to_have_text(
        "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein."
    )
    # A text input, a textarea, a select and the date field; not grey (--color-muted).
    for selector in ("#id_title", "#id_teaser", "#id_status", "#id_start_date"):
        expect(member.locator(selector)).to_have_attribute("aria-invalid", "true")
        assert border_colours(member, selector) == {ERROR_COLOUR}, selector
    assert border_colours(member, "#id_contact_phone") != {ERROR_COLOUR}
    assert_accessible(member)


RECORD_STATUS = """() => {
    const status = document.querySelector("[data-forum-preview-status]");
    window.announced = [];
    new MutationObserver(() => {
        if (status.textContent.trim()) window.announced.push(status.textContent.trim());
    }).observe(status, {childList: true, characterData: true, subtree: true});
}"""


def test_forum_preview_is_announced_once_per_visit_to_the_editor(open_as, demo_site):
    member = open_as("anna.berger")
    member.goto("/forum/neues-thema/")
    preview = member.locator("[data-forum-preview]")
    expect(preview).not_to_have_attribute("aria-live", "polite")
    member.evaluate(RECORD_STATUS)
    body = member.get_by_label("Ihre Frage oder Ihr Beitrag")

    body.press_sequentially("Erster **Absatz**")
    expect(preview.locator("strong")).to_have_text("Absatz")
    body.press_sequentially(" und ein *zweiter* Gedanke")
    expect(preview.locator("em")).to_have_text("zweiter")
    member.wait_for_timeout(300)

    assert member.evaluate("window.announced") == ["Vorschau aktualisiert"]
    # Asking for the preview with the button is always answered.
    member.get_by_role("button", name="Vorschau", exact=True).click()
    # A function, not an expression string: the site's CSP forbids eval.
    member.wait_for_function("() => window.announced.length === 2")
    assert member.evaluate("window.announced") == ["Vorschau aktualisiert"] * 2


def test_topic_with_a_long_listed_solution_is_accessible(open_as, demo_site):
    category = Category.objects.get(name="Gesundheit und Sucht")
    users = get_user_model().objects
    asker, answerer = users.get(username="anna.berger"), users.get(username="jens.fischer")
    steps = "\n".join(f"{n}. Schritt {n} mit dem Träger gemeinsam planen" for n in range(1, 30))
    topic = create_topic(
        category, asker, title="Wie plant ihr die Übergabe?", replies=[(answerer, steps)]
    )
    topic.solution = topic.posts.get(number=2)
    topic.save(update_fields=["solution"])

    member = open_as("anna.berger")
    member.goto(topic.get_absolute_url())

    solution = member.get_by_role("region", name="Lösung")
    expect(solution).to_contain_text("Schritt 1 mit dem Träger")
    expect(solution).to_contain_text("…")
    assert_accessible(member, context=".solution-box")
    assert_accessible(member)
