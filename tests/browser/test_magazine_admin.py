"""Bonus: the editorial flow in the German Wagtail admin, as two editors do it in a browser."""

import re

from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD


def admin_login(browser, live_server, username):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return context, page


def test_editor_submits_and_second_editor_approves(browser, live_server, demo_site, page):
    from cms.models import ArticlePage, MagazineIssue

    issue = MagazineIssue.objects.get(issue_number=7)
    reader = page
    context, page = admin_login(browser, live_server, "redaktion")
    page.goto(f"/admin/pages/add/cms/articlepage/{issue.pk}/")
    page.locator("#id_title").fill("Neue Wege in die Arbeit")
    page.locator("#id_teaser").fill("Ein Jobcenter erprobt gemeinsam mit der Kommune neue Wege.")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages")).to_contain_text("zur redaktionellen Prüfung eingereicht")
    article = ArticlePage.objects.get(title="Neue Wege in die Arbeit")
    assert not article.live
    # The submitter is offered no approval.
    page.goto(f"/admin/pages/{article.pk}/edit/")
    expect(page.locator("[data-workflow-action-name='approve']")).to_have_count(0)
    context.close()

    context, page = admin_login(browser, live_server, "redaktion2")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Freigeben und Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("Neue Wege in die Arbeit")
    context.close()

    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None
    reader.goto("/magazin/ausgabe-07/")
    expect(reader.get_by_role("link", name="Neue Wege in die Arbeit")).to_be_visible()
    reader.goto("/magazin/feed/rss/")
    assert "Neue Wege in die Arbeit" in reader.content()
