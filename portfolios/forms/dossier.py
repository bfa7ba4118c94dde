"""Forms of the dossier: needs inventory, plan, goals, activities, entries, sharing, showcase."""

import os
from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Membership, Person, VmboProfile
from community.sanitise import clean_html
from community.uploads import clean_document, clean_image

from ..models import (
    ActivityForm,
    CompetenceRequirement,
    LearningGoal,
    NeedsInventoryResponse,
    PlannedActivity,
    PortfolioEntry,
    Showcase,
)

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".svgz", ".heic", ".tif", ".tiff"}
MAX_ATTACHMENT_MB = 10


MAX_FILES_PER_SAVE = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class InventoryResponseForm(forms.ModelForm):
    preferred_forms = forms.MultipleChoiceField(
        label=_("Which forms do you prefer?"),
        choices=ActivityForm.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = NeedsInventoryResponse
        fields = [
            "profiles_taught",
            "authorisation_status",
            "subject_assessment",
            "didactic_assessment",
            "pedagogical_assessment",
            "upskilling_profiles",
            "authorisation_needs",
            "deepening_profiles",
            "deepening_topics",
            "preferred_forms",
            "remarks",
        ]
        widgets = {
            "profiles_taught": forms.CheckboxSelectMultiple,
            "upskilling_profiles": forms.CheckboxSelectMultiple,
            "deepening_profiles": forms.CheckboxSelectMultiple,
            "subject_assessment": forms.RadioSelect,
            "didactic_assessment": forms.RadioSelect,
            "pedagogical_assessment": forms.RadioSelect,
            "authorisation_status": forms.Textarea(attrs={"rows": 2}),
            "authorisation_needs": forms.Textarea(attrs={"rows": 3}),
            "deepening_topics": forms.Textarea(attrs={"rows": 3}),
            "remarks": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "deepening_topics": _("e.g. PLC programming, sustainable installations, differentiation in class."),
            "authorisation_needs": _("e.g. a course, an assessment, time to finish a module."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profiles = VmboProfile.objects.all()
        for name in ("profiles_taught", "upskilling_profiles", "deepening_profiles"):
            self.fields[name].queryset = profiles
        for name in ("subject_assessment", "didactic_assessment", "pedagogical_assessment"):
            # RadioSelect shows no empty choice: a draft may leave them open.
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]
            self.fields[name].required = False

    def clean_preferred_forms(self):
        return [v for v in ActivityForm.values if v in self.cleaned_data["preferred_forms"]]


class GoalForm(forms.ModelForm):
    class Meta:
        model = LearningGoal
        fields = ["title", "why", "requirement", "profile", "success_criteria", "target_date", "status"]
        widgets = {
            "why": forms.Textarea(attrs={"rows": 3}),
            "success_criteria": forms.Textarea(attrs={"rows": 3}),
            "target_date": DateInput(),
        }


class PlannedActivityForm(forms.ModelForm):
    class Meta:
        model = PlannedActivity
        fields = ["form", "description", "planned_hours", "cost", "completed", "evidence"]
        help_texts = {
            "evidence": _(
                "The portfolio entry that shows you did it. Its hours count instead of the planned hours, "
                "so nothing counts twice."
            ),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        linked = PlannedActivity.objects.filter(evidence__isnull=False).exclude(pk=self.instance.pk)
        self.fields["evidence"].queryset = (
            PortfolioEntry.objects.filter(owner=owner).exclude(pk__in=linked.values("evidence_id")).order_by("-date")
        )
        self.fields["evidence"].label_from_instance = lambda e: f"{e.date:%d-%m-%Y} — {e.title}"


class TransitionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    reflection = forms.CharField(
        label=_("Your reflection on the year"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


class EntryForm(forms.ModelForm):
    requirements = forms.MultipleChoiceField(
        label=_("Competence requirements"),
        choices=CompetenceRequirement.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachment = MultipleFileField(
        label=_("Add files"),
        required=False,
        help_text=_(
            "Photos (JPEG or PNG) or documents (PDF, Word, Excel, PowerPoint, OpenDocument); you may choose "
            "several at once, each at most %(mb)s MB."
        )
        % {"mb": MAX_ATTACHMENT_MB},
    )

    class Meta:
        model = PortfolioEntry
        fields = ["kind", "title", "date", "hours", "text", "tags", "goals", "requirements"]
        widgets = {
            "date": DateInput(),
            "text": forms.Textarea(attrs={"rows": 8}),
            "goals": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "text": _("Simple formatting is kept (bold, italics, lists, links); everything else is removed."),
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = (
            LearningGoal.objects.filter(plan__person=owner).select_related("plan").order_by("-plan__school_year", "pk")
        )
        self.fields["goals"].label_from_instance = lambda g: f"{g.plan.school_year}: {g.title}"
        if self.instance.is_recorded_evidence:
            # Recorded by another app: the facts stay as recorded, the teacher adds to them.
            for name in ("kind", "title", "date", "hours"):
                self.fields[name].disabled = True

    def clean_text(self):
        return clean_html(self.cleaned_data["text"])

    def clean_attachment(self):
        uploads = self.cleaned_data.get("attachment") or []
        if len(uploads) > MAX_FILES_PER_SAVE:
            raise ValidationError(
                _("Choose at most %(count)s files at once.") % {"count": MAX_FILES_PER_SAVE}, code="too_many"
            )
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(clean_attachment(upload))
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


def clean_attachment(upload):
    """An image (re-encoded, thumbnail later) or a document (checked by content)."""
    max_bytes = MAX_ATTACHMENT_MB * 1024 * 1024
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB; at most %(max)s MB).")
            % {"size": round(upload.size / 1_048_576, 1), "max": MAX_ATTACHMENT_MB},
            code="too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension in IMAGE_EXTENSIONS:
        return clean_image(upload, max_bytes=max_bytes)
    return clean_document(upload, max_bytes=max_bytes)


class ShareForm(forms.ModelForm):
    class Meta:
        model = PortfolioEntry
        fields = ["shared_with_team_leader", "shared_with_hr", "shared_with_people", "shared_with_community"]
        widgets = {"shared_with_people": forms.CheckboxSelectMultiple}
        help_texts = {"shared_with_people": _("People at your school.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        owner = self.instance.owner
        schools = Membership.objects.active().filter(person=owner, organisation__kind="school").values(
            "organisation_id"
        )
        self.fields["shared_with_people"].queryset = (
            Person.objects.filter(pk__in=Membership.objects.active().filter(organisation_id__in=schools).values("person_id"))
            .exclude(pk=owner.pk)
            .order_by("sort_name")
        )


class ShowcaseForm(forms.ModelForm):
    valid_until = forms.DateField(label=_("Link valid until"), widget=DateInput())

    class Meta:
        model = Showcase
        fields = ["title", "intro", "entries", "valid_until", "language"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 3}), "entries": forms.CheckboxSelectMultiple}
        help_texts = {"language": _("Visitors see the page in this language, whatever their browser is set to.")}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = PortfolioEntry.objects.filter(owner=owner)
        self.fields["entries"].label_from_instance = lambda e: f"{e.date:%d-%m-%Y} — {e.title}"
        expires = self.instance.expires_at if self.instance.pk else timezone.now() + timedelta(days=30)
        self.fields["valid_until"].initial = timezone.localtime(expires).date()

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if value < today:
            raise ValidationError(_("Choose a date from today."))
        if value > today + timedelta(days=366):
            raise ValidationError(_("A link is valid for at most a year."))
        return value

    def save(self, commit=True):
        self.instance.expires_at = timezone.make_aware(datetime.combine(self.cleaned_data["valid_until"], time(23, 59)))
        return super().save(commit=commit)
