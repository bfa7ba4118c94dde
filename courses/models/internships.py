"""Teacher internships (docentstages): offers by hosts, applications, placements."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from community.files import private_storage

__all__ = [
    "ApplicationStatus",
    "InternshipApplication",
    "InternshipKind",
    "InternshipOffer",
    "InternshipPlacement",
    "OfferStatus",
    "PlacementStatus",
]


class InternshipKind(models.TextChoices):
    # The three kinds of the sector's step plan.
    EXPLORING = "exploring", _("Exploring (orientation)")
    UPDATE = "update", _("Update (stay current)")
    DEEPENING = "deepening", _("Deepening")


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Listed")
    REJECTED = "rejected", _("Not approved")
    CLOSED = "closed", _("Closed")


class InternshipOfferQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(status=OfferStatus.APPROVED)

    def hosted_by(self, user):
        from ..permissions import internship_host_ids

        return self.filter(host_id__in=internship_host_ids(user))

    def visible_to(self, user):
        from ..permissions import internship_host_ids, is_hub_staff

        if not user.is_authenticated:
            return self.none()
        if is_hub_staff(user):
            return self
        return self.filter(Q(status=OfferStatus.APPROVED) | Q(host_id__in=internship_host_ids(user)))


class InternshipOffer(models.Model):
    host = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, related_name="internship_offers",
        verbose_name=_("host organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=InternshipKind.choices)
    description = models.TextField(_("description"))
    profiles = models.ManyToManyField("community.VmboProfile", blank=True, related_name="+", verbose_name=_("profiles"))
    tags = TaggableManager(blank=True, verbose_name=_("tags"), help_text=_("Comma-separated topics."))
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    hours = models.PositiveIntegerField(_("hours"), validators=[MinValueValidator(1)])
    places = models.PositiveSmallIntegerField(_("places"), default=1, validators=[MinValueValidator(1)])
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    status = models.CharField(_("status"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note from the hub"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InternshipOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("internship offer")
        verbose_name_plural = _("internship offers")
        ordering = ["period_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="internship_offer_period_order"),
        ]

    def __str__(self):
        return f"{self.title} ({self.host})"

    @property
    def is_listed(self):
        return self.status == OfferStatus.APPROVED


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InternshipApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import internship_host_ids, is_hub_staff

        if not user.is_authenticated:
            return self.none()
        if is_hub_staff(user):
            return self
        return self.filter(Q(applicant=user) | Q(offer__host_id__in=internship_host_ids(user)))


class InternshipApplication(models.Model):
    offer = models.ForeignKey(InternshipOffer, on_delete=models.CASCADE, related_name="applications", verbose_name=_("offer"))
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="internship_applications",
        verbose_name=_("applicant"),
    )
    motivation = models.TextField(_("motivation"), max_length=4000)
    goals = models.ManyToManyField(
        "portfolios.LearningGoal", blank=True, related_name="+", verbose_name=_("learning goals from your development plan")
    )
    goal_text = models.TextField(_("other learning goals"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED)
    decision_note = models.TextField(_("message to the applicant"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InternshipApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("internship application")
        verbose_name_plural = _("internship applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "applicant"], name="internship_one_application_per_offer"),
        ]

    def __str__(self):
        return f"{self.applicant} — {self.offer.title}"


class PlacementStatus(models.TextChoices):
    ACTIVE = "active", _("In progress")
    COMPLETED = "completed", _("Completed")


class InternshipPlacementQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import internship_host_ids, is_hub_staff

        if not user.is_authenticated:
            return self.none()
        if is_hub_staff(user):
            return self
        return self.filter(
            Q(application__applicant=user) | Q(application__offer__host_id__in=internship_host_ids(user))
        )

    def published(self):
        return self.filter(summary_published=True, status=PlacementStatus.COMPLETED).exclude(summary="")


class InternshipPlacement(models.Model):
    application = models.OneToOneField(InternshipApplication, on_delete=models.CASCADE, related_name="placement")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=16, choices=PlacementStatus.choices, default=PlacementStatus.ACTIVE)
    midway_date = models.DateField(_("mid-way check-in on"), null=True, blank=True)
    midway_notes = models.TextField(_("mid-way check-in"), blank=True, max_length=4000)
    report = models.TextField(_("final report"), blank=True, max_length=20000)
    deliverable = models.FileField(
        _("deliverable"), storage=private_storage, upload_to="internships/deliverables/%Y/", blank=True,
        help_text=_("What you made, e.g. improved lesson material (PDF or office file)."),
    )
    deliverable_description = models.CharField(_("what the deliverable is"), max_length=300, blank=True)
    report_submitted_at = models.DateTimeField(null=True, blank=True)
    host_feedback = models.TextField(_("feedback from the host"), blank=True, max_length=4000)
    completed_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(
        _("summary for colleagues"), blank=True, max_length=4000,
        help_text=_("What you learned and what colleagues can use; shown to all members when published."),
    )
    summary_published = models.BooleanField(_("summary published"), default=False)
    # The teacher's explicit choice: the deliverable (lesson material) goes with the published summary.
    deliverable_published = models.BooleanField(_("deliverable shared with members"), default=False)
    summary_published_at = models.DateTimeField(null=True, blank=True)

    objects = InternshipPlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("internship placement")
        verbose_name_plural = _("internship placements")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="internship_placement_dates_order"),
        ]

    def __str__(self):
        return str(self.application)

    @property
    def person(self):
        return self.application.applicant

    @property
    def offer(self):
        return self.application.offer

    @property
    def evidence_key(self):
        return f"courses.internship-placement:{self.pk}"

    @property
    def community_source_key(self):
        # The published summary's community post (services.placement_share_summary).
        return f"courses.placement:{self.pk}"

    @property
    def is_completed(self):
        return self.status == PlacementStatus.COMPLETED
