"""Forms of HR's inbox and change log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .authorisation import DateInput


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The teacher sees this, for example: “The scan is unreadable; upload the diploma again.”"),
    )


class ChangeLogFilterForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None, required=False, empty_label=_("Everyone"))
    start = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end of the period lies before its start."))
        return data
