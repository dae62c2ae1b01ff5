"""Document builders: how each kind of content becomes one document of the knowledge index.

A builder knows one model: which objects to index (``queryset``) and how one object looks
in the index (``build``; ``None`` means "not searchable": drafts, password-protected pages,
hidden forum topics). Content types plug in with ``register``; Wagtail page types that the
site may or may not have yet (magazine articles, guides) are registered when their model
exists, so they join the index without changes here.
"""

import json
import re
from collections import namedtuple
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.db.models import Model, Prefetch, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, Site

PUBLIC = "public"
STAFF = "staff"

# Facet name → what the index stores for it (keys of IndexEntry.facets).
FACETS = ["type", "bundesland", "topic", "target_group", "partner_type", "phase", "status"]


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
    visibility: str
    # Extra searchable words that are not shown (taxonomy names, Jobcenter, partners).
    keywords: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    jobcenters: list[str] = field(default_factory=list)


class VisibilityContext:
    """The site's page restrictions, read once for a whole batch of pages."""

    def __init__(self) -> None:
        self.restrictions = list(
            PageViewRestriction.objects.values_list("page__path", "restriction_type")
        )
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

    def for_page(self, page: Page) -> str | None:
        kinds = {kind for path, kind in self.restrictions if page.path.startswith(path)}
        if not kinds:
            return PUBLIC
        if BaseViewRestriction.PASSWORD in kinds:
            return None  # never listed, like practices.visibility does
        return STAFF


class DocumentBuilder:
    doc_type: str = ""
    label = ""
    model: type[Model]

    @property
    def model_label(self) -> str:
        return self.model._meta.label_lower

    def doc_id(self, object_id: Any) -> str:
        return f"{self.doc_type}-{object_id}"

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


def _related(obj: Model, name: str) -> list:
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


class PageBuilder(DocumentBuilder):
    """Any Wagtail page type; uses whichever of the usual fields the model has."""

    TEASER_FIELDS = ("teaser", "intro", "lead", "search_description")
    BODY_FIELDS = ("body", "content", "chapters")

    def __init__(self, model: type[Page], doc_type: str, label) -> None:
        self.model = model
        self.doc_type = doc_type
        self.label = label
        self.field_names = {f.name for f in model._meta.get_fields()}
        # What ``build`` looks at, worked out once per type instead of once per page.
        self.teaser_fields = [name for name in self.TEASER_FIELDS if self._has(name)]
        self.rich_teasers = {
            name
            for name in self.teaser_fields
            if isinstance(model._meta.get_field(name), RichTextField)
        }
        self.body_fields = [name for name in self.BODY_FIELDS if self._has(name)]
        self.term_relations = [
            (facet, name)
            for facet, name in [
                ("topic", "topics"),
                ("target_group", "target_groups"),
                ("phase", "phases"),
            ]
            if self._has(name)
        ]
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
            *(["status_id", "status__slug", "status__name"] if self._has("status") else []),
        ]

    def _has(self, name: str) -> bool:
        return name in self.field_names

    M2M_FIELDS = {
        # relation → columns of the related object that a document needs
        "topics": ("slug", "name"),
        "target_groups": ("slug", "name"),
        "phases": ("slug", "name"),
        "bundeslaender": ("code", "name"),
        "jobcenters": ("name",),
    }

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        queryset = self.model.objects.live() if live_only else self.model.objects.all()
        if self._has("status"):
            queryset = queryset.select_related("status")
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
            if "status_id" in row:
                slug, name = row.pop("status__slug"), row.pop("status__name")
                row["status"] = SimpleNamespace(slug=slug, name=name) if slug else None
            rows.append(SimpleNamespace(**row))
        return rows

    def prepare(self, objects: list[Model]) -> None:
        """Load the relations of a whole chunk with one flat query each.

        Django's prefetch_related builds a queryset per object and relation, which made it
        the slowest part of a rebuild; documents only need a few columns of each relation.
        """
        ids = sorted(obj.pk for obj in objects)
        if not ids:
            return
        loaded: dict[int, dict[str, list]] = {pk: {} for pk in ids}
        # A rebuild's chunks are runs of ids: a range is cheaper to send than 500 ids.
        by_range = ids[-1] - ids[0] < 2 * len(ids)

        def owned_by(column: str) -> dict:
            if by_range:
                return {f"{column}__gte": ids[0], f"{column}__lte": ids[-1]}
            return {f"{column}__in": ids}

        for name, columns in self.M2M_FIELDS.items():
            if not self._has(name):
                continue
            field = self.model._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = through.objects.filter(**owned_by(f"{source}_id")).values_list(
                f"{source}_id", *(f"{target}__{column}" for column in columns)
            )
            related = namedtuple(f"Related_{name}", columns)
            for pk in ids:
                loaded[pk][name] = []
            for owner, *values in rows:
                if owner in loaded:
                    loaded[owner][name].append(related._make(values))
        if self._has("partners"):
            from practices.models import PracticePartner

            for pk in ids:
                loaded[pk]["partners"] = []
            rows = PracticePartner.objects.filter(**owned_by("page_id")).values_list(
                "page_id", "name", "partner_type__slug", "partner_type__name"
            )
            for owner, name, slug, type_name in rows:
                if owner in loaded:
                    loaded[owner]["partners"].append(
                        SimpleNamespace(
                            name=name, partner_type=SimpleNamespace(slug=slug, name=type_name)
                        )
                    )
        for obj in objects:
            obj._search_related = loaded[obj.pk]

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
        for facet, name in self.term_relations:
            terms = _related(obj, name)
            facets[facet] = [term.slug for term in terms]
            keywords.extend([term.name for term in terms])
        if self._has("bundeslaender"):
            laender = _related(obj, "bundeslaender")
            facets["bundesland"] = [land.code for land in laender]
            keywords.extend(land.name for land in laender)
        jobcenters: list[str] = []
        if self._has("jobcenters"):
            jobcenters = [jobcenter.name for jobcenter in _related(obj, "jobcenters")]
            keywords.extend(jobcenters)
        if self._has("partners"):
            partners = _related(obj, "partners")
            facets["partner_type"] = sorted({p.partner_type.slug for p in partners})
            keywords.extend(p.name for p in partners)
            keywords.extend({p.partner_type.name for p in partners})
        if self._has("status") and obj.status_id and obj.status:
            facets["status"] = [obj.status.slug]
            keywords.append(obj.status.name)
        return IndexEntry(
            doc_id=self.doc_id(obj.pk),
            doc_type=self.doc_type,
            model=self.model_label,
            object_id=str(obj.pk),
            title=obj.title,
            teaser=teaser,
            body=body,
            url=context.page_url(obj),
            date=obj.first_published_at or obj.last_published_at,
            visibility=visibility,
            keywords=" ".join(keywords),
            facets=facets,
            jobcenters=jobcenters,
        )

    def affected_by_page(self, page: Page) -> Iterable[Model]:
        return self.model.objects.filter(path__startswith=page.path)


