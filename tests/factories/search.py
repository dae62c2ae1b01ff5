"""Rows of the search log and Top-Treffer pins, as the site writes them; the site's
Elasticsearch index brought up to its database index."""

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


def elasticsearch_documents() -> int | None:
    """How many documents the site's Elasticsearch index holds (None: no index to ask)."""
    from search.backends.elasticsearch import UNAVAILABLE, client
    from search.documents import alias_name

    try:
        return client().count(index=alias_name())["count"]
    except UNAVAILABLE:
        return None


def elasticsearch_pushed_again() -> None:
    """Every document of the database index pushed to Elasticsearch again, as new outbox rows:
    newer than whatever an earlier test left there (a delete or an added vector counts a
    document's version up), with the vectors stored in the database."""
    from search.indexing import outbox_push
    from search.models import IndexOutbox, SearchDocument

    IndexOutbox.objects.all().delete()
    IndexOutbox.objects.bulk_create(
        IndexOutbox(model=model, object_id=object_id, database_done=True)
        for model, object_id in SearchDocument.objects.order_by("pk").values_list(
            "model", "object_id"
        )
    )
    result = outbox_push()
    assert (result.error, result.pending) == ("", 0), result.error
