"""Forms of the forum. Text is sanitised by the services; images are verified here."""

import re

from django import forms
from django.utils.html import escape, urlize
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from ..models import (
    ForumPreference,
    ModerationLog,
    Organisation,
    Person,
    PostKind,
    Report,
    VmboProfile,
)
from ..uploads import clean_image

MAX_IMAGES = 4

TEXT_HELP = _(
    "Leave a blank line for a new paragraph; web addresses become links. Simple HTML for bold, "
    "italic, lists and links is allowed too."
)

_TAG_RE = re.compile(r"</?(p|br|strong|b|em|i|u|ul|ol|li|blockquote|code|pre|h3|h4|a)\b", re.I)


def text_to_html(text: str) -> str:
    """Plain text becomes paragraphs with clickable links; text with HTML is kept for sanitising."""
    text = (text or "").strip().replace("\r\n", "\n")
    if _TAG_RE.search(text):
        return text
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + urlize(escape(p), nofollow=True, autoescape=False).replace("\n", "<br>") + "</p>" for p in paragraphs
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(_("Add at most %(max)s images.") % {"max": MAX_IMAGES})
        return [clean_image(super(MultipleImageField, self).clean(f, initial)) for f in files]


class PostForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you want to share?"), choices=PostKind.choices, widget=forms.RadioSelect)
    title = forms.CharField(
        label=_("Title"), max_length=200,
        help_text=_("For a question: ask it in one sentence. For an experience: what worked?"),
    )
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}), help_text=TEXT_HELP)
    tags = TagField(
        label=_("Tags"), required=False,
        help_text=_("Comma-separated, e.g. PIE, lassen, studiedag."),
    )
    profiles = forms.ModelMultipleChoiceField(
        label=_("Vmbo profiles"), queryset=VmboProfile.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    images = MultipleImageField(
        label=_("Images"), required=False,
        help_text=_("Up to four JPEG or PNG images; they are re-encoded and only members can see them."),
    )

    def __init__(self, *args, post=None, **kwargs):
        if post is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": post.kind,
                    "title": post.title,
                    "body": post.body,
                    "tags": list(post.tags.all()),
                    "profiles": list(post.profiles.all()),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["profiles"].label_from_instance = lambda p: f"{p.code} — {p.name}"
        if post is not None:
            del self.fields["kind"]

    def clean_body(self):
        html = text_to_html(self.cleaned_data["body"])
        if not html.strip():
            raise forms.ValidationError(_("Write some text."))
        return html


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}), help_text=TEXT_HELP)

    def clean_body(self):
        return text_to_html(self.cleaned_data["body"])


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label=_("Why are you reporting this?"), choices=Report.Reason.choices, widget=forms.RadioSelect)
    explanation = forms.CharField(
        label=_("Explanation (optional)"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ModerateForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the moderation log, with your name and the time."),
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(a, ModerationLog.Action(a).label) for a in actions]


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("Number of the question to keep"), min_value=1,
        help_text=_("Each question shows its number (#) next to the date."),
    )
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class ResolveReportForm(forms.Form):
    resolution = forms.CharField(label=_("What did you do?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))
    hide = forms.BooleanField(label=_("Hide the reported content"), required=False)


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = ForumPreference
        fields = ["digest"]
        widgets = {"digest": forms.RadioSelect}


class ListFilterForm(forms.Form):
    STATUS = [("", _("All")), ("unanswered", _("Unanswered")), ("solved", _("Solved")), ("open", _("Not yet solved"))]
    SORT = [("newest", _("Newest")), ("helpful", _("Most helpful")), ("active", _("Recently active"))]
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Everything")), *PostKind.choices])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    profile = forms.ModelChoiceField(
        label=_("Profile"), required=False, queryset=VmboProfile.objects.all(), to_field_name="code",
        empty_label=_("All profiles"),
    )
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORT)
    following = forms.BooleanField(label=_("Only what I follow"), required=False)


class SearchForm(forms.Form):
    TYPES = [
        ("", _("Everything")),
        ("question", _("Learning questions")),
        ("experience", _("Experiences")),
        ("answer", _("Answers")),
        ("article", _("Articles")),
        ("studyday", _("Study days")),
    ]
    q = forms.CharField(label=_("Search for"), required=False, max_length=200)
    type = forms.ChoiceField(label=_("Type"), required=False, choices=TYPES)
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)


class DirectoryFilterForm(forms.Form):
    expertise = forms.CharField(label=_("Expertise"), required=False, max_length=100)
    profile = forms.ModelChoiceField(
        label=_("Profile taught"), required=False, queryset=VmboProfile.objects.all(), to_field_name="code",
        empty_label=_("All profiles"),
    )
    school = forms.ModelChoiceField(
        label=_("School"), required=False, queryset=Organisation.objects.schools().current(), empty_label=_("All schools")
    )


class ModeratorGrantForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the member"))
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def clean_email(self):
        person = Person.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if person is None:
            raise forms.ValidationError(_("No member with this email address."))
        self.person = person
        return person.email
