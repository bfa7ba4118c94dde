from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class VmboProfile(models.Model):
    """A 2016 vmbo profile (BWI, PIE, ...). Shared by every app, so it lives here."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(default=0)
    in_inventory = models.BooleanField(
        _("counted in the regional inventory"),
        default=True,
        help_text=_("The six profiles of section A.5; intersectoral technology is not counted."),
    )

    class Meta:
        verbose_name = _("vmbo profile")
        verbose_name_plural = _("vmbo profiles")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return f"{self.code} — {self.name}"


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    COMPANY = "company", _("Company")
    HUB = "hub", _("Hub")


class SchoolType(models.TextChoices):
    VMBO = "vmbo", _("vmbo")
    VSO = "vso", _("vso")
    MBO = "mbo", _("mbo")
    PO = "po", _("po")


class OrganisationQuerySet(models.QuerySet):
    def schools(self):
        return self.filter(kind=OrganisationKind.SCHOOL)

    def companies(self):
        return self.filter(kind=OrganisationKind.COMPANY)

    def current(self, on=None):
        """Not archived on this date (default today): what lists and choices offer."""
        on = on or timezone.localdate()
        return self.filter(Q(archived_on__isnull=True) | Q(archived_on__gt=on))


class Organisation(models.Model):
    Kind = OrganisationKind

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganisationKind.choices)
    school_type = models.CharField(
        _("school type"), max_length=8, choices=SchoolType.choices, blank=True
    )
    brin = models.CharField(
        _("BRIN code"), max_length=4, blank=True, help_text=_("Four characters, e.g. 12AB.")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    profiles_offered = models.ManyToManyField(
        VmboProfile, blank=True, related_name="schools", verbose_name=_("profiles offered")
    )
    archived_on = models.DateField(
        _("archived on"), null=True, blank=True,
        help_text=_("From this date the organisation has no members and drops out of lists and figures."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["brin"], condition=~Q(brin=""), name="organisation_brin_unique"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_school(self):
        return self.kind == OrganisationKind.SCHOOL

    def is_archived(self, on=None):
        return self.archived_on is not None and self.archived_on <= (on or timezone.localdate())


class Team(models.Model):
    """A section team at a school; its team leader agrees the plans of its teachers."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class Role(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    TRAINEE = "trainee", _("Hybrid teacher in training")
    TEAM_LEADER = "team_leader", _("Team leader")
    HR = "hr", _("HR")
    COMPANY_MENTOR = "company_mentor", _("Company mentor")
    GUEST_TEACHER = "guest_teacher", _("Guest teacher")
    HUB_STAFF = "hub_staff", _("Hub staff")
    MODERATOR = "moderator", _("Community moderator")


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(start_date__lte=on), Q(end_date__isnull=True) | Q(end_date__gte=on))

    def with_role(self, *roles):
        return self.filter(role__in=roles)

    def visible_to(self, user):
        """Memberships this person manages: hub staff all, HR those of its own schools."""
        from ..permissions import hr_school_ids, is_hub_staff

        if is_hub_staff(user):
            return self
        return self.filter(organisation_id__in=hr_school_ids(user))


class ReverseSafeHistoricalRecords(HistoricalRecords):
    """History for an m2m changed from either side. django-simple-history only handles the
    forward side (`membership.profiles.add(p)`); from the profile's side
    (`profile.memberships.add(m)`) it tried to write history on the profile and crashed.
    Here each affected membership gets its entry instead."""

    def m2m_changed(self, instance, action, attr, pk_set, reverse, model=None, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
            return
        if action == "pre_clear":
            instance._history_cleared_pks = list(model.objects.filter(**{attr: instance}).values_list("pk", flat=True))
            return
        if action == "post_clear":
            pk_set = getattr(instance, "_history_cleared_pks", [])
        if action in ("post_add", "post_remove", "post_clear"):
            for owner in model.objects.filter(pk__in=pk_set or []):
                self.create_historical_record(owner, "~")


class Membership(models.Model):
    """A person's role at an organisation for a period (a person may hold several)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships",
        verbose_name=_("team"),
    )
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    fte = models.DecimalField(_("FTE"), max_digits=3, decimal_places=2, null=True, blank=True)
    profiles = models.ManyToManyField(
        VmboProfile,
        blank=True,
        related_name="memberships",
        verbose_name=_("profiles taught"),
        help_text=_("For teachers: the vmbo profiles they teach at this school."),
    )

    objects = MembershipQuerySet.as_manager()
    # Role, team, start and end, and the profiles taught: every change leaves an entry (HR's change log).
    history = ReverseSafeHistoricalRecords(m2m_fields=[profiles])

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()} — {self.organisation}"
