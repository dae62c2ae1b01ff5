"""Bulk work on content: many published pages of one type under one parent in a handful of
queries (``pages_bulk_create``), and many changes in one transaction indexed once per changed
object (``changes_batched``).

For generated data (benchmarks, large test fixtures), not for editors' content: the pages get
their tree position, URL path, unique slug and publication dates, the rows of their subclass
tables, their ParentalManyToManyField links and their ParentalKey children, exactly what the
public site reads. What the editing side keeps is left out: no revisions, no log entries, no
``page_published`` signals and therefore no search outbox rows (run ``search_index rebuild``
afterwards when the pages should be found).
"""

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models, router, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from search.indexing import outbox_batch


@contextmanager
def full_sqlite_batches(using: str = "default") -> Iterator[None]:
    """Let ``bulk_create`` fill SQLite INSERTs up to the connection's real parameter limit.

    Django splits them at 999 parameters, the compile-time default of old SQLite builds;
    current builds allow far more (250,000 in Debian's), so one INSERT can carry thousands of
    rows instead of a few dozen."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    features = connection.features
    had_own = "max_query_params" in features.__dict__
    previous = features.max_query_params
    features.max_query_params = max(limit, previous)
    try:
        yield
    finally:
        if had_own:
            features.max_query_params = previous
        else:
            del features.max_query_params


def rows_insert(
    model: type[models.Model],
    objs: Sequence[models.Model],
    *,
    fields: Sequence[models.Field] | None = None,
    using: str = "default",
) -> None:
    """INSERT one row of ``model``'s own table per object, in one ``executemany``.

    Values are prepared exactly as ``bulk_create`` prepares them (``pre_save``, then
    ``get_db_prep_save``), but without compiling a parameter list per value, which costs
    ``bulk_create`` most of its time past a few thousand rows. The objects get no primary key;
    ``fields`` defaults to the table's columns other than an automatic primary key. It does
    not handle parent tables of multi-table inheritance, signals or ``ignore_conflicts``.
    """
    if not objs:
        return
    connection = connections[using]
    if fields is None:
        fields = [
            field
            for field in model._meta.local_concrete_fields
            if not (field.primary_key and isinstance(field, models.AutoField))
        ]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        tuple(field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields)
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _unique_slugs(pages: Sequence[Page], taken: set[str]) -> list[str]:
    """The requested slugs (or the slugified titles), numbered like
    ``wagtail.coreutils.find_available_slug`` where they clash with a sibling or each other."""
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    slugs = []
    for page in pages:
        requested = page.slug or slugify(page.title, allow_unicode=allow_unicode) or "page"
        slug, number = requested, 1
        while slug in taken:
            slug = f"{requested}-{number}"
            number += 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _m2m_rows(model: type[Page], objs: Sequence[Page]) -> dict[type[models.Model], list]:
    rows: dict[type[models.Model], list] = {}
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        for obj in objs:
            chosen = getattr(obj, "_cluster_related_objects", {}).get(field.name, ())
            rows.setdefault(through, []).extend(
                through(**{f"{source}_id": obj.pk, f"{target}_id": getattr(item, "pk", item)})
                for item in chosen
            )
    return rows


def _child_rows(model: type[Page], objs: Sequence[Page]) -> dict[type[models.Model], list]:
    rows: dict[type[models.Model], list] = {}
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        for obj in objs:
            children = getattr(obj, "_cluster_related_objects", {}).get(name, ())
            for position, child in enumerate(children):
                setattr(child, relation.field.attname, obj.pk)
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = position
            rows.setdefault(relation.related_model, []).extend(children)
    return rows


def pages_bulk_create(
    *, parent: Page, pages: Sequence[Page], published_at: datetime | None = None
) -> list[Page]:
    """Add ``pages`` (unsaved instances of one page class) as live children of ``parent``.

    Set titles and fields as for ``parent.add_child``; assign ParentalManyToManyFields and
    ParentalKey children on the instances (``page.topics = [...]``, ``page.partners = [...]``).
    Slugs default to the slugified title and are made unique among the siblings. The number
    of queries does not grow with the number of pages: one ``executemany`` per table. The
    pages get their ids; their children and links are saved without reading theirs back.
    ``parent`` is updated in place (``numchild``).
    """
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("pages_bulk_create() adds pages of one class at a time.")
    using = router.db_for_write(Page)
    now = published_at or timezone.now()
    content_type = ContentType.objects.db_manager(using).get_for_model(model)
    depth = parent.depth + 1
    with transaction.atomic(using=using):
        # The lock keeps two builders (or an editor) from handing out the same tree positions.
        parent_row = (
            Page.objects.using(using)
            .select_for_update()
            .only("path", "depth", "url_path", "numchild", "locale_id")
            .get(pk=parent.pk)
        )
        siblings = Page.objects.using(using).filter(path__startswith=parent_row.path, depth=depth)
        last_path = siblings.order_by("-path").values_list("path", flat=True).first()
        step = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
        taken = set(siblings.values_list("slug", flat=True))
        for page, slug in zip(pages, _unique_slugs(pages, taken), strict=True):
            step += 1
            page.slug = slug
            page.path = Page._get_path(parent_row.path, depth, step)
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{parent_row.url_path}{slug}/"
            page.content_type = content_type
            page.locale_id = page.locale_id or parent_row.locale_id
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or now

        # Page rows first; their ids are read back by path, which is unique.
        base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        rows_insert(Page, pages, fields=base_fields, using=using)
        ids = dict(
            Page.objects.using(using)
            .filter(path__in=[page.path for page in pages])
            .values_list("path", "pk")
        )
        chain = [*model._meta.get_parent_list(), model]
        for page in pages:
            for concrete in chain:
                setattr(page, concrete._meta.pk.attname, ids[page.path])
        for concrete in chain:
            if concrete is not Page and issubclass(concrete, Page):
                rows_insert(
                    concrete, pages, fields=concrete._meta.local_concrete_fields, using=using
                )
        for page in pages:
            page._state.adding = False
            page._state.db = using

        for related_model, rows in [
            *_m2m_rows(model, pages).items(),
            *_child_rows(model, pages).items(),
        ]:
            rows_insert(related_model, rows, using=using)

        Page.objects.using(using).filter(pk=parent.pk).update(
            numchild=models.F("numchild") + len(pages)
        )
    parent.numchild = parent_row.numchild + len(pages)
    return list(pages)


# --- many changes, indexed once ----------------------------------------------------------

logger = logging.getLogger(__name__)
_changed = threading.local()


@contextmanager
def changes_batched() -> Iterator[None]:
    """Index the objects changed inside the block once each, when it ends: the site search
    (``search.indexing.outbox_batch``) and Wagtail's reference index, which otherwise runs at
    every save: a page is saved for its revision and again for its publication, and each of
    its inline rows (partners, locations) indexes the whole page once more. Call inside the
    transaction of the changes (the demo, imports); nested blocks leave it to the outer one.

    An error that leaves the block marks the transaction for rollback: changes it let through
    unindexed must never be committed, even when the caller catches the error."""
    if getattr(_changed, "references", None) is not None:
        yield
        return
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "changes_batched() indexes at its end: use it inside transaction.atomic()."
        )
    _changed.references = {}
    try:
        with outbox_batch(), disable_reference_index_auto_update():
            yield
            _references_update(list(_changed.references))
    except BaseException:
        transaction.set_rollback(True)
        raise
    finally:
        del _changed.references


def _reference_base(instance: models.Model) -> models.Model | None:
    """The object whose references Wagtail records for ``instance``: the page or snippet that
    an inline row belongs to (as ``wagtail.tasks.update_reference_index_task`` finds it)."""
    while True:
        parental = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
        if not parental:
            return instance
        instance = getattr(instance, parental[0].name)
        if instance is None:
            return None


def _note_saved(sender, instance, raw=False, **kwargs) -> None:
    references = getattr(_changed, "references", None)
    if references is None or raw or sender not in ReferenceIndex.tracked_models:
        return
    base = _reference_base(instance)
    if base is not None and base.pk is not None:
        references[(base._meta.model, base.pk)] = None


def _remove_deleted(sender, instance, **kwargs) -> None:
    # What Wagtail's own receiver does, which the block switches off with the saves'.
    if getattr(_changed, "references", None) is None or sender not in ReferenceIndex.tracked_models:
        return
    with transaction.atomic():
        ReferenceIndex.remove_for_object(instance)
        ReferenceIndex.remove_references_to(instance)


post_save.connect(_note_saved, dispatch_uid="cms.bulk.note_saved")
post_delete.connect(_remove_deleted, dispatch_uid="cms.bulk.remove_deleted")


def _references_update(keys: list[tuple[type[models.Model], object]]) -> None:
    by_model: dict[type[models.Model], list] = {}
    for model, pk in keys:
        if ReferenceIndex.is_indexed(model):
            by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        objects = model._base_manager.filter(pk__in=pks)
        if model is Page:  # saved as a plain page: its references are those of its type
            objects = Page.objects.filter(pk__in=pks).specific()
        for obj in objects:
            # As Wagtail's task after each save: one object's failure is logged and leaves
            # the others (and the changes themselves) alone; a rebuild mends it.
            try:
                with transaction.atomic():
                    ReferenceIndex.create_or_update_for_object(obj)
            except Exception:
                logger.exception("Indexing the references of %r failed.", obj)
