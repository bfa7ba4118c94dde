from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.uploads import clean_document

from ..models import (
    AssessmentKind,
    AssessmentScore,
    AttendanceStatus,
    CoachingSession,
    Cohort,
    IntakeApplication,
    IntakeBackground,
    IntakeStep,
    IntakeStepKind,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IntakeApplicationForm(forms.ModelForm):
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}), label=_("Leave this field empty"))
    cv = forms.FileField(
        label=_("CV"), required=False,
        help_text=_("PDF or an office document, at most 20 MB. Only hub staff and your assessors see it."),
    )
    portfolio = forms.FileField(
        label=_("Portfolio"), required=False,
        help_text=_("Work that shows what you can do: PDF or an office document, at most 20 MB."),
    )

    class Meta:
        model = IntakeApplication
        fields = ["first_name", "last_name", "email", "phone", "employer", "background", "motivation", "availability"]
        widgets = {
            "background": forms.RadioSelect,
            "motivation": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "background": _("With an administrative background the programme adds subject content."),
            "motivation": _("Why do you want to teach, and what would you bring to vmbo students?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio list has no "nothing chosen" option: no pre-selected "---------".
        self.fields["background"].choices = IntakeBackground.choices

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        return clean_document(upload).content if upload else None

    def clean_portfolio(self):
        upload = self.cleaned_data.get("portfolio")
        return clean_document(upload).content if upload else None


class IntakeStepForm(forms.ModelForm):
    inform_applicant = forms.BooleanField(
        label=_("Email the applicant that this step is done, with its outcome"), required=False, initial=True,
    )

    class Meta:
        model = IntakeStep
        fields = ["kind", "date", "outcome", "assessor", "notes"]
        widgets = {"date": DATE_WIDGET, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = get_user_model().objects.filter(
            memberships__role__in=["company_mentor", "hub_staff", "teacher", "team_leader"]
        ).distinct()


class IntakeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[("admit", _("Admit")), ("reject", _("Do not admit"))],
    )
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))
    cohort = forms.ModelChoiceField(
        label=_("Enrol into cohort"), queryset=Cohort.objects.none(), required=False,
        help_text=_("An applicant with an account is enrolled now; one without is enrolled after accepting the invitation."),
    )
    invite = forms.BooleanField(
        label=_("Send an invitation to create an account (when admitted and without one)"), required=False, initial=True,
    )

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = open_cohorts(course)


def open_cohorts(course):
    """Cohorts one may still join: not ended."""
    return Cohort.objects.filter(course=course, end_date__gte=timezone.localdate()).select_related("course")


class EnrolForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = open_cohorts(course)


class SubmissionForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    file = forms.FileField(label=_("File (optional)"), required=False, help_text=_("PDF or an office document, at most 20 MB."))

    def __init__(self, *args, allows_file=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allows_file:
            del self.fields["file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        return clean_document(upload).content

    def clean(self):
        data = super().clean()
        if not data.get("text") and not data.get("file") and not self.errors:
            raise forms.ValidationError(_("Write an answer or add a file."))
        return data


class FeedbackForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 4}))


class AssessmentCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AssessmentKind.choices)
    assessor = forms.ModelChoiceField(label=_("Assessor"), queryset=get_user_model().objects.none())
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)

    def __init__(self, *args, cohort=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(
            pk__in=[*cohort.assessors.values_list("pk", flat=True), *cohort.coaches.values_list("pk", flat=True), cohort.coordinator_id]
        )
        self.fields["assessor"].queryset = people


class AssessmentForm(forms.Form):
    """The assessor's judgement: outcome and overall feedback (scores come as a formset)."""

    outcome = forms.ChoiceField(label=_("Outcome"))
    feedback = forms.CharField(label=_("Overall feedback"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, **kwargs):
        from ..models import AssessmentOutcome

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = AssessmentOutcome.choices


class ScoreForm(forms.ModelForm):
    class Meta:
        model = AssessmentScore
        fields = ["score", "feedback"]
        widgets = {
            "score": forms.Select(choices=[("", "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")]),
            "feedback": forms.Textarea(attrs={"rows": 2}),
        }


ScoreFormSet = forms.modelformset_factory(AssessmentScore, form=ScoreForm, extra=0)


class CoachingSessionForm(forms.ModelForm):
    class Meta:
        model = CoachingSession
        fields = ["date", "lesson_observed", "focus", "agreements", "hours"]
        widgets = {
            "date": DATE_WIDGET,
            "focus": forms.Textarea(attrs={"rows": 3}),
            "agreements": forms.Textarea(attrs={"rows": 3}),
        }


class CoachingResponseForm(forms.Form):
    response = forms.CharField(label=_("Your response"), widget=forms.Textarea(attrs={"rows": 4}))


class AttendanceForm(forms.Form):
    """One choice per enrolment: fields named enrolment_<pk>."""

    def __init__(self, *args, enrolments=(), marks=None, **kwargs):
        super().__init__(*args, **kwargs)
        marks = marks or {}
        choices = [("", _("not marked")), *AttendanceStatus.choices]
        for e in enrolments:
            self.fields[f"enrolment_{e.pk}"] = forms.ChoiceField(
                label=str(e.person), choices=choices, required=False, initial=marks.get(e.pk, "")
            )

    def statuses(self):
        return {int(name.split("_", 1)[1]): value for name, value in self.cleaned_data.items()}


STEP_KINDS = IntakeStepKind
