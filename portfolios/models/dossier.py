"""Needs inventory, the development plan (POP), learning goals and planned activities."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = [
    "ActivityForm",
    "CompetenceRequirement",
    "DevelopmentPlan",
    "LearningGoal",
    "NeedsInventoryResponse",
    "NeedsInventoryRound",
    "PlannedActivity",
    "PlanStatus",
]


class CompetenceRequirement(models.TextChoices):
    SUBJECT = "subject", _("Subject competence (vakinhoudelijk)")
    DIDACTIC = "didactic", _("Subject-didactic competence (vakdidactisch)")
    PEDAGOGICAL = "pedagogical", _("Pedagogical competence (pedagogisch)")


class ActivityForm(models.TextChoices):
    STUDY_DAY = "study_day", _("Study day")
    COURSE = "course", _("Course")
    INTERNSHIP = "internship", _("Teacher internship")
    COACHING = "coaching", _("Coaching")
    SELF_STUDY = "self_study", _("Self-study")
    OTHER = "other", _("Other")


class NeedsInventoryRound(models.Model):
    """A hub-run round of the mandatory needs inventory for one school year."""

    school_year = models.CharField(_("school year"), max_length=9, unique=True, help_text=_("e.g. 2026-2027"))
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))

    class Meta:
        verbose_name = _("needs inventory round")
        verbose_name_plural = _("needs inventory rounds")
        ordering = ["-school_year"]
        constraints = [
            models.CheckConstraint(condition=Q(deadline__gte=models.F("opens_on")), name="round_deadline_after_open")
        ]

    def __str__(self):
        return self.school_year


class NeedsInventoryResponse(models.Model):
    round = models.ForeignKey(
        NeedsInventoryRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="needs_inventory_responses",
        verbose_name=_("person"),
    )
    # The deepening/broadening wanted, per profile: the A.5 report's `needs_deepening` count.
    deepening_profiles = models.ManyToManyField(
        "community.VmboProfile", blank=True, related_name="+", verbose_name=_("deepening or broadening in profiles")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("needs inventory response")
        verbose_name_plural = _("needs inventory responses")
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="one_response_per_round")]

    def __str__(self):
        return f"{self.person} — {self.round}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    AGREED = "agreed", _("Agreed")
    CLOSED = "closed", _("Closed")


class DevelopmentPlan(models.Model):
    """A teacher's personal development plan (POP) for one school year."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_plans",
        verbose_name=_("person"),
    )
    school_year = models.CharField(_("school year"), max_length=9)
    status = models.CharField(_("status"), max_length=24, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    hours_target = models.PositiveIntegerField(_("hours target"), default=80)
    budget = models.DecimalField(_("development budget (EUR)"), max_digits=8, decimal_places=2, default=Decimal("1000"))
    reflection = models.TextField(_("reflection"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-school_year"]
        constraints = [models.UniqueConstraint(fields=["person", "school_year"], name="one_plan_per_year")]

    def __str__(self):
        return f"{self.person} — {self.school_year}"


class LearningGoal(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals", verbose_name=_("plan"))
    title = models.CharField(_("what"), max_length=200)
    why = models.TextField(_("why"), blank=True)
    requirement = models.CharField(
        _("competence requirement"), max_length=16, choices=CompetenceRequirement.choices, blank=True
    )
    profile = models.ForeignKey(
        "community.VmboProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("profile"),
    )
    success_criteria = models.TextField(_("how you will know"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)

    class Meta:
        verbose_name = _("learning goal")
        verbose_name_plural = _("learning goals")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class PlannedActivity(models.Model):
    goal = models.ForeignKey(LearningGoal, on_delete=models.CASCADE, related_name="activities", verbose_name=_("goal"))
    form = models.CharField(_("kind"), max_length=16, choices=ActivityForm.choices)
    description = models.CharField(_("description"), max_length=200)
    planned_hours = models.DecimalField(
        _("planned hours"), max_digits=6, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    cost = models.DecimalField(
        _("cost (EUR)"), max_digits=8, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        ordering = ["pk"]

    def __str__(self):
        return self.description
