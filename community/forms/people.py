"""Forms for people: invitations, accepting one, the profile, HR's people management."""

from django import forms
from django.contrib.auth.password_validation import (
    password_validators_help_text_html,
    validate_password,
)
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from taggit.forms import TagField
from taggit.utils import edit_string_for_tags

from ..models import Membership, Person, Team, VmboProfile
from ..permissions import invitable_organisations, invitable_roles, is_hub_staff
from ..uploads import clean_image


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, inviter, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = invitable_organisations(inviter).order_by("name")
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
        self.fields["role"].choices = invitable_roles(inviter)
        self.fields["email"].widget.attrs["autocomplete"] = "off"


# Django 5.2's Dutch catalogue misses this message (its msgid changed from %(min_length)d to
# %d), so the 12-character rule would be explained in English; ours supplies the Dutch.
_PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)


class AcceptInvitationForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        candidate = Person(
            email=self.invitation.email, first_name=self.invitation.first_name,
            last_name=self.invitation.last_name,
        )
        validate_password(password, candidate)
        return password

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2") and cleaned["password1"] != cleaned["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class ProfileForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Photo"), required=False,
        help_text=_("A JPEG or PNG. It is cropped to a square; only logged-in members see it."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    expertise = TagField(
        label=_("Expertise"), required=False,
        help_text=_("Comma-separated topics you know about, e.g. welding, 3D printing."),
    )

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "bio", "listed_in_directory"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        labels = {"first_name": _("First name"), "last_name": _("Last name")}

    field_order = ["first_name", "last_name", "photo_upload", "remove_photo", "bio", "expertise", "listed_in_directory"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        if self.instance.pk:
            self.initial["expertise"] = edit_string_for_tags(list(self.instance.expertise.all()))
        if not self.instance.photo:
            del self.fields["remove_photo"]

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return None
        return clean_image(upload)


class PeopleSearchForm(forms.Form):
    STATUS_CHOICES = [("current", _("Current")), ("all", _("Including former"))]

    q = forms.CharField(label=_("Search by name or email"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)
    status = forms.ChoiceField(label=_("Show"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..models import Role

        self.fields["role"].choices = [("", _("All roles")), *Role.choices]
        self.fields["q"].widget.attrs["type"] = "search"
        self.fields["q"].widget.input_type = "search"


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "team", "start_date", "end_date", "fte", "profiles"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "profiles": forms.CheckboxSelectMultiple,
            "fte": forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1.5"}),
        }

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=self.instance.organisation)
        self.fields["profiles"].queryset = VmboProfile.objects.all()
        roles = invitable_roles(editor)
        if not is_hub_staff(editor) and self.instance.role not in dict(roles):
            # HR may see, but not hand out, roles such as hub staff.
            self.fields["role"].disabled = True
        else:
            self.fields["role"].choices = roles

    def clean_fte(self):
        fte = self.cleaned_data.get("fte")
        if fte is not None and not 0 <= fte <= 1.5:
            raise forms.ValidationError(_("FTE is between 0 and 1.5."))
        return fte

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned


class EndMembershipForm(forms.Form):
    end_date = forms.DateField(
        label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        if end < self.membership.start_date:
            raise forms.ValidationError(_("The end date cannot be before the start date."))
        return end
