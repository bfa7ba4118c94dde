"""Models: programmes — courses and modules (Wagtail pages), cohorts, enrolments, intake,
sessions and attendance, assignments and submissions, assessments, on-the-job coaching.

Assignments are an `Assignment` model tied to the module page (an InlinePanel in the page
editor), not a StreamField block: a submission needs a stable database key, due dates are
queried across a course in one query, and removing an assignment from a module must not
lose the trainees' work (the submission keeps a title snapshot and survives SET_NULL).
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from community.files import private_storage

__all__ = [
    "Assessment",
    "AssessmentCriterion",
    "AssessmentKind",
    "AssessmentOutcome",
    "AssessmentScore",
    "Assignment",
    "Attendance",
    "AttendanceStatus",
    "CoachingSession",
    "Cohort",
    "CohortSession",
    "CourseIndexPage",
    "CourseKind",
    "CoursePage",
    "Enrolment",
    "EnrolmentStatus",
    "IntakeApplication",
    "IntakeBackground",
    "IntakeStatus",
    "IntakeStep",
    "IntakeStepKind",
    "IntakeStepOutcome",
    "ModulePage",
    "ModuleProgress",
    "Submission",
]

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class CourseKind(models.TextChoices):
    HYBRID_TEACHER = "hybrid_teacher", _("Hybrid-teacher programme")
    UPSKILLING = "upskilling", _("Upskilling route toward authorisation")
    GUEST_TEACHER = "guest_teacher", _("Short training for guest teachers")


# Pages --------------------------------------------------------------------------------------


class CourseIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["courses.CoursePage"]
    template = "courses/programmes/course_index_page.html"

    class Meta:
        verbose_name = _("course index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.live().public().child_of(self).order_by("path")
        return context


class CoursePage(Page):
    """The public overview of a course; its modules are ModulePage children."""

    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices, default=CourseKind.HYBRID_TEACHER)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)
    audience = models.CharField(_("for whom"), max_length=300, blank=True)
    hours = models.DecimalField(
        _("study load in hours"), max_digits=6, decimal_places=1, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Recorded in the portfolio on completion."),
    )
    accepts_applications = models.BooleanField(
        _("accepts applications"), default=False,
        help_text=_("Show the intake application form on the course page."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("hours"),
        FieldPanel("accepts_applications"),
        InlinePanel("criteria", label=_("Assessment criteria (rubric)")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("intro")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/programmes/course_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.title

    def modules(self):
        return ModulePage.objects.live().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from ..permissions import can_read_course_content

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = list(self.modules().specific())
        context["can_read_modules"] = can_read_course_content(request.user, self)
        own = None
        if request.user.is_authenticated:
            own = (
                Enrolment.objects.filter(person=request.user, cohort__course=self)
                .select_related("cohort").order_by("-cohort__start_date").first()
            )
        context["own_enrolment"] = own
        return context


class ModuleBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", icon="title")
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)
    video = blocks.StructBlock(
        [
            ("embed", EmbedBlock(label=_("Video URL"))),
            ("caption", blocks.CharBlock(label=_("Caption"), required=False)),
        ],
        label=_("Video"), icon="media",
    )
    document = blocks.StructBlock(
        [
            ("document", DocumentChooserBlock(label=_("Document"))),
            ("description", blocks.CharBlock(label=_("Description"), required=False)),
        ],
        label=_("Document"), icon="doc-full",
    )
    assignment_description = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("Title"))),
            ("description", blocks.RichTextBlock(label=_("Description"), features=RICH_FEATURES)),
        ],
        label=_("Assignment description"), icon="tasks",
        help_text=_("Explains an assignment in the flow of the text; trainees submit the assignments listed below."),
    )


class ModulePage(Page):
    """Module content: only for people enrolled in a cohort of the course, its staff and hub staff."""

    summary = models.CharField(_("summary"), max_length=300, blank=True, help_text=_("Public: shown on the course overview."))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=Decimal("0"))
    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hours"),
        FieldPanel("body"),
        InlinePanel("assignments", label=_("Assignments trainees submit")),
    ]
    # Only the public parts (title, summary) are indexed: the body stays out of site search.
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    template = "courses/programmes/module_page.html"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        from ..permissions import can_read_course_content

        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        course = self.get_parent().specific
        if not can_read_course_content(request.user, course):
            return TemplateResponse(
                request, "courses/programmes/module_restricted.html", {"page": self, "course": course}, status=403
            )
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        context["course"] = course
        enrolment = (
            Enrolment.objects.filter(person=request.user, cohort__course=course, status=EnrolmentStatus.ACTIVE)
            .select_related("cohort").first()
        )
        context["enrolment"] = enrolment
        assignments = list(self.assignments.all())
        if enrolment:
            submitted = set(
                Submission.objects.filter(enrolment=enrolment, assignment__in=assignments).values_list("assignment_id", flat=True)
            )
            for a in assignments:
                a.due = a.due_date(enrolment.cohort)
                a.submitted = a.pk in submitted
            context["done"] = ModuleProgress.objects.filter(enrolment=enrolment, module=self).exists()
        context["assignments"] = assignments
        return context


class Assignment(Orderable):
    module = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("module"))
    title = models.CharField(_("title"), max_length=200)
    description = RichTextField(_("description"), blank=True, features=RICH_FEATURES)
    due_after_days = models.PositiveSmallIntegerField(
        _("due (days after the cohort starts)"), default=28,
    )
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=Decimal("0"))
    allows_file = models.BooleanField(_("allows a file"), default=True)

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("due_after_days"), FieldPanel("hours"), FieldPanel("allows_file")]

    class Meta(Orderable.Meta):
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return self.title

    def due_date(self, cohort):
        return cohort.start_date + timedelta(days=self.due_after_days)


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


# Cohorts and enrolments ---------------------------------------------------------------------


class CohortQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import cohorts_visible_to

        return cohorts_visible_to(user, self)


class Cohort(models.Model):
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="cohorts", verbose_name=_("course"))
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coordinated_cohorts",
        verbose_name=_("coordinator"),
    )
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coached_cohorts", verbose_name=_("coaches")
    )
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assessed_cohorts",
        verbose_name=_("company mentors (assessors)"),
    )

    objects = CohortQuerySet.as_manager()

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="cohort_unique_name_per_course"),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="cohort_end_after_start"),
        ]

    def __str__(self):
        return f"{self.name} — {self.course.title}"


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import enrolments_visible_to

        return enrolments_visible_to(user, self)


class Enrolment(models.Model):
    """A person following a course in a cohort (a trainee, or a guest teacher in a training)."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("cohort"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("trainee")
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="coached_enrolments",
        verbose_name=_("coach"),
    )
    status = models.CharField(_("status"), max_length=12, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE)
    enrolled_on = models.DateField(_("enrolled on"), default=timezone.localdate)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=40, blank=True, editable=False)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["cohort", "person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="enrolment_unique_person_per_cohort"),
        ]

    def __str__(self):
        return f"{self.person} — {self.cohort.name}"


class ModuleProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress", verbose_name=_("enrolment"))
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("module"))
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [models.UniqueConstraint(fields=["enrolment", "module"], name="moduleprogress_unique")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.module_id}"


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


def submission_upload_to(instance, filename):
    return f"courses/submissions/{instance.enrolment_id}/{filename}"


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
