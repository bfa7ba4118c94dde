"""Forms of the authorisation feature: qualification records, HR data, import, report filters."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Organisation, VmboProfile
from community.uploads import clean_document, clean_image

from ..models import Qualification, QualificationRecord, StaffRecord
from ..reports.authorisation import STATUS_LABELS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class QualificationRecordForm(forms.ModelForm):
    qualification = forms.ModelChoiceField(
        Qualification.objects.filter(rules__active=True).distinct(), required=False,
        label=_("Qualification from the conversion table"),
        help_text=_("Pick the name as it is on your diploma; spelling variants are the same row."),
    )
    direct_profile = forms.ModelChoiceField(
        VmboProfile.objects.all(), required=False, label=_("Or: a direct authorisation for a profile"),
        help_text=_("A teaching qualification for one of the 2016 vmbo profiles."),
    )

    class Meta:
        model = QualificationRecord
        fields = ["qualification", "direct_profile", "grade", "obtained_on", "scan"]
        widgets = {"obtained_on": DateInput()}
        help_texts = {"scan": _("Optional: a PDF or a photo of the diploma. Only you and HR of your school can open it.")}

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.fields["scan"].widget = forms.FileInput()

    def clean_scan(self):
        upload = self.cleaned_data.get("scan")
        if not upload or upload == self.instance.scan:
            return upload
        head = upload.read(8)
        upload.seek(0)
        cleaned = clean_document(upload) if head.startswith(b"%PDF") or head.startswith(b"PK") else clean_image(upload)
        return cleaned.content

    def clean_obtained_on(self):
        value = self.cleaned_data["obtained_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date obtained cannot lie in the future."))
        return value

    def clean(self):
        data = super().clean()
        qualification, profile = data.get("qualification"), data.get("direct_profile")
        if bool(qualification) == bool(profile):
            raise ValidationError(_("Choose either a qualification from the table or a direct authorisation, not both."))
        others = QualificationRecord.objects.filter(person=self.instance.person).exclude(pk=self.instance.pk)
        if qualification and others.filter(qualification=qualification).exists():
            self.add_error("qualification", _("This qualification is already in your records."))
        if profile and others.filter(direct_profile=profile).exists():
            self.add_error("direct_profile", _("This authorisation is already in your records."))
        return data


class StaffRecordForm(forms.ModelForm):
    class Meta:
        model = StaffRecord
        fields = ["leaving_on"]
        widgets = {"leaving_on": DateInput()}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("One row per qualification held. CSV with comma or semicolon, UTF-8 or Windows-1252; or XLSX."),
    )


class ConfirmImportForm(forms.Form):
    data = forms.CharField(widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)


class MatrixFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False)
    profile = forms.ChoiceField(required=False, label=_("Profile"))
    status = forms.ChoiceField(
        choices=[("", _("Any status"))] + list(STATUS_LABELS.items()), required=False, label=_("Status")
    )
    unverified = forms.BooleanField(required=False, label=_("Only with unverified records"))
    sort = forms.ChoiceField(
        choices=[("name", _("Name")), ("status", _("Status (worst first)")), ("unverified", _("Unverified records")),
                 ("leaving", _("Leaving date"))],
        required=False, label=_("Sort by"),
    )

    def __init__(self, *args, profiles=(), **kwargs):
        """`profiles`: every profile, read once by the page (its columns come from the same list)."""
        super().__init__(*args, **kwargs)
        self._profiles = {p.code: p for p in profiles}
        self.fields["profile"].choices = [("", _("All profiles"))] + [(p.code, str(p)) for p in profiles]

    def clean_profile(self):
        """The chosen profile (a VmboProfile) or None."""
        return self._profiles.get(self.cleaned_data["profile"])


def _default_until(on: date) -> date:
    try:
        return on.replace(year=on.year + 2)
    except ValueError:
        return on.replace(year=on.year + 2, day=28)


class InventoryFilterForm(forms.Form):
    date = forms.DateField(label=_("Reference date"), required=False, widget=DateInput())
    until = forms.DateField(label=_("End of the period"), required=False, widget=DateInput())
    # A search box, not a select of every school in the country: ?school=<pk> picks one,
    # ?school_q= finds schools by name or BRIN code (one match is picked, several are listed).
    school = forms.ModelChoiceField(Organisation.objects.schools(), required=False, widget=forms.HiddenInput)
    school_q = forms.CharField(
        label=_("School (name or BRIN code)"), required=False, max_length=100,
        help_text=_("Leave empty for the whole region."),
    )

    def values(self):
        on = (self.cleaned_data.get("date") if self.is_valid() else None) or timezone.localdate()
        until = (self.cleaned_data.get("until") if self.is_valid() else None) or _default_until(on)
        school = self.cleaned_data.get("school") if self.is_valid() else None
        if school is None and (matches := self.school_matches()) and len(matches) == 1:
            school = matches[0]
        return on, until, school

    def school_matches(self, limit=10):
        """Schools whose name or BRIN matches the search (at most `limit`), or None without a search."""
        q = (self.cleaned_data.get("school_q") or "").strip() if self.is_valid() else ""
        if not q or self.cleaned_data.get("school"):
            return None
        return list(Organisation.objects.schools().filter(Q(name__icontains=q) | Q(brin__iexact=q)).order_by("name")[:limit])

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("until") and data["until"] < data["date"]:
            raise ValidationError(_("The end of the period must come after the reference date."))
        return data
