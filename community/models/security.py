"""A security log per person: logins, failed logins, two-step and password changes, roles."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SecurityEventKind(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    TWO_STEP_FAILED = "two_step_failed", _("Wrong two-step code")
    TWO_STEP_ADDED = "two_step_added", _("Two-step login method added")
    TWO_STEP_REMOVED = "two_step_removed", _("Two-step login method removed")
    RECOVERY_CODES = "recovery_codes", _("New recovery codes")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset by email")
    ROLE_CHANGED = "role_changed", _("Role changed")


class SecurityEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import is_hub_staff

        if not user.is_authenticated:
            return self.none()
        return self if is_hub_staff(user) else self.filter(person=user)


class SecurityEvent(models.Model):
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_events")
    kind = models.CharField(_("event"), max_length=32, choices=SecurityEventKind.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    objects = SecurityEventQuerySet.as_manager()
    # A log row links to nothing Wagtail tracks: no reference-index task per login.
    wagtail_reference_index_ignore = True
    dashboard_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["person", "-at"], name="security_person_at")]
        verbose_name = _("security event")
        verbose_name_plural = _("security events")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
