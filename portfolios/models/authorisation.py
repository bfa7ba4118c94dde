"""Qualifications held, the conversion table, and authorisation per vmbo profile.

The status per teacher × profile is derived (portfolios.reports.authorisation), never stored.
Every model here keeps a simple-history trail; write paths save only what changed, so each
change leaves exactly one history entry.
"""

import re
import unicodedata
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.contrib.settings.models import BaseGenericSetting

from community.files import private_storage

__all__ = [
    "AuthorisationSettings",
    "ConversionRule",
    "GrowthNeed",
    "Outcome",
    "Part",
    "Qualification",
    "QualificationRecord",
    "QualificationRecordQuerySet",
    "StaffRecord",
    "StaffRecordQuerySet",
    "TEAM_PARTS",
    "VerificationState",
    "normalise_qualification",
]


def normalise_qualification(name: str) -> str:
    """A matching key: case, accents, punctuation, spacing and c/k spelling do not matter."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "", text)
    # Old spellings: Electrotechniek / Elektrotechniek, Constructie / Konstruktie ("ch" stays).
    text = re.sub(r"c(?!h)", "k", text)
    return text


class Outcome(models.TextChoices):
    AUTHORISED = "authorised", _("Fully authorised")
    AFTER_UPSKILLING = "after_upskilling", _("Authorised after upskilling")
    TEAM = "team", _("Covers one part (team authorisation)")


class Part(models.TextChoices):
    METAL = "metal", _("metal")
    INSTALLATION = "installation", _("installation")
    ELECTRICAL = "electrical", _("electrical")


# The parts a team must cover together for a profile with team authorisation.
TEAM_PARTS = {"PIE": (Part.METAL, Part.INSTALLATION, Part.ELECTRICAL)}


class Qualification(models.Model):
    """An older teaching qualification named in the conversion table."""

    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("matching key"), max_length=200, unique=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalise_qualification(self.name)
        super().save(*args, **kwargs)


class ConversionRule(models.Model):
    """One row of the conversion table: qualification → profile → outcome."""

    qualification = models.ForeignKey(
        Qualification, on_delete=models.PROTECT, related_name="rules", verbose_name=_("qualification")
    )
    profile = models.ForeignKey(
        "community.VmboProfile", on_delete=models.PROTECT, related_name="+", verbose_name=_("profile")
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    part = models.CharField(
        _("part covered"), max_length=16, choices=Part.choices, blank=True,
        help_text=_("Team rows only: the part of the profile this qualification covers."),
    )
    condition = models.CharField(
        _("condition"), max_length=300, blank=True,
        help_text=_("The named upskilling (after upskilling) or a description of the part (team)."),
    )
    source = models.CharField(_("source"), max_length=400, blank=True)
    confirmed = models.BooleanField(
        _("confirmed in the source"), default=True,
        help_text=_("Untick when the row could not be checked against the legal source; statuses based on it "
                    "are marked “unconfirmed” until someone checks it."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Retire a wrong or outdated row instead of deleting it.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conversion rule")
        verbose_name_plural = _("conversion table")
        ordering = ["profile__sort_order", "qualification__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["qualification", "profile", "part"], condition=Q(active=True),
                name="conversionrule_one_active_per_qualification_profile",
            ),
            models.CheckConstraint(
                condition=Q(outcome="team", part__gt="") | (~Q(outcome="team") & Q(part="")),
                name="conversionrule_part_only_for_team",
            ),
        ]

    def __str__(self):
        return f"{self.qualification} → {self.profile.code}: {self.get_outcome_display()}"


class VerificationState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted by the teacher")
    VERIFIED = "verified", _("Verified by HR")
    REJECTED = "rejected", _("Rejected by HR")


class QualificationRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The teacher's own records; HR: those of teachers at its school(s)."""
        from community.models import Membership, Role
        from community.permissions import hr_school_ids

        if not user.is_authenticated:
            return self.none()
        school_ids = hr_school_ids(user)
        condition = Q(person=user)
        if school_ids:
            staff = Membership.objects.active().filter(
                organisation_id__in=school_ids, role__in=[Role.TEACHER, Role.TRAINEE]
            )
            condition |= Q(person__in=staff.values("person_id"))
        return self.filter(condition)

    def unverified(self):
        return self.filter(state=VerificationState.SUBMITTED)


