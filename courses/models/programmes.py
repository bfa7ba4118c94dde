"""Models: programmes — courses and modules (Wagtail pages), cohorts, enrolments, progress.

Assignments are an `Assignment` model tied to the module page (an InlinePanel in the page
editor), not a StreamField block: a submission needs a stable database key, due dates are
queried across a course in one query, and removing an assignment from a module must not
lose the trainees' work (the submission keeps a title snapshot and survives SET_NULL).

Sessions and submissions live in `cohorts.py`, assessments in `assessments.py`, coaching in
`coaching.py`, the intake in `intake.py`.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
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

__all__ = [
    "Assignment",
    "Cohort",
    "CourseIndexPage",
    "CourseKind",
    "CoursePage",
    "Enrolment",
    "EnrolmentStatus",
    "ModulePage",
    "ModuleProgress",
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
        if self.kind == CourseKind.GUEST_TEACHER:
            from ..services.trainings import can_sign_up_for_training

            context["can_sign_up"] = can_sign_up_for_training(request.user)
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
            from .cohorts import Submission

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
        ordering = ["cohort", "person__sort_name", "pk"]
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



# Kept here: migration 0001 refers to courses.models.programmes.submission_upload_to.


# Migration 0001 refers to this path; the Submission model lives in cohorts.py.
def submission_upload_to(instance, filename):
    return f"courses/submissions/{instance.enrolment_id}/{filename}"
