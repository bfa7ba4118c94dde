"""Models: programme events that need someone's action, mailed as one digest per person."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["ProgrammeNotice", "ProgrammeNoticeKind"]


class ProgrammeNoticeKind(models.TextChoices):
    FEEDBACK = "feedback", _("Feedback on an assignment")
    ASSESSMENT = "assessment", _("Assessment released")
    SESSION = "session", _("Session changed")


class ProgrammeNotice(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_notices", verbose_name=_("person")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ProgrammeNoticeKind.choices)
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("programme notice")
        verbose_name_plural = _("programme notices")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["person", "mailed_at"])]

    def __str__(self):
        return self.text
