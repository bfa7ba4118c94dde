__all__ = [
    "COMMUNITY_SHAREABLE_KINDS",
    "Attachment",
    "EntryKind",
    "PortfolioEntry",
    "PortfolioEntryQuerySet",
    "Showcase",
    "ShowcaseQuerySet",
    "school_year_bounds",
]

import secrets
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from community.files import private_storage


class EntryKind(models.TextChoices):
    REFLECTION = "reflection", _("Reflection")
    CERTIFICATE = "certificate", _("Certificate")
    LESSON_MATERIAL = "lesson_material", _("Lesson material")
    STUDENT_WORK = "student_work", _("Photo of student work")
    INTERNSHIP_REPORT = "internship_report", _("Internship report")
    STUDY_DAY_ATTENDANCE = "study_day_attendance", _("Study-day attendance")
    COURSE_COMPLETION = "course_completion", _("Course completion")
    FEEDBACK = "feedback", _("Feedback received")
    OTHER = "other", _("Other")


# Kinds that make an experience colleagues can learn from: the owner may share them into the
# community with one click (issue 7, "Links to the rest"). Certificates and feedback stay out.
COMMUNITY_SHAREABLE_KINDS = (
    EntryKind.INTERNSHIP_REPORT,
    EntryKind.STUDY_DAY_ATTENDANCE,
    EntryKind.REFLECTION,
    EntryKind.LESSON_MATERIAL,
)


class PortfolioEntryQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(owner=user)

    def visible_to(self, user):
        """The owner's entries, plus entries their owner shared with this person.

        Sharing with the team leader reaches the leader of a team the owner teaches in;
        with HR, HR of a school the owner works at; with the community, anyone holding an
        active role. Hub staff get no special access: they see counts only.
        """
        if not user.is_authenticated:
            return self.none()
        from community.models import Membership
        from community.permissions import hr_school_ids, led_team_ids

        q = Q(owner=user) | Q(shared_with_people=user)
        if user.active_memberships:
            q |= Q(shared_with_community=True)
        teams = led_team_ids(user)
        if teams:
            q |= Q(shared_with_team_leader=True, owner__in=Membership.objects.active().filter(team_id__in=teams).values("person_id"))
        schools = hr_school_ids(user)
        if schools:
            q |= Q(shared_with_hr=True, owner__in=Membership.objects.active().filter(organisation_id__in=schools).values("person_id"))
        return self.filter(pk__in=self.model.objects.filter(q).values("pk"))

    def shared_with(self, user):
        return self.visible_to(user).exclude(owner=user)

    def in_school_year(self, school_year: str):
        start, end = school_year_bounds(school_year)
        return self.filter(date__gte=start, date__lte=end)


def school_year_bounds(school_year: str):
    """'2026-2027' → (1 August 2026, 31 July 2027)."""
    from datetime import date

    first = int(school_year[:4])
    return date(first, 8, 1), date(first + 1, 7, 31)


class PortfolioEntry(models.Model):
    """A piece of evidence in a teacher's portfolio. Private to its owner unless shared."""

    Kind = EntryKind

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="portfolio_entries",
        verbose_name=_("owner"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=EntryKind.choices, default=EntryKind.OTHER)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), default=timezone.localdate)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=2, default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    text = models.TextField(_("text"), blank=True)
    # Set when another app recorded this entry (e.g. "courses.registration:12"): makes
    # record_evidence idempotent per source.
    source_key = models.CharField(max_length=200, blank=True, editable=False)
    source_url = models.CharField(max_length=500, blank=True, editable=False)
    tags = TaggableManager(verbose_name=_("tags"), blank=True, help_text=_("Comma-separated."))
    goals = models.ManyToManyField(
        "portfolios.LearningGoal", blank=True, related_name="entries", verbose_name=_("learning goals")
    )
    # CompetenceRequirement values this entry gives evidence for.
    requirements = models.JSONField(_("competence requirements"), default=list, blank=True)
    shared_with_team_leader = models.BooleanField(_("my team leader"), default=False)
    shared_with_hr = models.BooleanField(_("HR of my school"), default=False)
    shared_with_community = models.BooleanField(_("all community members"), default=False)
    shared_with_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="entries_shared_with_me",
        verbose_name=_("named colleagues"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PortfolioEntryQuerySet.as_manager()

    # Only its owner's dashboard panels show an entry (community.dashboard): a write renews theirs.
    # Caches of other people's entries must not rely on the "portfolios" label (none exist).
    dashboard_owner_field = "owner_id"

    class Meta:
        verbose_name = _("portfolio entry")
        verbose_name_plural = _("portfolio entries")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source_key"],
                condition=~Q(source_key=""),
                name="portfolioentry_unique_source_per_owner",
            ),
            models.CheckConstraint(condition=Q(hours__gte=0), name="portfolioentry_hours_not_negative"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_recorded_evidence(self):
        return bool(self.source_key)

    @property
    def is_shared(self):
        # Named people are checked by the views (needs a query); the flags are free.
        return self.shared_with_team_leader or self.shared_with_hr or self.shared_with_community

    @property
    def community_source_key(self):
        return f"portfolios.entry:{self.pk}"

    @property
    def can_share_in_community(self):
        return self.kind in COMMUNITY_SHAREABLE_KINDS

    def requirement_labels(self):
        from .dossier import CompetenceRequirement

        labels = dict(CompetenceRequirement.choices)
        return [labels[v] for v in self.requirements if v in labels]


def _attachment_path(instance, filename):
    # A random folder: file names never collide and cannot be guessed.
    return f"portfolio/{instance.entry.owner_id}/{secrets.token_hex(8)}/{filename}"


class Attachment(models.Model):
    """A file on a portfolio entry, stored privately and served through a permission check."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        DOCUMENT = "document", _("Document")

    entry = models.ForeignKey(PortfolioEntry, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    file = models.FileField(storage=private_storage, upload_to=_attachment_path, max_length=300)
    thumbnail = models.FileField(storage=private_storage, upload_to=_attachment_path, max_length=300, blank=True)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(default=0)
    # Made by the platform (a course certificate): replaced when the evidence is recorded again.
    generated = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.name

    @property
    def is_image(self):
        return self.kind == self.Kind.IMAGE


def _showcase_token():
    return secrets.token_urlsafe(32)


def _showcase_expiry():
    return timezone.now() + timedelta(days=30)


class ShowcaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def live(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class Showcase(models.Model):
    """A named selection of entries, shared read-only by a secret link that expires."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="showcases")
    title = models.CharField(_("name"), max_length=200, help_text=_("e.g. Appraisal 2027 or Application Metalent."))
    intro = models.TextField(_("introduction"), blank=True)
    entries = models.ManyToManyField(PortfolioEntry, blank=True, related_name="showcases", verbose_name=_("entries"))
    token = models.CharField(max_length=64, unique=True, default=_showcase_token, editable=False)
    # The page shows in the owner's language, whatever the visitor's browser asks for.
    language = models.CharField(_("language of the page"), max_length=8, choices=settings.LANGUAGES, default="nl")
    expires_at = models.DateTimeField(_("link valid until"), default=_showcase_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ShowcaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("showcase")
        verbose_name_plural = _("showcases")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_live(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
