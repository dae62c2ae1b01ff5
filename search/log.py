"""The search log: which words people search for, how many hits they got, where they clicked.

Kept for the Redaktion's report (``admin_views.py``) and nothing else, so it holds no identity:
no user, no session, no address, no browser; only whether the searcher was signed in (their
results differ). Entries are deleted after ``SEARCH_LOG_RETENTION_DAYS``
(``search_log_purge``, daily through ``cms.schedule``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from .models import SearchLogEntry

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# Ranks beyond any page a visitor can reach (``query.MAX_PAGE`` pages of ten) are forged.
MAX_RANK = 10_000
CLICK_SALT = "search.log.click"
# A click comes seconds or minutes after the search; an older token is someone replaying it.
CLICK_MAX_AGE = timedelta(hours=1)
REPORT_PERIODS = (7, 30, 90)
REPORT_ROWS = 50
# Crawlers that follow search links would fill the report with their own "queries".
BOT_USER_AGENT = re.compile(r"bot|crawl|spider|slurp", re.IGNORECASE)


def normalise_query(query: str) -> str:
    """The form queries are counted in: "Sucht  Beratung" and "sucht beratung" are one."""
    return " ".join(str(query).split()).lower()[:MAX_QUERY_LENGTH].strip()


def search_log_record(
    *, query: str, results: int, member: bool, word_results: int | None = None
) -> SearchLogEntry:
    entry = SearchLogEntry(
        query=normalise_query(query),
        results=max(results, 0),
        word_results=None if word_results is None else max(word_results, 0),
        member=member,
    )
    # No click yet: the column is empty on purpose (its form field would call that missing).
    entry.full_clean(exclude=["clicked_rank"])
    entry.save()
    return entry


def search_log_click(*, entry_id: int, rank: int) -> bool:
    """Note the rank of the first result clicked after search ``entry_id``; later clicks of the
    same search (back, then another result) keep the first. True if this click was the first."""
    return bool(
        SearchLogEntry.objects.filter(pk=entry_id, clicked_rank__isnull=True).update(
            clicked_rank=rank
        )
    )


def search_log_purge(*, now: datetime | None = None) -> int:
    """Delete the entries older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SEARCH_LOG_RETENTION_DAYS)
    deleted, _by_model = SearchLogEntry.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def search_log_request(*, request, result) -> str:
    """Log the search ``request`` answered with ``result`` (a ``SearchPage``) and return the
    token its page hands to the click beacon; "" when nothing was logged.

    Only the first page of a query counts (paging on is the same search), and never a bot.
    Logging must not cost anyone their results: a failure is logged and swallowed.
    """
    query = normalise_query(result.params.q)
    if not query or result.params.page != 1:
        return ""
    if BOT_USER_AGENT.search(request.headers.get("User-Agent", "")):
        return ""
    try:
        # A savepoint: a failed insert must not break a transaction the request may be in.
        with transaction.atomic():
            entry = search_log_record(
                query=query,
                results=result.total,
                word_results=result.word_total,
                member=bool(request.user.is_authenticated),
            )
    except Exception:
        logger.exception("Writing the search log failed; the search is answered anyway.")
        return ""
    return click_token(entry.pk)


def click_token(entry_id: int) -> str:
    return signing.dumps(entry_id, salt=CLICK_SALT)


def click_entry_id(token: str) -> int:
    """The log entry a click token names; ``signing.BadSignature`` for a forged, altered or
    expired token (``SignatureExpired`` is one)."""
    value = signing.loads(token, salt=CLICK_SALT, max_age=CLICK_MAX_AGE)
    if not isinstance(value, int) or isinstance(value, bool):
        raise signing.BadSignature("not a search log entry")
    return value


# --- the Redaktion's report ---------------------------------------------------------------------


@dataclass(frozen=True)
class QueryRow:
    query: str
    searches: int
    avg_results: float | None = None
    avg_rank: float | None = None


@dataclass(frozen=True)
class SearchLogReport:
    days: int
    since: datetime
    searches: int
    without_results: int
    with_click: int
    clicks_top3: int
    top_queries: list[QueryRow]
    no_results: list[QueryRow]
    no_clicks: list[QueryRow]
    click_ranks: list[QueryRow]

    @property
    def top3_share(self) -> float | None:
        """Share of first clicks that went to one of the first three results (0…1)."""
        return self.clicks_top3 / self.with_click if self.with_click else None


def _rows(queryset, **aggregates) -> list[QueryRow]:
    rows = (
        queryset.order_by()
        .values("query")
        .annotate(searches=Count("id"), **aggregates)
        .order_by("-searches", "query")[:REPORT_ROWS]
    )
    return [QueryRow(**row) for row in rows]


# A search found nothing the searcher asked for when no result contains its words: the
# results found by meaning alone are only the closest the site has.
NOTHING_FOUND = Q(word_results=0) | Q(word_results__isnull=True, results=0)


def search_log_report(*, days: int, now: datetime | None = None) -> SearchLogReport:
    """The report over the last ``days`` days: five aggregating queries, whatever the log's
    size, each list at most ``REPORT_ROWS`` queries long."""
    since = (now or timezone.now()) - timedelta(days=days)
    entries = SearchLogEntry.objects.filter(created_at__gte=since)
    totals = entries.order_by().aggregate(
        searches=Count("id"),
        without_results=Count("id", filter=NOTHING_FOUND),
        with_click=Count("id", filter=Q(clicked_rank__isnull=False)),
        clicks_top3=Count("id", filter=Q(clicked_rank__lte=3)),
    )
    clicked = entries.filter(clicked_rank__isnull=False)
    return SearchLogReport(
        days=days,
        since=since,
        **totals,
        top_queries=_rows(entries, avg_results=Avg("results")),
        no_results=_rows(entries.filter(NOTHING_FOUND), avg_results=Avg("results")),
        no_clicks=_rows(entries.filter(results__gt=0, clicked_rank__isnull=True)),
        click_ranks=_rows(clicked, avg_rank=Avg("clicked_rank")),
    )
