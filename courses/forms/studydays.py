from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import StudyDayFeedback


class WorkshopChoiceForm(forms.Form):
    workshops = forms.MultipleChoiceField(
        label=_("Workshops"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at most one workshop per time slot. A full workshop puts you on its waitlist."),
    )

    def __init__(self, *args, workshops=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop_map = {str(w.pk): w for w in workshops}
        choices = []
        for w in workshops:
            if w.is_full:
                state = _("full — waitlist")
            else:
                state = ngettext("%(n)s place left", "%(n)s places left", w.places_left) % {"n": w.places_left}
            speaker = f" — {w.speaker.name}" if w.speaker_id else ""
            choices.append((str(w.pk), f"{w.start_time:%H:%M}–{w.end_time:%H:%M} {w.title}{speaker} ({state})"))
        self.fields["workshops"].choices = choices

    def clean_workshops(self):
        chosen = [self.workshop_map[pk] for pk in self.cleaned_data["workshops"]]
        ordered = sorted(chosen, key=lambda w: w.start_time)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if a.overlaps(b):
                raise forms.ValidationError(
                    _("The workshops “%(a)s” and “%(b)s” take place at the same time."), params={"a": a.title, "b": b.title}
                )
        return [w.pk for w in chosen]


class FeedbackForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("How would you rate this study day?"), coerce=int,
        choices=[(5, _("5 — excellent")), (4, _("4 — good")), (3, _("3 — fair")), (2, _("2 — poor")), (1, _("1 — very poor"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = StudyDayFeedback
        fields = ["rating", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 5})}
        labels = {"comments": _("What did you take away, what could be better?")}


class StudyDayCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Message to the participants"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Included in the cancellation email."),
    )
