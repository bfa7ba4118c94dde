"""Models: on-the-job coaching, for trainees and guest teachers alike."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .programmes import Enrolment

__all__ = ['CoachingSession']


# On-the-job coaching ------------------------------------------------------------------------


class CoachingQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import coaching_visible_to

        return coaching_visible_to(user, self)


class CoachingSession(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="coaching_sessions", verbose_name=_("coached person"))
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coaching_given", verbose_name=_("coach"))
    date = models.DateField(_("date"), default=timezone.localdate)
    lesson_observed = models.CharField(_("lesson observed"), max_length=200, blank=True)
    focus = models.TextField(_("focus"))
    agreements = models.TextField(_("agreements"), blank=True)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, default=Decimal("1"))
    response = models.TextField(_("response"), blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    objects = CoachingQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d-%m-%Y} — {self.enrolment.person}"


