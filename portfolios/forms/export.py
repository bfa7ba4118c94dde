"""What goes into the dossier export: the teacher chooses; private self-assessments only when asked."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import DevelopmentPlan, PlanStatus, PortfolioEntry

SHOWN_PLAN_STATUSES = (PlanStatus.AGREED, PlanStatus.CLOSED)


class ExportForm(forms.Form):
    qualifications = forms.BooleanField(label=_("Qualifications and authorisation per profile"), required=False)
    plans = forms.ModelMultipleChoiceField(
        label=_("Agreed development plans"), queryset=DevelopmentPlan.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hours = forms.BooleanField(label=_("Hours of development per school year"), required=False)
    entries = forms.ModelMultipleChoiceField(
        label=_("Portfolio entries"), queryset=PortfolioEntry.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    certificates = forms.BooleanField(
        label=_("Certificates"), required=False,
        help_text=_("Your certificates and course completions, with their files, even when not ticked above."),
    )
    self_assessments = forms.BooleanField(
        label=_("My self-assessments from the needs inventory"), required=False,
        help_text=_("Private: only you see them. Leave this off for a document you hand to an employer."),
    )

    def __init__(self, data=None, *, owner, **kwargs):
        self.owner = owner
        plans = DevelopmentPlan.objects.filter(person=owner, status__in=SHOWN_PLAN_STATUSES).order_by("-school_year")
        entries = PortfolioEntry.objects.filter(owner=owner).order_by("-date", "-pk")
        initial = {
            "qualifications": True,
            "plans": list(plans),
            "hours": True,
            "entries": list(entries),
            "certificates": True,
            "self_assessments": False,
        }
        # No choice made (a plain link): everything except the private self-assessments.
        bound = data if data and data.get("chosen") else None
        super().__init__(bound, initial=initial, **kwargs)
        self.fields["plans"].queryset = plans
        self.fields["plans"].label_from_instance = lambda p: f"{p.school_year} — {p.get_status_display()}"
        self.fields["entries"].queryset = entries
        self.fields["entries"].label_from_instance = lambda e: f"{e.date:%d-%m-%Y} — {e.title}"

    def choice(self) -> dict:
        """The chosen parts; the defaults when nothing was chosen or the choice was invalid."""
        if self.is_bound and self.is_valid():
            return dict(self.cleaned_data)
        return dict(self.initial)
