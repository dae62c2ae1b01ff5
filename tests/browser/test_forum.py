"""The forum in a real browser: two colleagues ask, answer, quote, vote and mark the solution."""

import re

from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD
from forum.models import Post, Topic
from tests.browser.conftest import assert_accessible
from tests.factories import start_ids_at

REGIONAL_TOPIC = "Sozialer Arbeitsmarkt in NRW: Wer begleitet die Arbeitgeber nach § 16i?"
QUESTION = "Wer hat Erfahrung mit Gesundheitskursen der Krankenkassen?"


def test_anonymous_visitor_is_sent_to_login(page, demo_site):
    page.goto("/forum/neueste/")

    expect(page).to_have_url(re.compile(r"/konto/anmelden/\?next=/forum/neueste/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden")


def test_question_answer_quote_helpful_and_solution(open_as, demo_site):
    # Ids as on a forum in use for a while: they must reach links unformatted ("12170").
    start_ids_at(Topic, 4_000)
    start_ids_at(Post, 12_169)
    # Anna asks a question in a category.
    anna = open_as("anna.berger")
    expect(anna.get_by_role("heading", level=1)).to_have_text("Forum")
    assert_accessible(anna)
    anna.get_by_role("link", name="Gesundheit und Sucht").first.click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Gesundheit und Sucht")
    assert_accessible(anna)
    anna.get_by_role("link", name="Neues Thema").click()
    expect(anna.get_by_label("Kategorie")).to_have_value(re.compile(r"\d+"))
    anna.get_by_label("Titel").fill(QUESTION)
    anna.get_by_label("Gesundheit", exact=True).check()
    anna.get_by_label("Ihre Frage oder Ihr Beitrag").fill(
        "Wir planen mit der AOK einen Kurs zur **Stressbewältigung**.\n\n"
        "- Wer macht mit?\n- Wie erreicht ihr die Teilnehmenden?"
    )
    # The live preview renders on the server and appears without leaving the page.
    preview = anna.locator("[data-forum-preview]")
    expect(preview.locator("strong")).to_have_text("Stressbewältigung")
    # Not a live region: "Vorschau aktualisiert" is said once (test_forms_accessibility.py).
    expect(preview).not_to_have_attribute("aria-live", "polite")
    assert_accessible(anna)
    anna.get_by_role("button", name="Thema veröffentlichen").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text(QUESTION)
    expect(anna.get_by_text("Ihr Thema ist veröffentlicht.")).to_be_visible()
    assert_accessible(anna)

    # Jens finds it as unread, quotes the question and answers.
    jens = open_as("jens.fischer")
    jens.get_by_role("link", name="Neueste Themen", exact=True).first.click()
    row = jens.locator(".topic-row", has_text=QUESTION)
    expect(row.get_by_text("Ungelesen")).to_be_visible()
    assert_accessible(jens)
    row.get_by_role("link", name=QUESTION).click()
    question = jens.locator("#beitrag-1")
    question.get_by_role("link", name="Zitieren").click()
    # The quote opens the reply page; wait for it so the topic page's own form isn't matched.
    expect(jens).to_have_url(re.compile(r"zitat=\d+$"))
    body = jens.get_by_label("Ihr Beitrag")
    expect(body).to_have_value(re.compile(r"^> \*\*Anna Berger\*\* schrieb:\n> Wir planen"))
    body.press("End")
    body.press("Control+End")
    body.type(
        "Wir arbeiten seit 2023 mit der IKK zusammen. Die Kurse finden direkt im Jobcenter statt."
    )
    jens.get_by_role("button", name="Vorschau").click()
    expect(jens.locator("[data-forum-preview] blockquote")).to_contain_text("Anna Berger schrieb:")
    assert_accessible(jens)
    jens.get_by_role("button", name="Antwort veröffentlichen").click()
    expect(jens).to_have_url(re.compile(r"#beitrag-2$"))
    answer = jens.locator("#beitrag-2")
    expect(answer.locator("blockquote")).to_contain_text("Anna Berger schrieb:")
    expect(answer.get_by_role("button", name="Hilfreich")).to_have_count(0)
    jens.locator("#beitrag-1").get_by_role("button", name="Hilfreich").click()
    expect(jens.locator("#beitrag-1").get_by_role("button", name="Hilfreich")).to_have_attribute(
        "aria-pressed", "true"
    )

    # Anna comes back to the first unread post, finds it helpful and marks it as the solution.
    anna.goto("/forum/neueste/")
    anna.locator(".topic-row", has_text=QUESTION).get_by_role("link", name=QUESTION).click()
    expect(anna).to_have_url(re.compile(r"\?seite=1#beitrag-2$"))
    answer = anna.locator("#beitrag-2")
    expect(answer.get_by_text("Neu", exact=True)).to_be_visible()
    answer.get_by_role("button", name="Hilfreich").click()
    expect(anna.locator("#beitrag-2").get_by_text("1 Mitglied fand das hilfreich")).to_be_visible()
    anna.locator("#beitrag-2").get_by_role("button", name="Als Lösung markieren").click()
    expect(anna.get_by_text("Diese Antwort ist jetzt als Lösung markiert.")).to_be_visible()
    solution = anna.get_by_role("region", name="Lösung")
    expect(solution).to_contain_text("Antwort von Jens Fischer, als Lösung markiert")
    expect(solution).to_contain_text("IKK")
    assert_accessible(anna)

    # The list shows the topic as solved.
    anna.get_by_role("link", name="Gesundheit und Sucht").first.click()
    expect(anna.locator(".topic-row", has_text=QUESTION).get_by_text("Gelöst")).to_be_visible()
    anna.get_by_role("link", name="Mein Forumsprofil").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Anna Berger")
    expect(anna.get_by_text("Jobcenter EN", exact=True)).to_be_visible()
    assert_accessible(anna)


def test_member_outside_the_regional_group_never_sees_its_category(open_as, demo_site):
    anna = open_as("anna.berger")
    anna.get_by_role("link", name="Regionalgruppe Nordrhein-Westfalen").first.click()
    category_url = anna.url
    anna.get_by_role("link", name=REGIONAL_TOPIC).click()
    topic_url = anna.url

    maria = open_as("maria.schulz")
    expect(maria.get_by_role("heading", name="Kategorien")).to_be_visible()
    expect(maria.get_by_text("Regionalgruppe Nordrhein-Westfalen")).to_have_count(0)
    maria.get_by_role("link", name="Neueste Themen", exact=True).first.click()
    expect(maria.get_by_text("Sozialer Arbeitsmarkt in NRW")).to_have_count(0)
    expect(
        maria.get_by_text("Wie bindet ihr die Suchtberatung in die Fallarbeit ein?")
    ).to_be_visible()
    for url in (category_url, topic_url):
        response = maria.goto(url)
        assert response.status in (403, 404)
        expect(maria.get_by_text("Sozialer Arbeitsmarkt in NRW")).to_have_count(0)
    maria.goto("/forum/mitglieder/jens.fischer/")
    expect(maria.get_by_text("Sozialer Arbeitsmarkt in NRW")).to_have_count(0)
    assert_accessible(maria)


def test_preview_without_javascript(browser, live_server, demo_site):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/konto/anmelden/?next=/forum/neues-thema/")
    page.get_by_label("Benutzername").fill("maria.schulz")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_label("Kategorie").select_option(label="Netzwerkarbeit")
    page.get_by_label("Titel").fill("Netzwerktreffen digital?")
    page.get_by_label("Ihre Frage oder Ihr Beitrag").fill("1. Erster Punkt\n2. Zweiter Punkt")

    page.get_by_role("button", name="Vorschau").click()

    expect(page.locator("[data-forum-preview] ol li")).to_have_count(2)
    expect(page.get_by_label("Titel")).to_have_value("Netzwerktreffen digital?")
    context.close()
