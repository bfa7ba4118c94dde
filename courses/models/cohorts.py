"""Models: a cohort's sessions with attendance, and trainees' submissions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.files import private_storage

from .programmes import Assignment, Cohort, Enrolment, submission_upload_to

__all__ = ['Attendance', 'AttendanceStatus', 'CohortSession', 'Submission']


# Sessions and attendance --------------------------------------------------------------------


class CohortSession(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("cohort"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]

    def __str__(self):
        return f"{self.topic} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    @property
    def is_past(self):
        return self.starts_at < timezone.now()


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Absent with notice")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    session = models.ForeignKey(CohortSession, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("session"))
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("enrolment"))
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus.choices)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"], name="attendance_unique")]

    def __str__(self):
        return f"{self.session_id}: {self.get_status_display()}"


# Submissions --------------------------------------------------------------------------------


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(enrolment__in=Enrolment.objects.visible_to(user))


class Submission(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("enrolment"))
    assignment = models.ForeignKey(
        Assignment, on_delete=models.SET_NULL, null=True, related_name="submissions", verbose_name=_("assignment")
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to=submission_upload_to, blank=True, max_length=300)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    feedback = models.TextField(_("feedback"), blank=True)
    feedback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("feedback by"),
    )
    feedback_at = models.DateTimeField(_("feedback at"), null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "assignment"], condition=Q(assignment__isnull=False),
                name="submission_one_per_assignment",
            )
        ]

    def __str__(self):
        return self.title


