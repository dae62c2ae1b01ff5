"""Rows of the search log and Top-Treffer pins, as the site writes them."""

from datetime import timedelta

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.log import search_log_record
from search.models import SearchLogEntry


def create_log_entry(
    query: str,
    *,
    results: int = 1,
    word_results: int | None = None,
    member: bool = False,
    clicked_rank: int | None = None,
    days_ago: float = 0,
) -> SearchLogEntry:
    entry = search_log_record(
        query=query, results=results, word_results=word_results, member=member
    )
    # ``created_at`` is set on insert (auto_now_add): an older entry is backdated afterwards.
    SearchLogEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago), clicked_rank=clicked_rank
    )
    entry.refresh_from_db()
    return entry


def create_promotion(
    query: str, page, *, description: str = "", sort_order: int = 0
) -> SearchPromotion:
    """Pin ``page`` to ``query``, as an editor does under "Promoted search results"."""
    return SearchPromotion.objects.create(
        query=Query.get(query), page=page, description=description, sort_order=sort_order
    )
