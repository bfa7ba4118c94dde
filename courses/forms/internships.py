from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Organisation
from community.uploads import clean_document
from portfolios.models import LearningGoal

from ..models import InternshipOffer, InternshipPlacement
from ..permissions import internship_host_ids, is_hub_staff

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferForm(forms.ModelForm):
    class Meta:
        model = InternshipOffer
        fields = [
            "host", "title", "kind", "description", "profiles", "tags", "period_start", "period_end",
            "hours", "places", "contact_name", "contact_email",
        ]
        widgets = {
            "profiles": forms.CheckboxSelectMultiple,
            "period_start": DATE,
            "period_end": DATE,
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        hosts = Organisation.objects.current().exclude(kind="hub")
        if not is_hub_staff(user):
            hosts = hosts.filter(pk__in=internship_host_ids(user))
        self.fields["host"].queryset = hosts
        if hosts.count() == 1:
            self.fields["host"].initial = hosts.first().pk
        if not self.instance.pk and not self.initial.get("contact_email"):
            self.initial.setdefault("contact_name", user.get_full_name())
            self.initial.setdefault("contact_email", user.email)

    def clean(self):
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", _("The period must end after it starts."))
        return data


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Note to the host (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Motivation"), max_length=4000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why this internship, and what you will bring back to your lessons."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Learning goals from your development plan"), queryset=LearningGoal.objects.none(),
        required=False, widget=forms.CheckboxSelectMultiple,
    )
    goal_text = forms.CharField(
        label=_("Other learning goals"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the applicant's own goals can be chosen.
        self.fields["goals"].queryset = (
            LearningGoal.objects.filter(plan__person=user).exclude(status=LearningGoal.Status.DROPPED)
            .select_related("plan").order_by("-plan__school_year", "pk")
        )
        self.fields["goals"].label_from_instance = lambda g: f"{g.title} ({g.plan.school_year})"

    def clean(self):
        data = super().clean()
        if not data.get("goals") and not (data.get("goal_text") or "").strip():
            raise forms.ValidationError(_("Name at least one learning goal: pick one from your plan or describe it."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("accept", _("Accept")), ("decline", _("Decline"))], widget=forms.RadioSelect
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DATE)
    end_date = forms.DateField(label=_("End date"), required=False, widget=DATE)
    note = forms.CharField(label=_("Message to the applicant"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("The period must end after it starts."))
        return data


class CheckinForm(forms.ModelForm):
    class Meta:
        model = InternshipPlacement
        fields = ["midway_date", "midway_notes"]
        widgets = {"midway_date": DATE, "midway_notes": forms.Textarea(attrs={"rows": 4})}

    def clean_midway_date(self):
        # The check-in records a conversation that took place: during the internship, not ahead.
        value = self.cleaned_data.get("midway_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("A check-in cannot be dated in the future."))
        if value and value < self.instance.start_date:
            raise forms.ValidationError(_("A check-in cannot be dated before the internship starts."))
        return value


class ReportForm(forms.ModelForm):
    class Meta:
        model = InternshipPlacement
        fields = ["report", "deliverable", "deliverable_description"]
        widgets = {"report": forms.Textarea(attrs={"rows": 10}), "deliverable": forms.FileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].required = True

    def clean_deliverable(self):
        upload = self.cleaned_data.get("deliverable")
        if upload and upload is not self.instance.deliverable and hasattr(upload, "content_type"):
            return clean_document(upload).content
        return None


class HostFeedbackForm(forms.ModelForm):
    class Meta:
        model = InternshipPlacement
        fields = ["host_feedback"]
        widgets = {"host_feedback": forms.Textarea(attrs={"rows": 5})}


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary for colleagues"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you learned and what colleagues can use. When published, all members see it and it is shared in the community as your experience (your deliverable stays private)."),
    )
    publish = forms.BooleanField(label=_("Publish for all members"), required=False)
    share_deliverable = forms.BooleanField(
        label=_("Also share my deliverable (the lesson material I made) with all members"), required=False,
        help_text=_("Only when you tick this; you can untick it later."),
    )

    def __init__(self, *args, has_deliverable=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_deliverable:
            del self.fields["share_deliverable"]
