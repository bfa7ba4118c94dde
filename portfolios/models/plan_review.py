"""Plan review: in-app notices about a plan's steps, and a school's named plan approver."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .dossier import DevelopmentPlan

__all__ = ["PlanNotice", "SchoolPlanApprover"]


class PlanNotice(models.Model):
    """An in-app notice about a plan's step (submitted, sent back, agreed); also emailed."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Plan submitted")
        SENT_BACK = "sent_back", _("Plan sent back")
        AGREED = "agreed", _("Plan agreed")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notices")
    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("plan notice")
        verbose_name_plural = _("plan notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.plan_id}"


class SchoolPlanApprover(models.Model):
    """A school's setting: who agrees plans when a teacher's team has no team leader."""

    school = models.OneToOneField(
        "community.Organisation", on_delete=models.CASCADE, related_name="plan_approver_setting",
        verbose_name=_("school"), limit_choices_to={"kind": "school"},
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("approver")
    )

    class Meta:
        verbose_name = _("plan approver of a school")
        verbose_name_plural = _("plan approvers of schools")

    def __str__(self):
        return f"{self.school}: {self.approver}"
