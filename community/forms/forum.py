"""Forms of the forum. Text is sanitised by the services; images are verified here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from ..markup import render_markdown
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
    "Markdown: **bold**, *italic*, `code`, [link](https://…), a line starting with - for a list, "
    "three backticks ``` on their own line around a code block. A blank line starts a new paragraph; "
    "web addresses become links."
)
ALT_HELP = _(
    "Describe what the image shows, for colleagues who use a screen reader, e.g. "
    "“Lasnaad van twee stalen platen, van bovenaf”."
)


def clean_source(text: str) -> str:
    """The Markdown as written; it is rendered and sanitised by the services."""
    return (text or "").replace("\r\n", "\n").strip()


class ImageSlotsMixin:
    """Up to MAX_IMAGES uploads, each with a required description (alt text)."""

    def add_image_slots(self):
        for n in range(1, MAX_IMAGES + 1):
            self.fields[f"image_{n}"] = forms.FileField(
                label=_("Image %(n)s") % {"n": n}, required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
                help_text=_("JPEG or PNG; it is re-encoded and only members can see it.") if n == 1 else "",
            )
            self.fields[f"alt_{n}"] = forms.CharField(
                label=_("Description of image %(n)s") % {"n": n}, required=False, max_length=250,
                help_text=ALT_HELP if n == 1 else "",
            )

    def image_slots(self):
        return [(self[f"image_{n}"], self[f"alt_{n}"]) for n in range(1, MAX_IMAGES + 1)]

    def clean_images(self, cleaned):
        images = []
        for n in range(1, MAX_IMAGES + 1):
            upload, alt = cleaned.get(f"image_{n}"), (cleaned.get(f"alt_{n}") or "").strip()
            if not upload:
                continue
            try:
                image = clean_image(upload)
            except forms.ValidationError as error:
                self.add_error(f"image_{n}", error)
                continue
            if not alt:
                self.add_error(f"alt_{n}", _("Describe the image: what does it show?"))
                continue
            images.append((image, alt))
        cleaned["images"] = images
        return cleaned


class PostForm(ImageSlotsMixin, forms.Form):
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

    def __init__(self, *args, post=None, **kwargs):
        if post is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": post.kind,
                    "title": post.title,
                    "body": post.body_source or post.body,
                    "tags": list(post.tags.all()),
                    "profiles": list(post.profiles.all()),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["profiles"].label_from_instance = lambda p: f"{p.code} — {p.name}"
        if post is not None:
            del self.fields["kind"]
        self.add_image_slots()

    def text_fields(self):
        return [f for f in self if not f.name.startswith(("image_", "alt_"))]

    def clean_body(self):
        source = clean_source(self.cleaned_data["body"])
        if not render_markdown(source):
            raise forms.ValidationError(_("Write some text."))
        return source

    def clean(self):
        return self.clean_images(super().clean())


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}), help_text=TEXT_HELP)

    def clean_body(self):
        return clean_source(self.cleaned_data["body"])


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
    expertise = forms.CharField(
        label=_("Expertise"), required=False, max_length=100,
        widget=forms.TextInput(attrs={"list": "expertise-options", "autocomplete": "off"}),
    )
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
