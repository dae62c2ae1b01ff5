"""Reads of the magazine “chancen”; each owns its joins so pages keep a constant query count."""

import math
import re
from html import unescape

from django.db.models import Count, Prefetch, Q, QuerySet
from wagtail.images import get_image_model

from cms.access import visible_pages
from practices.selectors import (
    MEANING_CANDIDATES,
    SIMILAR_CANDIDATES_PER_SHOWN,
    page_ids_near_in_meaning,
    practices_related,
)

from .ranking import rrf

WORDS_PER_MINUTE = 200
RELATED_LIMIT = 3
_TAG = re.compile(r"<[^>]+>")


def _images_with_renditions():
    return get_image_model().objects.prefetch_renditions()


def issue_list(*, index_page, user) -> list:
    """The live issues under ``index_page`` the user may see, newest first, with their covers."""
    from .models import MagazineIssue

    queryset = (
        MagazineIssue.objects.live()
        .child_of(index_page)
        .prefetch_related(Prefetch("cover_image", queryset=_images_with_renditions()))
        .order_by("-publication_date", "-issue_number")
    )
    return list(visible_pages(queryset, user))


def article_base_queryset(*, user) -> QuerySet:
    """Live articles the user may see, with what an article card shows."""
    from .models import ArticlePage

    queryset = ArticlePage.objects.live().prefetch_related(
        Prefetch("lead_image", queryset=_images_with_renditions()), "topics"
    )
    return visible_pages(queryset, user)


def issue_articles(*, issue, user) -> list:
    """The issue's articles in the order the editors arranged them in the page tree."""
    return list(article_base_queryset(user=user).child_of(issue).order_by("path"))


def _text_of(value) -> list[str]:
    """All human-readable strings in a block's raw value (without touching the database)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() if key != "tone" for text in _text_of(item)]
    if isinstance(value, list):
        return [text for item in value for text in _text_of(item)]
    return []


def reading_minutes(teaser: str, body) -> int:
    """Reading time in whole minutes; works on the raw stream so a listing costs no queries."""
    texts = [teaser]
    for item in body.raw_data:
        if item["type"] in {"image", "gallery", "practices", "download"}:
            continue
        texts.extend(_text_of(item["value"]))
    words = len(unescape(_TAG.sub(" ", " ".join(texts))).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def embedded_practice_ids(items) -> list[int]:
    """Ids of the practices embedded in a raw stream (articles, or guide chapters)."""
    ids: list[int] = []
    for item in items:
        if item.get("type") == "practices":
            for pk in item["value"].get("practices", []):
                # A ListBlock stores its items either as plain ids or as {"type", "value", "id"}.
                pk = pk.get("value") if isinstance(pk, dict) else pk
                if isinstance(pk, int):
                    ids.append(pk)
        elif item.get("type") == "chapter":
            ids.extend(embedded_practice_ids(item["value"].get("body", [])))
    return ids


def _shared_terms(topic_ids: list[int], group_ids: list[int]):
    """How many of the given fields of action and target groups a page shares.

    An empty id list is left out: an aggregate filtered on ``__in=[]`` would void the sum.
    """
    counts = []
    if topic_ids:
        counts.append(Count("topics", filter=Q(topics__in=topic_ids), distinct=True))
    if group_ids:
        counts.append(Count("target_groups", filter=Q(target_groups__in=group_ids), distinct=True))
    return sum(counts[1:], counts[0])


def related_practices(*, page, user, exclude_ids=(), limit: int = RELATED_LIMIT) -> list:
    """Practices closest to ``page`` in meaning and in fields of action and target groups."""
    return practices_related(
        page=page,
        topic_ids=[topic.pk for topic in page.topics.all()],
        group_ids=[group.pk for group in page.target_groups.all()],
        user=user,
        exclude_ids=exclude_ids,
        limit=limit,
    )


def related_articles(*, article, user, limit: int = RELATED_LIMIT) -> list:
    """Articles closest to ``article`` in meaning and in shared terms, fused by rank like
    ``practices_related``; the shared terms alone while no vector is at hand."""
    topic_ids = [topic.pk for topic in article.topics.all()]
    group_ids = [group.pk for group in article.target_groups.all()]
    by_meaning = page_ids_near_in_meaning(
        page=article, user=user, doc_type="article", limit=MEANING_CANDIDATES
    )
    if not topic_ids and not group_ids and not by_meaning:
        return []
    candidates = article_base_queryset(user=user).exclude(pk=article.pk)
    sharing = (
        candidates.annotate(shared=_shared_terms(topic_ids, group_ids))
        .filter(shared__gt=0)
        .order_by("-shared", "-first_published_at", "pk")
        if topic_ids or group_ids
        else candidates.none()
    )
    if not by_meaning:
        return list(sharing[:limit])
    ranked = list(sharing.values_list("pk", flat=True)[: limit * SIMILAR_CANDIDATES_PER_SHOWN])
    # The index's audience tokens already filtered the neighbours; the page rules decide.
    visible = set(candidates.filter(pk__in=by_meaning).values_list("pk", flat=True))
    chosen = rrf([[pk for pk in by_meaning if pk in visible], ranked])[:limit]
    articles = candidates.in_bulk(chosen)
    return [articles[pk] for pk in chosen if pk in articles]


def article_context(*, article, user) -> dict:
    from .models import ArticlePage

    issue = article.get_parent().specific
    siblings = list(
        visible_pages(ArticlePage.objects.live().child_of(issue), user)
        .order_by("path")
        .only("pk", "title", "url_path", "path", "depth")
    )
    position = next((i for i, page in enumerate(siblings) if page.pk == article.pk), None)
    previous_article = next_article = None
    if position is not None:
        previous_article = siblings[position - 1] if position > 0 else None
        next_article = siblings[position + 1] if position + 1 < len(siblings) else None
    embedded = embedded_practice_ids(article.body.raw_data)
    return {
        "issue": issue,
        "previous_article": previous_article,
        "next_article": next_article,
        "related_articles": related_articles(article=article, user=user),
        "related_practices": related_practices(page=article, user=user, exclude_ids=embedded),
    }
