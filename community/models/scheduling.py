from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PeriodicJobRun(models.Model):
    """One run of a periodic job for one period. The unique (job, period) row is the claim:
    whichever scheduler inserts it first runs the job, every other one skips it."""

    job = models.CharField(_("job"), max_length=64)
    period = models.CharField(_("period"), max_length=32)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=JobRunStatus.choices, default=JobRunStatus.RUNNING)
    message = models.CharField(_("result"), max_length=500, blank=True)
    runner = models.CharField(_("run by"), max_length=200, blank=True, help_text=_("Host and process id."))

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")
        ordering = ["-started_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="periodic_job_once_per_period")]
        indexes = [models.Index(fields=["job", "-started_at"])]

    def __str__(self):
        return f"{self.job} {self.period}"
