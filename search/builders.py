"""Document builders: how one kind of content becomes documents of the knowledge index.

A builder knows one model: which objects to index (``queryset``) and how one object looks
in the index (``build``; ``None`` means "not searchable": drafts, password-protected pages).
Content apps subclass these and register them (``search.registry``); ``PageBuilder`` covers
Wagtail pages, with the relations a page type turns into facets declared by its app.
Who may find a document is never decided here: pages ask ``cms.access``, other content
its own app's rules, and the entry carries the audience tokens they answer.
"""

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from types import SimpleNamespace
from typing import Any

from django.db.models import Model, QuerySet, TextField
from django.db.models.functions import Cast
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from cms.access import PageRestrictions


@dataclass
class IndexEntry:
    doc_id: str
    doc_type: str
    model: str
    object_id: str
    title: str
    teaser: str
    body: str
    url: str
    date: datetime | None
    # Audience tokens (cms.access): who may find this document.
    visibility: tuple[str, ...]
    # Extra searchable words that are not shown (taxonomy names, Jobcenter, partners).
    keywords: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    # What the document means, when that is not its whole text (``search.embeddings``).
    embedding_text: str = ""
    # Points (latitude, longitude) of the places the content is at, for the distance search.
    locations: list[tuple[float, float]] = field(default_factory=list)
    # Multiplies the relevance (e.g. 0.5 for an offer not confirmed for a year).
    rank: float = 1.0

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the index stores of this entry changes."""
        state = [
            self.doc_type,
            self.title,
            self.teaser,
            self.body,
            self.url,
            self.date.isoformat() if self.date else None,
            sorted(self.visibility),
            self.keywords,
            {facet: sorted(values) for facet, values in sorted(self.facets.items())},
        ]
        if self.locations or self.rank != 1.0:
            # Only content with places or a rank of its own; other fingerprints stay as stored.
            state.append([sorted(self.locations), self.rank])
        encoded = json.dumps(state, ensure_ascii=False, sort_keys=True).encode()
        return hashlib.sha1(encoded, usedforsecurity=False).hexdigest()


class VisibilityContext:
    """What a batch of documents shares: the site's page restrictions and site roots."""

    def __init__(self) -> None:
        self.restrictions = PageRestrictions()
        self._site_roots = None

    def page_url(self, page: Page) -> str:
        """The page's URL like ``Page.get_url()``, with the site roots read once per batch."""
        if self._site_roots is None:
            self._site_roots = list(Site.get_site_root_paths())
        single_site = len(self._site_roots) == 1
        for root in self._site_roots:
            if page.url_path.startswith(root.root_path):
                path = "/" + page.url_path[len(root.root_path) :]
                return path if single_site else root.root_url.rstrip("/") + path
        return page.url_path

    def for_page(self, page: Page) -> tuple[str, ...] | None:
        """Who may find ``page`` (``cms.access``); ``None``: nobody does."""
        return self.restrictions.audience(page.path)


class DocumentBuilder:
    doc_type: str = ""
    label = ""
    model: type[Model]

    @property
    def model_label(self) -> str:
        return self.model._meta.label_lower

    def doc_id(self, object_id: Any) -> str:
        return f"{self.doc_type}-{object_id}"

    def entry(self, object_id: Any, **fields) -> IndexEntry:
        """The index entry of the object ``object_id`` of this builder's model."""
        return IndexEntry(
            doc_id=self.doc_id(object_id),
            doc_type=self.doc_type,
            model=self.model_label,
            object_id=str(object_id),
            **fields,
        )

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        raise NotImplementedError

    def build(self, obj: Model, context: VisibilityContext) -> IndexEntry | None:
        raise NotImplementedError

    def affected_by_page(self, page: Page) -> Iterable[Model]:
        """Indexed objects whose document depends on ``page`` (moves, privacy changes)."""
        return []

    def fetch(self, queryset: QuerySet) -> list:
        """The objects of ``queryset`` in the form ``prepare`` and ``build`` take."""
        return list(queryset)

    def prepare(self, objects: list[Model]) -> None:
        """Load what ``build`` needs for a whole chunk of objects at once (optional)."""


