"""Needs inventory, the development plan (POP), learning goals and planned activities."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting

__all__ = [
    "ActivityForm",
    "CompetenceRequirement",
    "DevelopmentPlan",
    "DevelopmentPlanQuerySet",
    "DossierSettings",
    "InventoryReminder",
    "LearningGoal",
    "NeedsInventoryResponse",
    "NeedsInventoryRound",
    "PlanEvent",
    "PlannedActivity",
    "PlanStatus",
    "SelfAssessment",
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


class NeedsInventoryRoundQuerySet(models.QuerySet):
    def open_on(self, on=None):
        on = on or timezone.localdate()
        return self.filter(opens_on__lte=on, deadline__gte=on)


class NeedsInventoryRound(models.Model):
    """A hub-run round of the mandatory needs inventory for one school year."""

    school_year = models.CharField(_("school year"), max_length=9, unique=True, help_text=_("e.g. 2026-2027"))
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))

    # When the opening email went out (once per round, by the worker).
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NeedsInventoryRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs inventory round")
        verbose_name_plural = _("needs inventory rounds")
        ordering = ["-school_year"]
        constraints = [
            models.CheckConstraint(condition=Q(deadline__gte=models.F("opens_on")), name="round_deadline_after_open")
        ]

    def __str__(self):
        return self.school_year

    def is_open(self, on=None):
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.deadline

    def overlapping(self):
        """Other rounds open on at least one of this round's days."""
        if not (self.opens_on and self.deadline):
            return NeedsInventoryRound.objects.none()
        return NeedsInventoryRound.objects.exclude(pk=self.pk).filter(
            opens_on__lte=self.deadline, deadline__gte=self.opens_on
        )

    def clean(self):
        from django.core.exceptions import ValidationError

        clash = self.overlapping().first()
        if clash is not None:
            raise ValidationError(
                _("Round %(year)s is open on some of these days. Only one round can be open at a time.")
                % {"year": clash.school_year}
            )


class SelfAssessment(models.IntegerChoices):
    NEEDS_WORK = 1, _("I want to develop this")
    DEVELOPING = 2, _("Developing")
    COMPETENT = 3, _("Competent")
    STRONG = 4, _("Strong: I can help colleagues")


class NeedsInventoryResponseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the teacher's own answers; HR and hub see rates and counts (reports)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(person=user)

    def submitted(self):
        return self.filter(submitted_at__isnull=False)


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
    profiles_taught = models.ManyToManyField(
        "community.VmboProfile", blank=True, related_name="+", verbose_name=_("profiles you teach")
    )
    authorisation_status = models.TextField(
        _("your authorisation status"), blank=True,
        help_text=_("Pre-filled where the platform knows it; correct it if needed."),
    )
    subject_assessment = models.PositiveSmallIntegerField(
        _("subject competence (vakinhoudelijk)"), choices=SelfAssessment.choices, null=True, blank=True
    )
    didactic_assessment = models.PositiveSmallIntegerField(
        _("subject-didactic competence (vakdidactisch)"), choices=SelfAssessment.choices, null=True, blank=True
    )
    pedagogical_assessment = models.PositiveSmallIntegerField(
        _("pedagogical competence (pedagogisch)"), choices=SelfAssessment.choices, null=True, blank=True
    )
    upskilling_profiles = models.ManyToManyField(
        "community.VmboProfile", blank=True, related_name="+",
        verbose_name=_("profiles you need upskilling for (full authorisation)"),
    )
    authorisation_needs = models.TextField(_("what you need for authorisation"), blank=True)
    deepening_topics = models.TextField(_("deepening or broadening: topics"), blank=True)
    # ActivityForm values, in the order the teacher ticked them.
    preferred_forms = models.JSONField(_("preferred forms"), default=list, blank=True)
    remarks = models.TextField(_("anything else"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NeedsInventoryResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs inventory response")
        verbose_name_plural = _("needs inventory responses")
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="one_response_per_round")]

    def __str__(self):
        return f"{self.person} — {self.round}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    def assessments(self):
        """(requirement label, answer label) for the three competence requirements."""
        return [
            (CompetenceRequirement.SUBJECT.label, self.get_subject_assessment_display()),
            (CompetenceRequirement.DIDACTIC.label, self.get_didactic_assessment_display()),
            (CompetenceRequirement.PEDAGOGICAL.label, self.get_pedagogical_assessment_display()),
        ]

    def preferred_form_labels(self):
        labels = dict(ActivityForm.choices)
        return [labels[v] for v in self.preferred_forms if v in labels]


class InventoryReminder(models.Model):
    """One reminder email sent: makes the daily reminder run idempotent per person per day."""

    round = models.ForeignKey(NeedsInventoryRound, on_delete=models.CASCADE, related_name="reminders")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("inventory reminder")
        verbose_name_plural = _("inventory reminders")
        constraints = [
            models.UniqueConstraint(fields=["round", "person", "sent_on"], name="one_reminder_per_person_per_day")
        ]

    def __str__(self):
        return f"{self.person_id} — {self.round_id} — {self.sent_on}"


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    AGREED = "agreed", _("Agreed")
    CLOSED = "closed", _("Closed")


