from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    label = "alerts"
    verbose_name = _("Saved searches")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