def related_objects(obj: Model, name: str) -> list:
    """Related objects loaded by ``prepare`` (or prefetched), else read now."""
    loaded = getattr(obj, "_search_related", {})
    if name in loaded:
        return loaded[name]
    cache = getattr(obj, "_prefetched_objects_cache", {})
    return list(cache[name]) if name in cache else list(getattr(obj, name).all())


BLOCK_END = re.compile(r"<(?:/p|br|/li|/h[1-6]|/div|/blockquote|/td|/tr)\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]*>")


def html_to_text(value: str) -> str:
    """Text of stored (already sanitised) HTML, for the index only; every use escapes it.

    A regular expression instead of Django's parser-based strip_tags: rebuilds read a lot of
    HTML. Block ends become spaces, or "…gestaltet.</p><p>Die…" would run together.
    """
    if "<" not in value and "&" not in value:
        return value
    return unescape(TAG.sub("", BLOCK_END.sub(" ", value)))


def stream_text(value: Any) -> str:
    """All human-readable text of a StreamField/RichText value, without markup."""
    raw = getattr(value, "raw_data", value)
    strings: list[str] = []

    def collect(node: Any, key: str = "") -> None:
        if isinstance(node, str):
            if key not in {"type", "id", "level", "alignment"}:
                strings.append(html_to_text(node))
        elif isinstance(node, dict):
            for child_key, child in node.items():
                collect(child, child_key)
        elif isinstance(node, list | tuple):
            for child in node:
                collect(child, key)
        elif hasattr(node, "source"):  # RichText
            strings.append(html_to_text(node.source))

    if hasattr(raw, "__iter__") and not isinstance(raw, str | dict):
        raw = list(raw)
    collect(raw)
    return " ".join(" ".join(strings).split())


@dataclass(frozen=True)
class Relation:
    """A many-to-many relation of a page type that its documents carry.

    The first column's values fill ``facet`` (if any); the last column's values become
    searchable keywords (the name people type).
    """

    name: str
    columns: tuple[str, ...]
    facet: str | None = None


@dataclass(frozen=True)
class ForeignKeyFacet:
    """A foreign key of a page type whose value is a facet (e.g. the status)."""

    name: str
    value_column: str
    label_column: str
    facet: str


