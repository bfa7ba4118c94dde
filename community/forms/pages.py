"""Admin forms of the community's pages."""

from django import forms
from django.db.models import Prefetch, Q
from wagtail.admin.forms import WagtailAdminPageForm


class AuthorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        organisations = sorted({m.organisation.name for m in person.current_memberships})
        name = person.get_full_name() or person.email
        return f"{name} ({', '.join(organisations)})" if organisations else f"{name} ({person.email})"


def writers():
    """People who write articles: hub staff and members of the Hub editors group."""
    from ..models import Membership, Person, Role
    from ..wagtail_groups import HUB_EDITORS

    active = Membership.objects.active().select_related("organisation")
    return (
        Person.objects.filter(is_active=True)
        .filter(
            Q(pk__in=active.filter(role=Role.HUB_STAFF).values("person_id"))
            | Q(groups__name=HUB_EDITORS)
        )
        .distinct()
        .order_by("sort_name", "pk")
        .prefetch_related(Prefetch("memberships", queryset=active, to_attr="current_memberships"))
    )


class ArticlePageForm(WagtailAdminPageForm):
    """The author list shows only writers, with their organisation, so namesakes differ."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "author" in self.fields:
            queryset = writers()
            if self.instance.author_id:  # keep a former writer who is already the author
                from ..models import Person

                queryset = (queryset | Person.objects.filter(pk=self.instance.author_id)).distinct()
            old = self.fields["author"]
            self.fields["author"] = AuthorChoiceField(
                queryset=queryset, required=False, label=old.label, help_text=old.help_text, widget=forms.Select,
            )