def _teacher_ids_in(filter_q):
    from community.models import Membership, Role

    return Membership.objects.active().filter(filter_q, role__in=[Role.TEACHER, Role.TRAINEE]).values("person_id")


class DevelopmentPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Full content: the teacher, and the team leader of the teacher's team (not their own)."""
        if not user.is_authenticated:
            return self.none()
        teams = led_team_ids_of(user)
        others = Q(pk__in=self.model.reviewers.through.objects.filter(person=user).values("developmentplan_id"))
        if teams:
            others |= Q(person__in=_teacher_ids_in(Q(team_id__in=teams)))
        # Reviewers (team leader, a school's team leaders, HR, a named approver) see submitted
        # plans of people still with an account: an anonymised person's plan is nobody's to read.
        return self.filter(Q(person=user) | (others & ~Q(status=PlanStatus.DRAFT) & Q(person__is_active=True)))

    def led_by(self, user):
        """Plans this person reviews: of the teams they lead, or sent to them (never their own)."""
        if not user.is_authenticated:
            return self.none()
        teams = led_team_ids_of(user)
        q = Q(pk__in=self.model.reviewers.through.objects.filter(person=user).values("developmentplan_id"))
        if teams:
            q |= Q(person__in=_teacher_ids_in(Q(team_id__in=teams)))
        return self.filter(q).exclude(person=user)

    def status_visible_to(self, user):
        """HR sees each plan's status (and nothing else) for its own school."""
        from community.permissions import hr_school_ids

        schools = hr_school_ids(user)
        if not schools:
            return self.none()
        return self.filter(person__in=_teacher_ids_in(Q(organisation_id__in=schools)))


def led_team_ids_of(user):
    from community.permissions import led_team_ids

    return led_team_ids(user)


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
    inventory_response = models.ForeignKey(
        NeedsInventoryResponse, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("drafted from inventory"),
    )
    # Who the plan was sent to when submitted (see services.dossier.plan_approvers).
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="plans_to_review", verbose_name=_("sent to")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DevelopmentPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["-school_year"]
        constraints = [models.UniqueConstraint(fields=["person", "school_year"], name="one_plan_per_year")]

    def __str__(self):
        return f"{self.person} — {self.school_year}"

    @property
    def is_editable(self):
        """The teacher edits goals while drafting or after the team leader asked for changes."""
        return self.status in (PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED)

    def status_badge(self):
        return {
            PlanStatus.DRAFT: "neutral",
            PlanStatus.SUBMITTED: "warn",
            PlanStatus.CHANGES_REQUESTED: "bad",
            PlanStatus.AGREED: "ok",
            PlanStatus.CLOSED: "neutral",
        }[self.status]


class PlanEvent(models.Model):
    """One step in a plan's workflow: the history the teacher and team leader both see."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="events", verbose_name=_("plan"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=24, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=PlanStatus.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("plan event")
        verbose_name_plural = _("plan events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.plan}: {self.from_status} → {self.to_status}"


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
    completed = models.BooleanField(_("done"), default=False)
    # The evidence that finished it (recorded by another app or chosen by the teacher): its
    # hours count instead of the planned hours, so a finished activity counts once.
    evidence = models.OneToOneField(
        "portfolios.PortfolioEntry", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="plan_activity", verbose_name=_("evidence in your portfolio"),
    )

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        ordering = ["pk"]

    def __str__(self):
        return self.description


class DossierSettings(BaseGenericSetting):
    """Defaults hub staff set for every new development plan (Wagtail admin → Settings)."""

    hours_target = models.PositiveIntegerField(_("hours target per school year"), default=80)
    budget = models.DecimalField(
        _("development budget (EUR)"), max_digits=8, decimal_places=2, default=Decimal("1000"),
        validators=[MinValueValidator(0)],
    )
    budget_period_years = models.PositiveSmallIntegerField(
        _("budget period (school years)"), default=4, validators=[MinValueValidator(1)],
        help_text=_("The budget covers this many school years together."),
    )
    reminder_days = models.CharField(
        _("reminder days before the deadline"), max_length=40, default="14,7,1",
        help_text=_("Comma-separated, e.g. 14,7,1: reminders go out on those days before the deadline."),
    )

    class Meta:
        verbose_name = _("dossier settings")

    @classmethod
    def get_permission_policy(cls):
        from ..dossier_permissions import HubStaffPolicy

        return HubStaffPolicy(cls)

    def reminder_day_numbers(self) -> set[int]:
        return {int(part) for part in self.reminder_days.replace(" ", "").split(",") if part.isdigit()}