class PageBuilder(DocumentBuilder):
    """A Wagtail page type; uses whichever of the usual text fields the model has.

    ``relations`` and ``foreign_keys`` name what the app wants as facets and keywords; the
    page's audience comes from ``cms.access`` through the context.
    """

    TEASER_FIELDS = ("teaser", "intro", "lead", "search_description")
    BODY_FIELDS = ("body", "content", "chapters")

    def __init__(
        self,
        model: type[Page],
        doc_type: str,
        label,
        *,
        relations: Iterable[Relation] = (),
        foreign_keys: Iterable[ForeignKeyFacet] = (),
    ) -> None:
        self.model = model
        self.doc_type = doc_type
        self.label = label
        self.field_names = {f.name for f in model._meta.get_fields()}
        self.relations = [relation for relation in relations if self._has(relation.name)]
        self.foreign_keys = [fk for fk in foreign_keys if self._has(fk.name)]
        # What ``build`` looks at, worked out once per type instead of once per page.
        self.teaser_fields = [name for name in self.TEASER_FIELDS if self._has(name)]
        self.rich_teasers = {
            name
            for name in self.teaser_fields
            if isinstance(model._meta.get_field(name), RichTextField)
        }
        self.body_fields = [name for name in self.BODY_FIELDS if self._has(name)]
        self.stream_fields = [
            name
            for name in self.body_fields
            if isinstance(model._meta.get_field(name), StreamField)
        ]
        self.row_columns = [
            "pk",
            "live",
            "path",
            "url_path",
            "title",
            "first_published_at",
            "last_published_at",
            *self.teaser_fields,
            *(name for name in self.body_fields if name not in self.stream_fields),
            *(
                column
                for fk in self.foreign_keys
                for column in (
                    f"{fk.name}_id",
                    f"{fk.name}__{fk.value_column}",
                    f"{fk.name}__{fk.label_column}",
                )
            ),
        ]

    def _has(self, name: str) -> bool:
        return name in self.field_names

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        queryset = self.model.objects.live() if live_only else self.model.objects.all()
        return queryset.order_by("pk")

    def fetch(self, queryset: QuerySet) -> list[SimpleNamespace]:
        """Pages as plain rows of the columns a document needs.

        A rebuild reads every page; creating Wagtail page instances (dozens of fields, the
        tree and revision machinery) cost more than analysing their text. StreamFields are
        read as their stored JSON: ``stream_text`` needs nothing but the raw blocks.
        """
        streams = self.stream_fields
        queryset = queryset.annotate(
            **{f"{name}__json": Cast(name, output_field=TextField()) for name in streams}
        )
        rows = []
        for row in queryset.values(*self.row_columns, *(f"{name}__json" for name in streams)):
            for name in streams:
                stored = row.pop(f"{name}__json")
                row[name] = json.loads(stored) if stored else []
            for fk in self.foreign_keys:
                value = row.pop(f"{fk.name}__{fk.value_column}")
                label = row.pop(f"{fk.name}__{fk.label_column}")
                row[fk.name] = (value, label) if value is not None else None
            rows.append(SimpleNamespace(**row))
        return rows

    @staticmethod
    def owned_by(column: str, ids: list[int]) -> dict:
        """A filter on the owning page's id; a rebuild's chunks are runs of ids, and a range
        is cheaper to send than 500 ids."""
        if ids[-1] - ids[0] < 2 * len(ids):
            return {f"{column}__gte": ids[0], f"{column}__lte": ids[-1]}
        return {f"{column}__in": ids}

    def prepare(self, objects: list[Model]) -> None:
        """Load the relations of a whole chunk with one flat query each.

        Django's prefetch_related builds a queryset per object and relation, which made it
        the slowest part of a rebuild; documents only need a few columns of each relation.
        """
        ids = sorted(obj.pk for obj in objects)
        if not ids:
            return
        loaded: dict[int, dict[str, list]] = {pk: {} for pk in ids}
        for relation in self.relations:
            field = self.model._meta.get_field(relation.name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            # In the order they were added, whatever plan the database chooses: the text a
            # document's vector was computed from must come out the same every time.
            rows = (
                through.objects.filter(**self.owned_by(f"{source}_id", ids))
                .order_by("pk")
                .values_list(
                    f"{source}_id", *(f"{target}__{column}" for column in relation.columns)
                )
            )
            for pk in ids:
                loaded[pk][relation.name] = []
            for owner, *values in rows:
                if owner in loaded:
                    loaded[owner][relation.name].append(tuple(values))
        self.prepare_more(ids, loaded)
        for obj in objects:
            obj._search_related = loaded[obj.pk]

    def prepare_more(self, ids: list[int], loaded: dict[int, dict[str, list]]) -> None:
        """Load further relations of a subclass into ``loaded[pk][name]``."""

    def build_more(self, obj, facets: dict[str, list[str]], keywords: list[str]) -> None:
        """Add a subclass's facets and keywords for ``obj``."""

    def build(self, obj: Page, context: VisibilityContext) -> IndexEntry | None:
        if not obj.live:
            return None
        visibility = context.for_page(obj)
        if visibility is None:
            return None
        teaser_field = next((name for name in self.teaser_fields if getattr(obj, name, "")), None)
        teaser = str(getattr(obj, teaser_field)) if teaser_field else ""
        if teaser_field in self.rich_teasers:
            teaser = html_to_text(teaser)
        body = " ".join([stream_text(getattr(obj, name)) for name in self.body_fields])
        facets: dict[str, list[str]] = {"type": [self.doc_type]}
        keywords: list[str] = []
        for relation in self.relations:
            rows = related_objects(obj, relation.name)
            if relation.facet:
                facets[relation.facet] = [row[0] for row in rows]
            keywords.extend(row[-1] for row in rows)
        for fk in self.foreign_keys:
            value = getattr(obj, fk.name, None)
            if value:
                facets[fk.facet] = [value[0]]
                keywords.append(value[1])
        self.build_more(obj, facets, keywords)
        return self.entry(
            obj.pk,
            title=obj.title,
            teaser=teaser,
            body=body,
            url=context.page_url(obj),
            date=obj.first_published_at or obj.last_published_at,
            visibility=visibility,
            keywords=" ".join(keywords),
            facets=facets,
        )

    def affected_by_page(self, page: Page) -> Iterable[Model]:
        return self.model.objects.filter(path__startswith=page.path)
