"""Study days: Wagtail pages authored by the hub, and what people do with them.

Workshops are an InlinePanel of `Workshop` rows (not StreamField blocks) because
registrations point at them with a real foreign key: the row can be locked with
select_for_update when the last place is taken, survives edits of the page (modelcluster
keeps the pk of an unchanged child), and its capacity is a column the database can count.
The rest of the programme (plenary talks, breaks) is a StreamField.
"""

import secrets
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

__all__ = [
    "CalendarFeed",
    "MaterialAudience",
    "RegistrationStatus",
    "Speaker",
    "StudyDayFeedback",
    "StudyDayCancellation",
    "StudyDayIndexPage",
    "StudyDayMaterial",
    "StudyDayPage",
    "StudyDayPageTag",
    "StudyDayRegistration",
    "Workshop",
    "WorkshopChoice",
]


class Speaker(models.Model):
    """A reusable speaker (snippet). The photo is a Wagtail image: public, hub content."""

    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("organisation or role"), max_length=200, blank=True)
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("photo"),
    )

    panels = [FieldPanel("name"), FieldPanel("affiliation"), FieldPanel("bio"), FieldPanel("photo")]

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class SessionBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label=_("Start"))
    end = blocks.TimeBlock(label=_("End"), required=False)
    title = blocks.CharBlock(label=_("Title"))
    room = blocks.CharBlock(label=_("Room"), required=False)
    speaker = SnippetChooserBlock("courses.Speaker", label=_("Speaker"), required=False)
    description = blocks.RichTextBlock(label=_("Description"), required=False, features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "time"
        label = _("Session")
        template = "courses/studydays/blocks/session.html"


class ProgrammeBlock(blocks.StreamBlock):
    session = SessionBlock()
    workshop_round = blocks.StructBlock(
        [
            ("start", blocks.TimeBlock(label=_("Start"))),
            ("end", blocks.TimeBlock(label=_("End"), required=False)),
            ("title", blocks.CharBlock(label=_("Title"), default=_("Workshop round"))),
        ],
        label=_("Workshop round (lists the workshops that start in this slot)"),
        icon="group",
        template="courses/studydays/blocks/workshop_round.html",
    )


class StudyDayIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types = ["courses.StudyDayPage"]
    max_count = 1
    template = "courses/studydays/study_day_index_page.html"

    class Meta:
        verbose_name = _("study day index")

    def route(self, request, path_components):
        """A study day in one query (the default reads the child, then its specific row)."""
        if len(path_components) == 1:
            day = StudyDayPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if day is not None:
                day._cached_parent_obj = self  # treebeard's get_parent cache: the page links back here
                return day.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..services.studydays import study_day_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(study_day_listing(index=self, params=request.GET))
        return context


class StudyDayPageTag(TaggedItemBase):
    content_object = ParentalKey("courses.StudyDayPage", related_name="tagged_items", on_delete=models.CASCADE)


class StudyDayPage(Page):
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    location = models.CharField(_("location"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    programme = StreamField(ProgrammeBlock(), verbose_name=_("programme"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), default=100, validators=[MinValueValidator(1)])
    registration_opens = models.DateField(_("registration opens"))
    registration_closes = models.DateField(
        _("registration closes"), help_text=_("Last day to register or cancel (inclusive).")
    )
    profiles = ParentalManyToManyField(
        "community.VmboProfile", blank=True, related_name="+", verbose_name=_("intended profiles")
    )
    for_teachers = models.BooleanField(_("for teachers"), default=True)
    for_trainees = models.BooleanField(_("for hybrid teachers in training"), default=True)
    for_guest_teachers = models.BooleanField(
        _("for guest teachers"), default=False, help_text=_("Company staff who teach guest lessons.")
    )
    credited_hours = models.DecimalField(
        _("hours credited for attending"), max_digits=5, decimal_places=2, default=Decimal("6"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    tags = ClusterTaggableManager(through=StudyDayPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("location"),
                FieldPanel("address"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("introduction"),
        FieldPanel("programme"),
        InlinePanel("workshops", heading=_("Workshops"), label=_("Workshop")),
        InlinePanel("materials", heading=_("Material"), label=_("Material")),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
                FieldPanel("profiles", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("for_teachers"), FieldPanel("for_trainees"), FieldPanel("for_guest_teachers")]),
                FieldPanel("credited_hours"),
                FieldPanel("tags"),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), index.FilterField("date")]
    parent_page_types = ["courses.StudyDayIndexPage"]
    subpage_types = []
    template = "courses/studydays/study_day_page.html"

    class Meta:
        verbose_name = _("study day")
        verbose_name_plural = _("study days")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        errors = {}
        if self.end_time and self.start_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The day must end after it starts.")
        if self.registration_opens and self.registration_closes and self.registration_closes < self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        if self.registration_closes and self.date and self.registration_closes > self.date:
            errors["registration_closes"] = _("Registration must close on or before the day itself.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.date < timezone.localdate()

    @property
    def is_cancelled(self):
        return StudyDayCancellation.objects.filter(study_day_id=self.pk).exists()

    @property
    def registration_is_open(self):
        today = timezone.localdate()
        return self.registration_opens <= today <= self.registration_closes

    @property
    def can_cancel(self):
        return timezone.localdate() <= self.registration_closes

    def intended_roles_display(self):
        labels = []
        if self.for_teachers:
            labels.append(_("teachers"))
        if self.for_trainees:
            labels.append(_("hybrid teachers in training"))
        if self.for_guest_teachers:
            labels.append(_("guest teachers"))
        return labels

    def get_context(self, request, *args, **kwargs):
        from ..services.studydays import study_day_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(study_day_page_context(page=self, user=request.user))
        return context


class Workshop(Orderable):
    page = ParentalKey(StudyDayPage, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("title"), max_length=200)
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    speaker = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="workshops",
        verbose_name=_("speaker"),
    )
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), default=20, validators=[MinValueValidator(1)])

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time"), FieldPanel("room")]),
        FieldPanel("speaker"),
        FieldPanel("description"),
        FieldPanel("capacity"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def __str__(self):
        return f"{self.start_time:%H:%M} {self.title}"

    def overlaps(self, other):
        return self.start_time < other.end_time and other.start_time < self.end_time


class MaterialAudience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    PARTICIPANTS = "participants", _("Participants only")


class StudyDayMaterial(Orderable):
    page = ParentalKey(StudyDayPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Defaults to the document's title."))
    audience = models.CharField(_("who may open it"), max_length=16, choices=MaterialAudience.choices, default=MaterialAudience.PARTICIPANTS)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("audience")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("material")

    def __str__(self):
        return self.title or str(self.document)

    @property
    def display_title(self):
        return self.title or self.document.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Registered")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class StudyDayRegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import is_hub_staff

        if not user.is_authenticated:
            return self.none()
        if is_hub_staff(user):
            return self
        return self.filter(person=user)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class StudyDayRegistration(models.Model):
    """One person's registration for one study day (re-registering reuses the row)."""

    study_day = models.ForeignKey(StudyDayPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("study day"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_day_registrations",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED)
    # Waitlist order: the moment the person (re)joined; promotion goes oldest first.
    requested_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("place confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    # iCalendar SEQUENCE part: raised on every change a calendar must pick up (RFC 5545 3.8.7.4).
    ics_sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)

    objects = StudyDayRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("study-day registration")
        verbose_name_plural = _("study-day registrations")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["study_day", "person"], name="studyday_one_registration_per_person"),
        ]
        indexes = [models.Index(fields=["study_day", "status", "requested_at"])]

    def __str__(self):
        return f"{self.person} — {self.study_day}"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def evidence_key(self):
        return f"courses.studyday-registration:{self.pk}"


class WorkshopChoice(models.Model):
    """A registration's place in (or on the waitlist of) one workshop."""

    registration = models.ForeignKey(StudyDayRegistration, on_delete=models.CASCADE, related_name="workshop_choices")
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="choices", verbose_name=_("workshop"))
    status = models.CharField(_("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("workshop choice")
        verbose_name_plural = _("workshop choices")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "workshop"], name="studyday_one_choice_per_workshop"),
        ]

    def __str__(self):
        return f"{self.registration.person} — {self.workshop}"


class StudyDayFeedback(models.Model):
    registration = models.OneToOneField(StudyDayRegistration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (poor) to 5 (excellent)"),
    )
    comments = models.TextField(_("comments"), blank=True, max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("study-day feedback")
        verbose_name_plural = _("study-day feedback")
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1) & Q(rating__lte=5), name="studyday_feedback_rating_1_5"),
        ]

    def __str__(self):
        return f"{self.registration} — {self.rating}"


class StudyDayCancellation(models.Model):
    """A study day called off by the hub. A row of its own, not a page field, so publishing an
    older revision of the page can never bring the day back by accident."""

    study_day = models.OneToOneField(
        StudyDayPage, on_delete=models.CASCADE, related_name="cancellation", verbose_name=_("study day")
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), default=timezone.now)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("cancelled by"),
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("study-day cancellation")
        verbose_name_plural = _("study-day cancellations")

    def __str__(self):
        return str(self.study_day)


def _feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret token of a person's calendar feed; deleting the row revokes the URL."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_day_calendar")
    token = models.CharField(max_length=64, unique=True, default=_feed_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)


def workshop_counts(workshop_ids):
    """{workshop_id: confirmed places taken} in one query."""
    rows = (
        WorkshopChoice.objects.filter(
            workshop_id__in=workshop_ids, status=RegistrationStatus.CONFIRMED,
            registration__status=RegistrationStatus.CONFIRMED,
        )
        .values("workshop_id")
        .annotate(n=Count("pk"))
    )
    return {r["workshop_id"]: r["n"] for r in rows}
