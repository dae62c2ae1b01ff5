"""A fresh index behind the alias: one rebuild at a time, and nothing left behind by one
that crashed."""

import fcntl
import hashlib
import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from elasticsearch import Elasticsearch

from ...builders import IndexEntry
from ...documents import (
    alias_name,
    knowledge_index,
    new_index_name,
)
from . import UNAVAILABLE, client
from .writing import building_alias, fill_index

logger = logging.getLogger(__name__)


def rebuild(
    *,
    entries: Iterable[IndexEntry] | None = None,
    fill: Callable[[str], int] | None = None,
    total: int,
    progress=None,
    version: int = 0,
) -> int:
    """Load a fresh index, then point the alias at it in one atomic step.

    The documents come either as ``entries``, built in this process, or from ``fill(name)``,
    which writes them into the new index ``name`` (worker processes, through ``send``) and
    returns how many.

    ``version`` is the newest outbox row when the rebuild started: changes pushed while it
    runs reach the new index too (through the building alias) with higher versions, so the
    rebuild's own, possibly older, copy of those documents cannot overwrite them.

    One rebuild at a time (``rebuild_lock``; ``RebuildRunning`` when another holds it). It
    first removes what a crashed earlier rebuild left, and removes its own index again if it
    fails or is interrupted.
    """
    if fill is None:

        def fill(name: str) -> int:
            return fill_index(name, entries or [], version=version, total=total, progress=progress)

    es = client(timeout=settings.ELASTICSEARCH_BULK_TIMEOUT)
    with rebuild_lock():
        _remove_leftovers(es)
        return _rebuild_locked(es, fill, total, progress)


def _rebuild_locked(es, fill, total, progress) -> int:
    alias = alias_name()
    name = new_index_name()
    knowledge_index(name, bulk_loading=True).create(using=es)
    swapped = False
    try:
        es.indices.put_alias(index=name, name=building_alias())
        done = fill(name)
        es.indices.put_settings(index=name, settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=name)
        old = (
            list(es.indices.get_alias(name=alias).body)
            if es.indices.exists_alias(name=alias)
            else []
        )
        if es.indices.exists(index=alias) and not old:
            es.indices.delete(index=alias)  # a stray concrete index squatting the alias name
        actions = [{"remove": {"index": index, "alias": alias}} for index in old]
        actions.append({"add": {"index": name, "alias": alias}})
        actions.append({"remove": {"index": name, "alias": building_alias()}})
        es.indices.update_aliases(actions=actions)
        swapped = True
    finally:
        # Not only on errors: an interrupted rebuild (Ctrl-C, SystemExit) must not leave its
        # index behind the building alias either, where every push would keep writing to it.
        if not swapped:
            _discard(es, name)
    for index in old:
        es.options(ignore_status=404).indices.delete(index=index)
    if progress:
        progress(done, max(total, done))
    return done


def _discard(es: Elasticsearch, name: str) -> None:
    try:
        es.options(ignore_status=404).indices.delete(index=name)  # its aliases go with it
    except UNAVAILABLE:
        logger.exception("Removing the index %s of a failed rebuild failed.", name)


LOCK_WAIT_SECONDS = 10.0


class RebuildRunning(Exception):
    pass


def _lock_key() -> str:
    return f"search-rebuild:{settings.ELASTICSEARCH_URL}:{alias_name()}"


@contextmanager
def rebuild_lock(*, wait: float | None = None) -> Iterator[None]:
    """Held while a rebuild runs or leftovers are removed; ``RebuildRunning`` after ``wait``
    seconds (``LOCK_WAIT_SECONDS``) if another process holds it.

    The lock dies with its holder, so a killed rebuild never blocks the next one: on
    PostgreSQL a session-level advisory lock (every host of a site shares the database), on
    its own connection so that the rebuild's worker processes, which close the connections
    they inherit, do not end it; elsewhere (SQLite: one host) a ``flock`` on a file in the
    temporary directory.
    """
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    key = _lock_key()
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        manager = _advisory_lock(
            int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big", signed=True), wait
        )
    else:
        manager = _file_lock(
            Path(tempfile.gettempdir())
            / f"{hashlib.sha1(key.encode()).hexdigest()[:16]}.search-rebuild.lock",
            wait,
        )
    with manager:
        yield


def _wait_for(acquire, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not acquire():
        if time.monotonic() >= deadline:
            raise RebuildRunning(f"Another rebuild of {alias_name()} is running.")
        time.sleep(0.2)


@contextmanager
def _advisory_lock(key: int, wait: float) -> Iterator[None]:
    holder = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with holder.cursor() as cursor:

            def acquire() -> bool:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
                return bool(cursor.fetchone()[0])

            _wait_for(acquire, wait)
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    finally:
        holder.close()


@contextmanager
def _file_lock(path: Path, wait: float) -> Iterator[None]:
    with path.open("a") as handle:

        def acquire() -> bool:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _wait_for(acquire, wait)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def rebuild_running() -> bool:
    try:
        with rebuild_lock(wait=0):
            return False
    except RebuildRunning:
        return True


@dataclass
class Leftovers:
    # Indexes of earlier builds (``<alias>-<timestamp>``) that the alias does not point to.
    indexes: list[str]
    building_alias: bool


def _build_name() -> re.Pattern:
    return re.compile(rf"{re.escape(alias_name())}-\d+")


def leftovers(es: Elasticsearch | None = None) -> Leftovers:
    """What a rebuild left or is building now (only ``rebuild_running`` tells which)."""
    es = es or client()
    building = building_alias()
    indexes = [
        index
        for index, info in es.indices.get_alias(index=f"{alias_name()}-*").body.items()
        if _build_name().fullmatch(index) and set(info["aliases"]) <= {building}
    ]
    return Leftovers(indexes=sorted(indexes), building_alias=es.indices.exists_alias(name=building))


def _remove_leftovers(es: Elasticsearch) -> list[str]:
    """Call only under ``rebuild_lock``: else a running rebuild's index is among them."""
    found = leftovers(es)
    for index in found.indexes:
        es.options(ignore_status=404).indices.delete(index=index)
    if found.building_alias:
        es.options(ignore_status=404).indices.delete_alias(index="_all", name=building_alias())
    if found.indexes or found.building_alias:
        logger.warning("Removed leftovers of a crashed rebuild: %s", ", ".join(found.indexes))
    return found.indexes


def remove_leftovers(*, wait: float | None = None) -> list[str]:
    """Remove the leftovers of crashed rebuilds; ``RebuildRunning`` while one runs."""
    es = client()
    with rebuild_lock(wait=wait):
        return _remove_leftovers(es)