class QualificationRecord(models.Model):
    """A qualification a person holds: a row of the table, or a direct profile authorisation."""

    State = VerificationState

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qualification_records",
        verbose_name=_("person"),
    )
    qualification = models.ForeignKey(
        Qualification, on_delete=models.PROTECT, null=True, blank=True, related_name="records",
        verbose_name=_("qualification from the conversion table"),
    )
    direct_profile = models.ForeignKey(
        "community.VmboProfile", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("direct authorisation for profile"),
    )
    grade = models.PositiveSmallIntegerField(
        _("grade"), choices=[(1, _("1st grade")), (2, _("2nd grade"))], default=2
    )
    obtained_on = models.DateField(_("date obtained"))
    scan = models.FileField(
        _("diploma scan"), storage=private_storage, upload_to="diplomas/%Y/", blank=True, max_length=200
    )
    state = models.CharField(
        _("verification"), max_length=16, choices=VerificationState.choices, default=VerificationState.SUBMITTED
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    rejection_reason = models.TextField(
        _("reason for rejection"), blank=True, max_length=1000,
        help_text=_("The teacher sees this and can correct the record."),
    )
    submitted_at = models.DateTimeField(
        _("submitted at"), default=timezone.now, db_index=True,
        help_text=_("When the record last started waiting for HR's check (HR's inbox: oldest first)."),
    )

    objects = QualificationRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("qualification record")
        verbose_name_plural = _("qualification records")
        ordering = ["-obtained_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(qualification__isnull=False) & Q(direct_profile__isnull=True))
                | (Q(qualification__isnull=True) & Q(direct_profile__isnull=False)),
                name="qualificationrecord_table_or_direct",
            ),
            models.CheckConstraint(condition=Q(grade__in=[1, 2]), name="qualificationrecord_grade_1_or_2"),
            models.UniqueConstraint(
                fields=["person", "qualification"], condition=Q(qualification__isnull=False),
                name="qualificationrecord_once_per_qualification",
            ),
            models.UniqueConstraint(
                fields=["person", "direct_profile"], condition=Q(direct_profile__isnull=False),
                name="qualificationrecord_once_per_direct_profile",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        if self.direct_profile_id:
            return _("Authorisation %(profile)s (grade %(grade)s)") % {
                "profile": self.direct_profile.code, "grade": self.grade,
            }
        return str(self.qualification)

    @property
    def is_verified(self):
        return self.state == VerificationState.VERIFIED

    @property
    def is_rejected(self):
        return self.state == VerificationState.REJECTED


class StaffRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """HR data: only HR of the school sees it (never the teacher)."""
        from community.permissions import hr_school_ids

        if not user.is_authenticated:
            return self.none()
        return self.filter(school_id__in=hr_school_ids(user))


class StaffRecord(models.Model):
    """What HR keeps about a teacher at its school that the teacher does not see."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_records", verbose_name=_("person")
    )
    school = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, related_name="staff_records", verbose_name=_("school")
    )
    leaving_on = models.DateField(
        _("expected leaving date"), null=True, blank=True, help_text=_("Retirement or departure. Only HR sees this.")
    )

    objects = StaffRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff record")
        verbose_name_plural = _("staff records")
        constraints = [models.UniqueConstraint(fields=["person", "school"], name="staffrecord_once_per_school")]

    def __str__(self):
        return f"{self.person} — {self.school}"


class GrowthNeed(models.Model):
    """Extra teachers needed for the planned growth in students (entered by hub staff)."""

    profile = models.ForeignKey(
        "community.VmboProfile", on_delete=models.PROTECT, related_name="+", verbose_name=_("profile")
    )
    school = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("school"), help_text=_("Leave empty for a region-wide number."),
    )
    needed_by = models.DateField(_("needed by"), help_text=_("e.g. 2023-08-01 for 'before 2023'."))
    teachers = models.PositiveIntegerField(_("extra teachers needed"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("growth need")
        verbose_name_plural = _("growth needs")
        ordering = ["needed_by", "profile__sort_order"]

    def __str__(self):
        return f"{self.profile.code}: {self.teachers} ({self.needed_by})"


class AuthorisationSettings(BaseGenericSetting):
    """The plan's target: every technical teacher authorised for what they teach by this date."""

    target_date = models.DateField(
        _("target date for full authorisation"), default=date(2022, 8, 1),
        help_text=_("The regional plan says: by summer 2022."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("authorisation target")

    @classmethod
    def get_permission_policy(cls):
        from ..permissions import HubStaffPolicy

        return HubStaffPolicy(cls)
