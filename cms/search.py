"""The magazine's articles and the guides in the knowledge search.

Registered from ``CmsConfig.ready()``; their taxonomies are the practice library's, so they
share its facets.
"""

from django.utils.translation import gettext_lazy as _

from search import registry
from search.builders import PageBuilder, Relation

TAXONOMY = (
    Relation("topics", ("slug", "name"), facet="topic"),
    Relation("target_groups", ("slug", "name"), facet="target_group"),
    Relation("bundeslaender", ("code", "name"), facet="bundesland"),
)


def register() -> None:
    from .models import ArticlePage, GuidePage

    registry.register(
        PageBuilder(ArticlePage, "article", _("Article"), relations=TAXONOMY), position=20
    )
    registry.register(PageBuilder(GuidePage, "guide", _("Guide"), relations=TAXONOMY), position=30)
