from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import home, receivers  # noqa: F401 (the magazine section, invalidation)
        from .search import register

        register()
