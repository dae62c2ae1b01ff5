"""Every change of indexed pages writes an outbox row in the transaction of the change.

These are Wagtail's own signals (publishing, moves, privacy); content apps connect the
signals of their own models when they register their documents (``search.registry``).
"""

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import Query as PromotedQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .indexing import outbox_record
from .models import Synonym
from .registry import builder_for, builders, clear_cache


def _record_page_tree(page: Page) -> None:
    """The page and the indexed pages below it (a move or a privacy change affects all)."""
    objects: list[Model] = []
    for builder in builders():
        objects.extend(builder.affected_by_page(page))
    outbox_record(objects=objects)


@receiver(page_published, dispatch_uid="search.page_published")
@receiver(page_unpublished, dispatch_uid="search.page_unpublished")
def page_changed(sender, instance, **kwargs) -> None:
    if builder_for(instance) is not None:
        outbox_record(objects=[instance])


@receiver(post_delete, dispatch_uid="search.post_delete")
def object_deleted(sender, instance, **kwargs) -> None:
    if builder_for(sender) is not None:
        outbox_record(objects=[instance])


@receiver(post_page_move, dispatch_uid="search.page_moved")
@receiver(page_slug_changed, dispatch_uid="search.page_slug_changed")
def page_moved(sender, instance, **kwargs) -> None:
    # The URLs of the page and of everything below it changed.
    _record_page_tree(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
def privacy_changed(sender, instance, **kwargs) -> None:
    try:
        page = instance.page
    except Page.DoesNotExist:
        return  # the page is being deleted; its own post_delete records it
    _record_page_tree(page)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="search.groups")
def privacy_groups_changed(sender, instance, action, **kwargs) -> None:
    # Which groups a restriction names decides who finds the pages below it.
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(
        instance, PageViewRestriction
    ):
        privacy_changed(sender, instance)


for _signal in (post_save, post_delete):
    _signal.connect(clear_cache, sender=Synonym, dispatch_uid=f"search.synonym.{_signal}")
    # A new or removed pin shows at once in this process (``promotions.pinned_query_strings``).
    for _model in (SearchPromotion, PromotedQuery):
        _signal.connect(
            clear_cache, sender=_model, dispatch_uid=f"search.{_model.__name__}.{_signal}"
        )


@receiver(post_migrate, dispatch_uid="search.fulltext_index")
def keep_fulltext_index(sender, app_config=None, using="default", **kwargs) -> None:
    if app_config is None or app_config.label != "search":
        return
    from django.db import connections

    from .fts import ensure

    ensure(connections[using])


@receiver(post_migrate, dispatch_uid="search.editor_permissions")
def grant_synonym_permissions(sender, app_config=None, **kwargs) -> None:
    """The Redaktion maintains the synonyms and the promoted results ("Top-Treffer") and reads
    the search log report (after the last app, when permissions exist)."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is None or app_config is not with_models[-1]:
        return
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    from cms.accounts.groups import EDITORS

    permissions = Permission.objects.filter(
        Q(
            content_type__app_label="search",
            codename__in=[
                "add_synonym",
                "change_synonym",
                "delete_synonym",
                "view_synonym",
                "view_searchlogentry",
            ],
        )
        | Q(
            content_type__app_label="wagtailsearchpromotions",
            codename__in=[
                "add_searchpromotion",
                "change_searchpromotion",
                "delete_searchpromotion",
                "view_searchpromotion",
            ],
        )
    )
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(*permissions)
    _fill_empty_database_index()


def _fill_empty_database_index() -> None:
    """A site that had content before the search app existed gets its database index once."""
    from .indexing import count_candidates, database_rebuild
    from .models import SearchDocument

    if not SearchDocument.objects.exists() and count_candidates():
        database_rebuild()
