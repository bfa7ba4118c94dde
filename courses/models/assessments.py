"""Models: assessments with a rubric (criteria on the course page, scores per assessment)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .programmes import CoursePage, Enrolment

__all__ = ['Assessment', 'AssessmentCriterion', 'AssessmentKind', 'AssessmentOutcome', 'AssessmentScore']


class AssessmentKind(models.TextChoices):
    INTAKE = "intake", _("Intake assessment")
    LESSON_OBSERVATION = "lesson_observation", _("Lesson observation")
    FINAL = "final", _("Final assessment")


class AssessmentCriterion(Orderable):
    """A rubric criterion of a course; scored 1–4 in each assessment of its kind."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("course"))
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what good looks like"), blank=True)
    kind = models.CharField(
        _("used in"), max_length=20, choices=AssessmentKind.choices, blank=True,
        help_text=_("Leave empty to use it in every kind of assessment."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")

    def __str__(self):
        return self.title


# Assessments --------------------------------------------------------------------------------


class AssessmentOutcome(models.TextChoices):
    PENDING = "pending", _("Not yet decided")
    PASSED = "passed", _("Passed")
    NOT_YET = "not_yet", _("Not yet at the required level")


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import assessments_visible_to

        return assessments_visible_to(user, self)

    def released(self):
        return self.filter(released_at__isnull=False)


class Assessment(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("enrolment"))
    kind = models.CharField(_("kind"), max_length=20, choices=AssessmentKind.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments_made", verbose_name=_("assessor")
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=AssessmentOutcome.choices, default=AssessmentOutcome.PENDING)
    feedback = models.TextField(_("overall feedback"), blank=True)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("released by"),
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.enrolment.person}"

    @property
    def is_released(self):
        return self.released_at is not None


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment"))
    criterion = models.ForeignKey(AssessmentCriterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion"))
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("1 = not yet visible, 2 = developing, 3 = at the required level, 4 = above it."),
    )
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="assessmentscore_unique"),
            models.CheckConstraint(condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=4), name="assessmentscore_range"),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"


