"""The forum community in a real browser: a mention with the bell and an e-mail, a report that a
moderator decides in the Wagtail admin (and the moderation log shows it), and the
data-protection warning."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

TOPIC = "Übergang ALG I → Bürgergeld: Wer informiert die Kund:innen wann?"


@pytest.fixture
def mailbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail.outbox


def bell_count(page) -> int:
    count = page.locator("[data-notification-count]")
    if count.count() == 0:
        return 0
    return int(re.match(r"\d+", count.inner_text()).group(0))


def test_mention_bell_and_email(open_as, demo_site, mailbox, page):
    jens = open_as("jens.fischer")
    before = bell_count(jens)
    assert_accessible(jens)

    # Anna answers Maria's question and mentions Jens through the autocomplete.
    anna = open_as("anna.berger")
    anna.get_by_role("link", name="Neueste Themen", exact=True).first.click()
    anna.get_by_role("link", name=TOPIC).click()
    body = anna.get_by_label("Ihr Beitrag")
    body.click()
    body.type("Das deckt sich mit unseren Erfahrungen. @jen")
    expect(body).to_have_attribute("role", "combobox")
    expect(body).to_have_attribute("aria-expanded", "true")
    options = anna.get_by_role("listbox").get_by_role("option")
    expect(options.first).to_contain_text("Jens Fischer")
    expect(body).to_have_attribute("aria-activedescendant", re.compile(r"mention-list-\d+-0"))
    assert_accessible(anna)
    body.press("Enter")
    expect(body).to_have_attribute("aria-expanded", "false")
    expect(body).to_have_value(re.compile(r"@jens\.fischer $"))
    body.type("kannst du die Checkliste teilen?")
    anna.get_by_role("button", name="Antwort veröffentlichen").click()
    expect(anna.get_by_text("Ihre Antwort ist veröffentlicht.")).to_be_visible()
    mention = anna.locator("article.post").last.get_by_role("link", name="@jens.fischer")
    expect(mention).to_have_attribute("href", "/forum/mitglieder/jens.fischer/")

    # Jens sees the bell count rise and finds the mention in his notifications.
    jens.reload()
    expect(jens.locator("[data-notification-count]")).to_contain_text(str(before + 1))
    jens.locator("[data-notification-bell]").click()
    expect(jens.get_by_role("heading", level=1)).to_have_text("Benachrichtigungen")
    assert_accessible(jens)
    jens.get_by_role("link", name=re.compile(r"Anna Berger hat Sie in „Übergang")).click()
    expect(jens).to_have_url(re.compile(r"#beitrag-3$"))
    assert bell_count(jens) == before

    # … and an e-mail, in German, with a working way to unsubscribe.
    to_jens = [
        message for message in mailbox if message.to == ["jens.fischer@iag-gelsenkirchen.example"]
    ]
    assert len(to_jens) == 1
    assert to_jens[0].subject.startswith("[Wissensbörse] Anna Berger hat Sie in „Übergang")
    link = re.search(r"https?://\S+/forum/abmelden/\S+/", to_jens[0].body).group(0)

    # The unsubscribe link works without logging in (a fresh browser, nobody logged in).
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mails aus dem Forum abbestellen?")
    assert_accessible(page)
    page.get_by_role("button", name="E-Mails aus dem Forum abbestellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mails aus dem Forum abbestellt")
    assert_accessible(page)

    # His e-mail settings and watched topics are one click away.
    jens.goto("/forum/benachrichtigungen/einstellungen/")
    expect(jens.get_by_label("Nie")).to_be_checked()
    jens.get_by_label("Einmal am Tag als Zusammenfassung").check()
    jens.get_by_role("button", name="Einstellungen speichern").click()
    expect(
        jens.get_by_text("Ihre Benachrichtigungseinstellungen sind gespeichert.")
    ).to_be_visible()
    assert_accessible(jens)
    jens.get_by_role("link", name="Beobachtet", exact=True).click()
    expect(jens.get_by_role("link", name=TOPIC)).to_be_visible()
    assert_accessible(jens)


def test_report_hide_in_the_admin_and_the_log(open_as, demo_site, mailbox):
    # Maria reports Jens' reply in her topic.
    maria = open_as("maria.schulz")
    maria.get_by_role("link", name="Neueste Themen", exact=True).first.click()
    maria.get_by_role("link", name=TOPIC).click()
    maria.locator("#beitrag-2").get_by_role("link", name="Melden Beitrag 2").click()
    expect(maria.get_by_role("heading", level=1)).to_have_text("Beitrag #2 melden")
    assert_accessible(maria)
    maria.get_by_label("Werbung oder Spam").check()
    maria.get_by_label("Hinweis für die Moderation").fill("Bitte prüfen.")
    maria.get_by_role("button", name="Meldung senden").click()
    expect(maria.get_by_text("Danke. Die Moderation ist informiert")).to_be_visible()
    expect(
        maria.locator("#beitrag-2").get_by_text("Sie haben diesen Beitrag gemeldet.")
    ).to_be_visible()
    assert_accessible(maria)

    # The moderator finds it in the queue in the Wagtail admin and hides it.
    moderator = open_as("moderation", admin=True)
    expect(moderator.get_by_role("button", name="Forum-Moderation")).to_be_visible()
    moderator.goto("/admin/forum-moderation/")
    expect(moderator.get_by_role("heading", level=1)).to_contain_text("Gemeldete Beiträge")
    expect(moderator.locator("table.listing")).to_contain_text("Werbung oder Spam")
    moderator.get_by_role("link", name=re.compile(r"Übergang ALG I")).click()
    expect(moderator.get_by_text("Bitte prüfen.")).to_be_visible()
    moderator.locator("#id_reason").fill("Kein Beitrag zum Thema")
    moderator.get_by_role("button", name="Beitrag ausblenden").click()
    expect(moderator.locator(".messages")).to_contain_text("Der Beitrag ist ausgeblendet.")

    # The moderation log shows who did what, when and why.
    moderator.goto("/admin/forum-moderation/protokoll/")
    row = moderator.locator("table[data-moderation-log] tbody tr").first
    expect(row).to_contain_text("Beitrag ausgeblendet")
    expect(row).to_contain_text("Moderation Forum")
    expect(row).to_contain_text("Kein Beitrag zum Thema")

    # Members no longer see the text.
    maria.reload()
    expect(maria.locator("#beitrag-2")).to_contain_text("ausgeblendet")
    expect(maria.locator("#beitrag-2")).not_to_contain_text("Checkliste kann ich gern teilen")
    assert_accessible(maria)


def test_bg_number_shows_the_data_protection_warning(open_as, demo_site):
    maria = open_as("maria.schulz")
    maria.get_by_role("link", name="Neueste Themen", exact=True).first.click()
    maria.get_by_role("link", name=TOPIC).click()
    maria.get_by_label("Ihr Beitrag").fill(
        "Konkretes Beispiel: Die BG 12345BG0012345 hat den Antrag zu spät gestellt."
    )
    maria.get_by_role("button", name="Antwort veröffentlichen").click()

    warning = maria.get_by_role("alert").filter(has_text="Mögliche personenbezogene Daten")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("Nummer einer Bedarfsgemeinschaft (BG-Nummer)")
    expect(warning).to_contain_text("12345BG0012345")
    assert_accessible(maria)

    # She removes the number and publishes.
    maria.get_by_label("Ihr Beitrag").fill(
        "Konkretes Beispiel: Eine Bedarfsgemeinschaft hat den Antrag zu spät gestellt."
    )
    maria.get_by_role("button", name="Antwort veröffentlichen").click()
    expect(maria.get_by_text("Ihre Antwort ist veröffentlicht.")).to_be_visible()
    expect(maria.get_by_text("Eine Bedarfsgemeinschaft hat den Antrag")).to_be_visible()
