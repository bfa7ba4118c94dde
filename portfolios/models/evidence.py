__all__ = ["EntryKind", "PortfolioEntry", "PortfolioEntryQuerySet"]

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    REFLECTION = "reflection", _("Reflection")
    CERTIFICATE = "certificate", _("Certificate")
    LESSON_MATERIAL = "lesson_material", _("Lesson material")
    STUDENT_WORK = "student_work", _("Photo of student work")
    INTERNSHIP_REPORT = "internship_report", _("Internship report")
    STUDY_DAY_ATTENDANCE = "study_day_attendance", _("Study-day attendance")
    COURSE_COMPLETION = "course_completion", _("Course completion")
    FEEDBACK = "feedback", _("Feedback received")
    OTHER = "other", _("Other")


class PortfolioEntryQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)


class PortfolioEntry(models.Model):
    """A piece of evidence in a teacher's portfolio. Private to its owner unless shared."""

    Kind = EntryKind

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="portfolio_entries",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EntryKind.choices, default=EntryKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), default=timezone.localdate)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    text = models.TextField(_("text"), blank=True)
    # Set when another app recorded this entry (e.g. "courses.registration:12"): makes
    # record_evidence idempotent per source.
    source_key = models.CharField(max_length=200, blank=True, editable=False)
    source_url = models.CharField(max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PortfolioEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("portfolio entry")
        verbose_name_plural = _("portfolio entries")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source_key"],
                condition=~Q(source_key=""),
                name="portfolioentry_unique_source_per_owner",
            ),
            models.CheckConstraint(condition=Q(hours__gte=0), name="portfolioentry_hours_not_negative"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_recorded_evidence(self):
        return bool(self.source_key)
