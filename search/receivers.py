"""Every change of indexed content writes an outbox row in the transaction of the change."""

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .builders import builder_for, builders
from .indexing import outbox_record
from .models import Synonym
from .selectors import clear_cache


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


# Renaming a taxonomy value or a Jobcenter changes the text of the practices that carry it.
PRACTICE_RELATIONS = {
    "Topic": "topics",
    "TargetGroup": "target_groups",
    "ProcessPhase": "phases",
    "PracticeStatus": "status",
    "PartnerType": "partners__partner_type",
    "Bundesland": "bundeslaender",
    "Jobcenter": "jobcenters",
}


def _related_practices_changed(sender, instance, **kwargs) -> None:
    practice_model = apps.get_model("practices", "PracticePage")
    relation = PRACTICE_RELATIONS[sender.__name__]
    outbox_record(objects=practice_model.objects.filter(**{relation: instance}).distinct())


for _model_name in PRACTICE_RELATIONS:
    _model = apps.get_model("practices", _model_name)
    post_save.connect(
        _related_practices_changed, sender=_model, dispatch_uid=f"search.{_model_name}.saved"
    )
    for _signal in (post_save, post_delete):
        _signal.connect(clear_cache, sender=_model, dispatch_uid=f"search.{_model_name}.labels")
for _signal in (post_save, post_delete):
    _signal.connect(clear_cache, sender=Synonym, dispatch_uid=f"search.synonym.{_signal}")


# Forum topics: a new or edited post changes its topic's document; so do moves and deletions.
def _topic_changed(sender, instance, **kwargs) -> None:
    outbox_record(objects=[instance])


def _post_changed(sender, instance, **kwargs) -> None:
    topic_model = apps.get_model("forum", "Topic")
    topic = topic_model.objects.filter(pk=instance.topic_id).first()
    if topic is not None:
        outbox_record(objects=[topic])


def _topic_taxonomy_changed(sender, instance, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        outbox_record(objects=[instance])


if apps.is_installed("forum"):
    try:
        _topic_model = apps.get_model("forum", "Topic")
        _post_model = apps.get_model("forum", "Post")
    except LookupError:
        _topic_model = None
    if _topic_model is not None:
        post_save.connect(_topic_changed, sender=_topic_model, dispatch_uid="search.topic_saved")
        post_save.connect(_post_changed, sender=_post_model, dispatch_uid="search.post_saved")
        post_delete.connect(_post_changed, sender=_post_model, dispatch_uid="search.post_deleted")
        m2m_changed.connect(
            _topic_taxonomy_changed,
            sender=_topic_model.fields_of_action.through,
            dispatch_uid="search.topic_fields_of_action",
        )


@receiver(post_migrate, dispatch_uid="search.editor_permissions")
def grant_synonym_permissions(sender, app_config=None, **kwargs) -> None:
    """The Redaktion maintains the synonyms (after the last app, when permissions exist)."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is None or app_config is not with_models[-1]:
        return
    from django.contrib.auth.models import Group, Permission

    from cms.accounts.groups import EDITORS

    permissions = Permission.objects.filter(
        content_type__app_label="search",
        codename__in=["add_synonym", "change_synonym", "delete_synonym", "view_synonym"],
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
