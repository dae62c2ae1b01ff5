"""The plug-in point of the knowledge search: content apps declare what they index.

Each content app registers, from its ``AppConfig.ready()``, its document builders (one per
model: which objects, how one looks in the index, who may find it), its facets (name, title,
how to load the value labels) and words for the compound splitter. The engine (indexing,
backends, selectors, views) only ever asks this registry; it imports no content app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Model

if TYPE_CHECKING:
    from .builders import DocumentBuilder

# The facet every index has: the content type. Apps add theirs after it.
TYPE_FACET = "type"


@dataclass(frozen=True)
class Facet:
    name: str
    title: object  # a lazy translation
    load_labels: Callable[[], dict[str, str]]


_builders: dict[str, DocumentBuilder] = {}
_positions: dict[str, int] = {}
_run_limits: dict[str, int] = {}
_facets: dict[str, Facet] = {}
_vocabularies: list[Callable[[], Iterable[str]]] = []


def register(
    builder: DocumentBuilder, *, position: int = 100, run_limit: int | None = None
) -> None:
    """Index ``builder``'s model; ``position`` orders the content types on the search page;
    ``run_limit``: at most that many of its documents in a row in a ranking by relevance,
    while documents of other kinds follow (``search.fusion.spread``)."""
    _builders[builder.model_label] = builder
    _positions[builder.model_label] = position
    if run_limit is None:
        _run_limits.pop(builder.doc_type, None)
    else:
        _run_limits[builder.doc_type] = run_limit
    clear_cache()


def register_facet(name: str, title, load_labels: Callable[[], dict[str, str]]) -> None:
    """A filter of the search page; ``load_labels`` maps stored values to their labels, in
    display order."""
    _facets[name] = Facet(name=name, title=title, load_labels=load_labels)
    clear_cache()


def register_vocabulary(words: Callable[[], Iterable[str]]) -> None:
    """Terms of the app's domain that the compound splitter should know as words."""
    if words not in _vocabularies:
        _vocabularies.append(words)


def builders() -> list[DocumentBuilder]:
    return sorted(_builders.values(), key=lambda builder: _positions[builder.model_label])


def builder_for(model_or_label: type[Model] | Model | str) -> DocumentBuilder | None:
    if isinstance(model_or_label, str):
        return _builders.get(model_or_label)
    return _builders.get(model_or_label._meta.label_lower)


def builder_for_type(doc_type: str) -> DocumentBuilder | None:
    return next((b for b in _builders.values() if b.doc_type == doc_type), None)


def run_limits() -> dict[str, int]:
    """doc_type → how many of its documents may follow each other in a ranking by relevance."""
    return dict(_run_limits)


def type_labels() -> dict[str, str]:
    return {builder.doc_type: str(builder.label) for builder in builders()}


def facet_names() -> list[str]:
    """Every facet, the content type first."""
    return [TYPE_FACET, *_facets]


def facet_titles() -> dict[str, str]:
    from django.utils.translation import gettext

    return {TYPE_FACET: gettext("Content type")} | {
        name: str(facet.title) for name, facet in _facets.items()
    }


def vocabulary() -> set[str]:
    words: set[str] = set()
    for source in _vocabularies:
        words.update(source())
    return words


# Labels change rarely but every search reads them: a process keeps them for a short while
# (SEARCH_CACHE_SECONDS); a change made in this process clears them at once.
_cache: dict[str, tuple[float, object]] = {}


def cached(key: str, load):
    seconds = getattr(settings, "SEARCH_CACHE_SECONDS", 60)
    now = time.monotonic()
    hit = _cache.get(key)
    if seconds > 0 and hit is not None and now - hit[0] < seconds:
        return hit[1]
    value = load()
    _cache[key] = (now, value)
    return value


def clear_cache(**kwargs) -> None:
    _cache.clear()


def facet_labels() -> dict[str, dict[str, str]]:
    """Value → label per facet, in display order (a fixed number of queries)."""
    return cached("labels", _load_facet_labels)


def _load_facet_labels() -> dict[str, dict[str, str]]:
    return {TYPE_FACET: type_labels()} | {
        name: facet.load_labels() for name, facet in _facets.items()
    }
