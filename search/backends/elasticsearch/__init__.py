"""The Elasticsearch backend (client line 8, queries through ``elasticsearch.dsl``).

This module holds the connection (one client per process, and a pause after a failure);
``queries`` answers searches, ``writing`` keeps the index in step with the content and
``rebuilding`` builds a fresh index behind the alias. The names other modules use are
imported here, so the package is the backend: ``from search.backends import elasticsearch``.
"""

import logging
import os
import time
from functools import lru_cache

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.serializer import OrjsonSerializer

logger = logging.getLogger(__name__)


NAME = "elasticsearch"


# Everything that means "Elasticsearch cannot answer now": the callers fall back or retry.
UNAVAILABLE = (ApiError, TransportError, helpers.BulkIndexError)


# After a failure this process leaves the cluster alone for a while, so that every page view
# and every publish does not wait for the timeout again (the outbox keeps the changes).
RETRY_AFTER_SECONDS = 30


_failed_at: dict[str, float] = {}


def mark_failed() -> None:
    _failed_at[settings.ELASTICSEARCH_URL] = time.monotonic()


def mark_ok() -> None:
    _failed_at.pop(settings.ELASTICSEARCH_URL, None)


def recently_failed() -> bool:
    failed = _failed_at.get(settings.ELASTICSEARCH_URL)
    return failed is not None and time.monotonic() - failed < RETRY_AFTER_SECONDS


def client(*, timeout: float | None = None) -> Elasticsearch:
    return _client(
        os.getpid(),  # a forked process makes its own; its parent's stays untouched
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_USERNAME,
        settings.ELASTICSEARCH_PASSWORD,
        settings.ELASTICSEARCH_API_KEY,
        settings.ELASTICSEARCH_CA_CERTS,
        settings.ELASTICSEARCH_VERIFY_CERTS,
        timeout if timeout is not None else settings.ELASTICSEARCH_TIMEOUT,
    )


@lru_cache(maxsize=8)
def _client(
    pid, url, username, password, api_key, ca_certs, verify_certs, timeout
) -> Elasticsearch:
    options: dict = {"request_timeout": timeout, "max_retries": 1, "retry_on_timeout": False}
    if username:
        options["basic_auth"] = (username, password)
    if api_key:
        options["api_key"] = api_key
    if url.startswith("https"):
        options["verify_certs"] = verify_certs
        if ca_certs:
            options["ca_certs"] = ca_certs
    # orjson: serialising a rebuild's bulk bodies with the json module cost as much as
    # analysing the documents, and it holds the interpreter lock the analysis needs.
    return Elasticsearch(url, serializer=OrjsonSerializer(), **options)


# The backend's interface (imported last: the modules below use the client above).
from .queries import (  # noqa: E402
    build_search,
    hybrid,
    index_names,
    load,
    matching,
    search,
    stored_fingerprints,
)
from .rebuilding import (  # noqa: E402
    RebuildRunning,
    leftovers,
    rebuild,
    rebuild_lock,
    rebuild_running,
    remove_leftovers,
)
from .writing import BULK_CHUNK, apply, building_alias, send, update_vectors  # noqa: E402

__all__ = [
    "BULK_CHUNK",
    "NAME",
    "UNAVAILABLE",
    "NotFoundError",
    "RebuildRunning",
    "apply",
    "build_search",
    "building_alias",
    "client",
    "hybrid",
    "index_names",
    "leftovers",
    "load",
    "mark_failed",
    "mark_ok",
    "matching",
    "rebuild",
    "rebuild_lock",
    "rebuild_running",
    "recently_failed",
    "remove_leftovers",
    "search",
    "send",
    "stored_fingerprints",
    "update_vectors",
]
