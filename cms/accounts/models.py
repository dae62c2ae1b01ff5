from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.regions import BUNDESLAENDER
from cms.validators import SingleLineFieldsMixin


class User(SingleLineFieldsMixin, AbstractUser):
    """A member of the platform; the profile fields are what colleagues see of each other."""

    display_name = models.CharField(
        _("display name"),
        max_length=100,
        blank=True,
        help_text=_("How your name appears to colleagues, e.g. “Anna Berger”."),
    )
    organisation = models.CharField(
        _("organisation / Jobcenter"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Jobcenter EN” or “Integrationscenter für Arbeit Gelsenkirchen”."),
    )
    function = models.CharField(
        _("function"),
        max_length=150,
        blank=True,
        help_text=_("e.g. “Netzwerkkoordinatorin” or “Integrationsfachkraft”."),
    )
    region = models.CharField(_("region"), max_length=2, blank=True, choices=BUNDESLAENDER)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.public_name

    def get_full_name(self) -> str:
        # Wagtail names people by their full name (history, locks, review e-mails); colleagues
        # know each other by the name they chose to show.
        return self.display_name or super().get_full_name()

    @property
    def public_name(self) -> str:
        return self.get_full_name() or self.username
