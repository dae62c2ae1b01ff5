from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    label = "practices"
    verbose_name = _("Practice library")

    def ready(self) -> None:
        from . import home, receivers  # noqa: F401
        from .search import register

        register()
        home.register()
