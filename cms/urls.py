import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import feeds, files, views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("konto/suchauftraege/", include("alerts.urls")),
    path("konto/", include("cms.accounts.urls")),
    path("suche/", include("search.urls")),
    path("api/v1/", include("search.api_urls")),
    path("forum/", include("forum.urls")),
    path("veranstaltungen/", include("events.urls")),
    path("", include("regions.urls")),
    path("traeger/", include("offers.urls_providers")),
    path("", include("practices.urls")),
    path("magazin/feed/rss/", feeds.ArticleRssFeed(), name="magazine_feed_rss"),
    path("magazin/feed/atom/", feeds.ArticleAtomFeed(), name="magazine_feed_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Uploaded files, in every environment, only after the access check (cms.files).
urlpatterns += [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
        files.media_serve,
        name="media_serve",
    )
]

urlpatterns += [path("", include(wagtail_urls))]
