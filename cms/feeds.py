"""RSS and Atom feeds of the magazine's articles; always what an anonymous reader may see."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .magazine import article_base_queryset
from .models import MagazineIndexPage

FEED_LENGTH = 30


class ArticleRssFeed(Feed):
    title = _("Magazine “chancen” – Wissensbörse Netzwerke ABC")
    description = _("Success stories from the work of the Netzwerke ABC.")

    def link(self):
        # Relative URLs are fine: the feed framework makes them absolute for the requesting host.
        index = MagazineIndexPage.objects.live().public().first()
        return index.get_url() if index else "/"

    def items(self):
        # Always the anonymous view: a logged-in editor must not get staff-only items into a feed
        # that readers share and cache.
        return list(
            article_base_queryset(user=AnonymousUser())
            .public()
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.authors or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed
    subtitle = ArticleRssFeed.description
