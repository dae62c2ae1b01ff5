"""RSS and Atom feeds of the magazine's articles; always what an anonymous reader may see."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .magazine import article_base_queryset
from .models import MagazineIndexPage
from .site_url import absolute_url

FEED_LENGTH = 30


class ArticleRssFeed(Feed):
    url_name = "magazine_feed_rss"
    title = _("Magazine “chancen” – Wissensbörse Netzwerke ABC")
    description = _("Success stories from the work of the Netzwerke ABC.")

    def link(self):
        # Absolute on the public address: the feed framework would use the requesting host.
        index = MagazineIndexPage.objects.live().public().first()
        return absolute_url(index.get_url() if index else "/")

    def feed_url(self):
        return absolute_url(reverse(self.url_name))

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
        return absolute_url(item.get_url())

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.authors or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ArticleAtomFeed(ArticleRssFeed):
    url_name = "magazine_feed_atom"
    feed_type = Atom1Feed
    subtitle = ArticleRssFeed.description
