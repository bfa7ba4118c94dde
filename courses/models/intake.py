"""Models: the intake (suitability assessment) for the hybrid-teacher programme."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.files import private_storage

from .programmes import Cohort, CoursePage, Enrolment

__all__ = ['IntakeApplication', 'IntakeBackground', 'IntakeStatus', 'IntakeStep', 'IntakeStepKind', 'IntakeStepOutcome']


# Intake -------------------------------------------------------------------------------------


class IntakeBackground(models.TextChoices):
    TECHNICAL = "technical", _("Technical")
    ADMINISTRATIVE = "administrative", _("Administrative")


class IntakeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_PROGRESS = "in_progress", _("Suitability assessment in progress")
    ADMITTED = "admitted", _("Admitted")
    NOT_ADMITTED = "not_admitted", _("Not admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def intake_upload_to(instance, filename):
    # A random folder: the application has no pk yet when its files are saved with it.
    return f"courses/intake/{uuid.uuid4().hex}/{filename}"


class IntakeApplication(models.Model):
    """An application for the hybrid-teacher programme; may come from someone without an account."""

    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="applications", verbose_name=_("course")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="intake_applications",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    employer = models.CharField(_("employer"), max_length=200)
    background = models.CharField(_("background"), max_length=20, choices=IntakeBackground.choices)
    motivation = models.TextField(_("motivation"), max_length=4000)
    availability = models.CharField(
        _("availability"), max_length=300, help_text=_("e.g. two days a week for teaching and study")
    )
    cv = models.FileField(
        _("CV"), storage=private_storage, upload_to=intake_upload_to, blank=True, max_length=300,
    )
    portfolio = models.FileField(
        _("portfolio"), storage=private_storage, upload_to=intake_upload_to, blank=True, max_length=300,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status = models.CharField(_("status"), max_length=16, choices=IntakeStatus.choices, default=IntakeStatus.SUBMITTED)
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("enrolment")
    )
    # The cohort chosen at admission; the enrolment follows once the applicant has an account.
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("cohort")
    )

    class Meta:
        verbose_name = _("intake application")
        verbose_name_plural = _("intake applications")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} ({self.submitted_at:%Y})"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class IntakeStepKind(models.TextChoices):
    # The suitability assessment for career changers, in order.
    PORTFOLIO = "portfolio", _("Portfolio")
    ASSESSMENT = "assessment", _("Assessment")
    LESSON_OBSERVATION = "lesson_observation", _("Lesson observation")
    INTERVIEW = "interview", _("Interview")


class IntakeStepOutcome(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    DOUBTFUL = "doubtful", _("Doubtful")
    NEGATIVE = "negative", _("Negative")


class IntakeStep(models.Model):
    application = models.ForeignKey(IntakeApplication, on_delete=models.CASCADE, related_name="steps", verbose_name=_("application"))
    kind = models.CharField(_("step"), max_length=20, choices=IntakeStepKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    outcome = models.CharField(_("outcome"), max_length=10, choices=IntakeStepOutcome.choices)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("assessor"),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("intake step")
        verbose_name_plural = _("intake steps")
        ordering = ["date", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "kind"], name="intakestep_unique_kind")]

    def __str__(self):
        return self.get_kind_display()

