import secrets
import unicodedata
from datetime import timedelta

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from ..files import private_storage
from .organisations import Membership, Role


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Logged-in members see the profiles of everyone who currently belongs somewhere."""
        if not user.is_authenticated:
            return self.none()
        active = Membership.objects.active().values("person_id")
        return self.filter(is_active=True).filter(models.Q(pk__in=active) | models.Q(pk=user.pk))


class PersonManager(UserManager.from_queryset(PersonQuerySet)):
    """Email is the login; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        person = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


def name_sort_key(last_name: str, first_name: str = "", tussenvoegsel: str = "") -> str:
    """How Dutch lists sort people: by last name without tussenvoegsel ("de Vries" under V),
    accents folded ("Çelik" under C), then first name. A tussenvoegsel typed into the last
    name ("van Leeuwen") is recognised too."""
    last = (last_name or "").strip()
    words = last.split()
    while len(words) > 1 and words[0].lower().strip("'") in TUSSENVOEGSELS:
        words.pop(0)
    text = f"{' '.join(words)} {first_name or ''} {tussenvoegsel or ''}"
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.split())[:300]


# The usual Dutch tussenvoegsels (words, so "van der" is "van" + "der").
TUSSENVOEGSELS = {
    "van", "de", "der", "den", "het", "t", "te", "ter", "ten", "in", "op", "aan", "la", "le", "du", "d", "da",
    "di", "del", "von", "zu", "uit", "bij", "onder", "over", "vd", "v",
}


class Person(AbstractUser):
    """A user of the platform and their public profile."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    tussenvoegsel = models.CharField(
        _("tussenvoegsel"), max_length=20, blank=True, help_text=_("For example “de” or “van der”.")
    )
    # Maintained on save (and by bulk writers through name_sort_key): every list of people sorts on it.
    sort_name = models.CharField(_("sort name"), max_length=300, blank=True, db_index=True, editable=False)
    # A photo is personal data: private storage, served by a login-required view.
    photo = models.ImageField(_("photo"), upload_to="profiles/", storage=private_storage, blank=True)
    bio = models.TextField(_("short bio"), blank=True, max_length=1000)
    expertise = TaggableManager(
        verbose_name=_("expertise"), blank=True, help_text=_("Comma-separated topics you know about.")
    )
    listed_in_directory = models.BooleanField(
        _("listed in the member directory"),
        default=False,
        help_text=_("Other members can find you by your expertise."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = PersonManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_name", "pk"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return " ".join(part for part in (self.first_name, self.tussenvoegsel, self.last_name) if part).strip()

    @property
    def sortable_last_name(self):
        """"Vries, de" — the last name as a sorted list shows it."""
        return f"{self.last_name}, {self.tussenvoegsel}" if self.tussenvoegsel else self.last_name

    @property
    def listed_name(self):
        """"Vries, Anna de" — the name as a list sorted by last name shows it (a tussenvoegsel
        typed into the last name, "de Vries", moves behind the first name too)."""
        words, prefix = (self.last_name or "").split(), (self.tussenvoegsel or "").split()
        while not self.tussenvoegsel and len(words) > 1 and words[0].lower().strip("'") in TUSSENVOEGSELS:
            prefix.append(words.pop(0))
        rest = " ".join([*(self.first_name or "").split(), *prefix])
        return ", ".join(part for part in (" ".join(words), rest) if part)

    def save(self, *args, **kwargs):
        self.sort_name = name_sort_key(self.last_name, self.first_name, self.tussenvoegsel)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"sort_name", "tussenvoegsel"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    @cached_property
    def active_memberships(self):
        """Memberships valid today, loaded once per request (permissions read this)."""
        return list(
            Membership.objects.active()
            .filter(person=self)
            .select_related("organisation", "team")
        )

    def roles(self):
        return {m.role for m in self.active_memberships}

    def has_role(self, *roles):
        return any(m.role in roles for m in self.active_memberships)

    def organisations_with_role(self, *roles):
        return {m.organisation_id for m in self.active_memberships if m.role in roles}


def _invitation_token():
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    from django.conf import settings

    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True)

    def visible_to(self, user):
        """Hub staff see every invitation; HR those to its own schools."""
        from ..permissions import hr_school_ids, is_hub_staff

        if is_hub_staff(user):
            return self
        return self.filter(organisation_id__in=hr_school_ids(user))


class Invitation(models.Model):
    """An emailed link that lets an invited person set a password (there is no open sign-up)."""

    email = models.EmailField(_("email address"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    organisation = models.ForeignKey(
        "community.Organisation", on_delete=models.CASCADE, verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()

    @property
    def is_expired(self):
        return self.accepted_at is None and self.expires_at <= timezone.now()
