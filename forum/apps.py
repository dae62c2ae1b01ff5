from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    label = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from . import home, receivers  # noqa: F401
        from .search import register

        register()
        home.register()
