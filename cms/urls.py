from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import feeds, views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("konto/", include("cms.accounts.urls")),
    path("suche/", include("search.urls")),
    path("api/v1/", include("search.api_urls")),
    path("forum/", include("forum.urls")),
    path("", include("practices.urls")),
    path("magazin/feed/rss/", feeds.ArticleRssFeed(), name="magazine_feed_rss"),
    path("magazin/feed/atom/", feeds.ArticleAtomFeed(), name="magazine_feed_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
