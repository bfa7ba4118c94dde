"""AVG/GDPR: a person's request to have their data erased, handled by hub staff."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["ErasureRequest", "ErasureStatus"]


class ErasureStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Handled")
    DECLINED = "declined", _("Declined")


class ErasureRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ErasureStatus.OPEN)

    def visible_to(self, user):
        """Hub staff handle every request; a person sees only their own."""
        from ..permissions import is_hub_staff

        if not user.is_authenticated:
            return self.none()
        if is_hub_staff(user):
            return self
        return self.filter(person=user)


class ErasureRequest(models.Model):
    Status = ErasureStatus

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests", verbose_name=_("person")
    )
    created = models.DateTimeField(_("requested at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=ErasureStatus.choices, default=ErasureStatus.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)

    objects = ErasureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(status="open"), name="erasurerequest_one_open_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_status_display()}"
