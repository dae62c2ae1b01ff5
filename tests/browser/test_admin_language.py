"""What the admin's scripts draw speaks German too."""

from playwright.sync_api import expect


def test_the_date_pickers_apply_button_is_german(open_as, demo_site):
    from cms.models import ArticlePage

    article = ArticlePage.objects.live().first()
    page = open_as("redaktion", admin=True)

    page.goto(f"/admin/pages/{article.pk}/edit/")

    # The picker is built for each date field when the form loads, hidden until it is opened.
    buttons = page.locator(".xdsoft_datetimepicker .xdsoft_save_selected")
    expect(buttons.first).to_be_attached()
    assert set(buttons.all_text_contents()) == {"Auswahl übernehmen"}
    assert "Save Selected" not in page.content()
