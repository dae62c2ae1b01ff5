from . import urls_boards, urls_pages

app_name = "events"

# Mounted at /veranstaltungen/ before Wagtail's pages, which serve the events themselves.
urlpatterns = [*urls_pages.urlpatterns, *urls_boards.urlpatterns]
