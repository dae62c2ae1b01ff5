from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An e-mail waiting to leave: written with the change that causes it, deleted once sent.

    A row whose sending failed stays with its error and the time of the next attempt; after
    ``services.MAX_ATTEMPTS`` it is marked ``given_up`` and kept for the operators.
    """

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    from_email = models.CharField(_("sender"), max_length=255, blank=True)
    to = models.JSONField(_("recipients"), default=list)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    # A sender holds the row until then, so a retry running at the same time leaves it alone.
    locked_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    given_up = models.BooleanField(_("given up"), default=False)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["given_up", "next_attempt_at"], name="mail_due_idx"),
        ]

    def __str__(self) -> str:
        return self.subject
