from django.apps import apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .groups import groups_sync


@receiver(post_migrate, dispatch_uid="accounts.groups_sync")
def sync_groups_after_migrate(sender, app_config=None, **kwargs) -> None:
    # post_migrate fires once per app with models, in INSTALLED_APPS order; permissions of
    # every app exist only once the last of them has been handled.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not None and app_config is with_models[-1]:
        groups_sync()
