from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    WEEKLY = "weekly", _("Weekly")


class SearchKind(models.TextChoices):
    # The knowledge search (/suche/) and the practice library's filters (/praxisbeispiele/):
    # each stores the querystring of its own page, so a saved search opens as it was saved.
    SEARCH = "search", _("Search")
    PRACTICES = "practices", _("Practice library")


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SearchKind.choices)
    # The page's querystring as the page itself writes it (``alerts.selectors``).
    query = models.TextField(_("query"), blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Only content first published after this counts as new for the weekly digest.
    last_sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class SavedSearchHit(models.Model):
    """An item that was mailed for a saved search: each item is mailed at most once."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="hits")
    # The knowledge-index id of the item (e.g. ``practice-42``).
    doc_id = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "doc_id"], name="alerts_hit_once_per_search"
            )
        ]

    def __str__(self) -> str:
        return f"{self.saved_search_id}: {self.doc_id}"