def forum_visibility(category_id: int) -> str:
    return f"forum:{category_id}"


class ForumTopicBuilder(DocumentBuilder):
    """Forum topics: title, question and answers. Who may read a topic is the forum's
    decision (``forum.permissions``), made per category; the document carries its category
    and the query asks ``readable_category_ids`` of the searching member."""

    doc_type = "topic"
    label = _("Forum topic")
    TEASER_LENGTH = 300

    def __init__(self, model) -> None:
        self.model = model

    def queryset(self, *, live_only: bool = True) -> QuerySet:
        post_model = self.model._meta.get_field("posts").related_model
        posts = post_model.objects.filter(is_deleted=False).only("topic_id", "body_html", "number")
        return (
            self.model.objects.select_related("category")
            .prefetch_related("fields_of_action", Prefetch("posts", queryset=posts))
            .order_by("pk")
        )

    def build(self, obj, context: VisibilityContext) -> IndexEntry | None:
        posts = sorted(_related(obj, "posts"), key=lambda post: post.number)
        texts = [html_to_text(post.body_html) for post in posts]
        question = texts[0] if texts else ""
        teaser = (
            question
            if len(question) <= self.TEASER_LENGTH
            else (question[: self.TEASER_LENGTH].rsplit(" ", 1)[0] + " …")
        )
        topics = _related(obj, "fields_of_action")
        return IndexEntry(
            doc_id=self.doc_id(obj.pk),
            doc_type=self.doc_type,
            model=self.model_label,
            object_id=str(obj.pk),
            title=obj.title,
            teaser=teaser,
            body=" ".join(texts[1:]) if len(texts) > 1 else "",
            url=obj.get_absolute_url(),
            date=obj.last_activity_at,
            visibility=forum_visibility(obj.category_id),
            keywords=" ".join([obj.category.name, *(topic.name for topic in topics)]),
            facets={"type": [self.doc_type], "topic": [topic.slug for topic in topics]},
        )


_registry: dict[str, DocumentBuilder] = {}
_loaded = False

# Page types of the site that belong in the index: (app label, model name, type, label).
PAGE_TYPES = [
    ("practices", "PracticePage", "practice", _("Practice")),
    ("cms", "ArticlePage", "article", _("Article")),
    ("cms", "GuidePage", "guide", _("Guide")),
]
TYPE_LABELS = {
    "practice": _("Practice"),
    "article": _("Article"),
    "guide": _("Guide"),
    "topic": _("Forum topic"),
}


def register(builder: DocumentBuilder) -> None:
    _registry[builder.model_label] = builder


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for app_label, model_name, doc_type, label in PAGE_TYPES:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue  # that content type does not exist (yet); nothing to index
        register(PageBuilder(model, doc_type, label))
    with suppress(LookupError):  # no forum in this installation: nothing to register
        register(ForumTopicBuilder(apps.get_model("forum", "Topic")))


def builders() -> list[DocumentBuilder]:
    _load()
    return list(_registry.values())


def builder_for(model_or_label: type[Model] | Model | str) -> DocumentBuilder | None:
    _load()
    if isinstance(model_or_label, str):
        return _registry.get(model_or_label)
    return _registry.get(model_or_label._meta.label_lower)


def builder_for_type(doc_type: str) -> DocumentBuilder | None:
    return next((b for b in builders() if b.doc_type == doc_type), None)
