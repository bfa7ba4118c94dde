"""Everything the platform holds about a person, collected from every app (AVG/GDPR access right).

`community` imports none of the other apps: each app registers its exporters from its
AppConfig.ready() with `register_exporter(key, label, export)`; `collect(person)` runs them all.
An exporter returns JSON-serialisable data (dates and decimals are handled by DjangoJSONEncoder)
and uses a fixed number of queries whatever the amount of data (values()/prefetch_related).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exported = dict | list


@dataclass(frozen=True)
class Exporter:
    key: str
    label: Any  # a (lazy) translated string: what this part of the export is
    export: Callable[[Any], Exported]


_exporters: dict[str, Exporter] = {}


def register_exporter(key: str, label, export: Callable[[Any], Exported]) -> None:
    _exporters[key] = Exporter(key=key, label=label, export=export)


_links: dict[str, tuple[Any, str]] = {}


def register_link(key: str, label, url_name: str) -> None:
    """Another download of the person's data that an app offers (e.g. the dossier as PDF/ZIP)."""
    _links[key] = (label, url_name)


def links() -> list[tuple[Any, str]]:
    return [_links[key] for key in sorted(_links)]


_anonymisers: dict[str, Callable[[Any, str], None]] = {}

# What erasure does, in words, per app: shown on "Mijn gegevens", the dossier's export page
# and the confirmation step hub staff see before anonymising (one text, three places).
_erasure_texts: dict[str, Any] = {}


def register_erasure_text(key: str, text) -> None:
    _erasure_texts[key] = text


def erasure_details() -> list:
    from django.utils.translation import gettext as _

    return [
        _(
            "Your name, email address, photo, bio and expertise are removed and your account is closed; "
            "your roles at schools end."
        ),
        *(_erasure_texts[key] for key in sorted(_erasure_texts)),
    ]


def register_anonymiser(key: str, anonymise: Callable[[Any, str], None]) -> None:
    """anonymise(person, old_email): remove copies of the person's name/email an app keeps.

    Called inside the anonymisation's transaction, after the person row itself is anonymised.
    """
    _anonymisers[key] = anonymise


def run_anonymisers(person, old_email: str) -> None:
    for key in sorted(_anonymisers):
        _anonymisers[key](person, old_email)


def exporters() -> list[Exporter]:
    return list(_exporters.values())  # registration order: community, portfolios, courses


def collect(person) -> dict[str, dict]:
    """{key: {"label": ..., "data": ...}} for every registered exporter, in registration order."""
    return {e.key: {"label": str(e.label), "data": e.export(person)} for e in exporters()}


class Row(dict):
    """A row of `rows()`: remembers its model so the download can label its keys and values."""

    model = None


def rows(queryset, *extra, exclude=()) -> list[dict]:
    """One query: every concrete field of the queryset's model (minus `exclude`) plus `extra` lookups.

    File fields come out as their stored name, foreign keys as `<name>_id`.
    """
    fields = [
        f.attname for f in queryset.model._meta.concrete_fields if f.name not in exclude and f.attname not in exclude
    ]
    out = []
    for values in queryset.values(*fields, *extra):
        row = Row(values)
        row.model = queryset.model
        out.append(row)
    return out


def _field(model, key: str):
    """The model field a `values()` key names (`status`, `goal_id`, `round__school_year`), or None."""
    parts = key.split("__")
    field = None
    for n, part in enumerate(parts):
        if model is None:
            return None
        found = None
        for candidate in model._meta.get_fields():
            if getattr(candidate, "attname", None) == part or candidate.name == part:
                found = candidate
                break
        if found is None:
            return None
        field = found
        if n < len(parts) - 1:
            model = getattr(found, "related_model", None)
    return field


def _label(model, key: str) -> str:
    from django.utils.text import capfirst
    from django.utils.translation import gettext

    if key == "id":
        return gettext("Number")
    field = _field(model, key)
    name = getattr(field, "verbose_name", None)
    if name is None:
        return capfirst(key.replace("__", " ").replace("_", " "))
    label = str(name)
    if key.endswith("_id") and getattr(field, "is_relation", False):
        label = gettext("%(name)s (number)") % {"name": label}
    elif "__" in key:
        owner = _field(model, key.split("__")[0])
        if owner is not None and getattr(owner, "verbose_name", None):
            label = f"{owner.verbose_name}: {label}"
    return capfirst(label)


def _value(model, key: str, value):
    field = _field(model, key)
    choices = getattr(field, "flatchoices", None) if field is not None and getattr(field, "choices", None) else None
    if choices and not isinstance(value, (list, dict)):
        return str(dict(choices).get(value, value))
    return readable(value)


def readable(value):
    """The export with people's words for keys and values: labels, never field names or codes."""
    from django.utils.text import capfirst
    from django.utils.translation import gettext

    if isinstance(value, Row):
        return {_label(value.model, key): _value(value.model, key, item) for key, item in value.items()}
    if isinstance(value, dict):
        return {
            (capfirst(gettext(key.replace("_", " "))) if isinstance(key, str) else key): readable(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [readable(item) for item in value]
    return value


# --- community's own data ---------------------------------------------------------------------


def _profile(person) -> dict:
    from .models import Person

    data = rows(Person.objects.filter(pk=person.pk), exclude=("password",))[0]
    data["expertise"] = sorted(person.expertise.values_list("name", flat=True))
    return data


def _memberships(person) -> list:
    from .models import Membership

    memberships = rows(
        Membership.objects.filter(person=person).order_by("start_date", "pk"), "organisation__name", "team__name"
    )
    profiles: dict[int, list[str]] = {}
    for membership_id, code in Membership.profiles.through.objects.filter(membership__person=person).values_list(
        "membership_id", "vmboprofile__code"
    ):
        profiles.setdefault(membership_id, []).append(code)
    for m in memberships:
        m["profiles"] = sorted(profiles.get(m["id"], []))
    return memberships


def _invitations(person) -> dict:
    from .models import Invitation

    return {
        "sent": rows(Invitation.objects.filter(invited_by=person), "organisation__name", exclude=("token",)),
        "accepted": rows(
            Invitation.objects.filter(email__iexact=person.email, accepted_at__isnull=False),
            "organisation__name",
            exclude=("token",),
        ),
    }


def _forum(person) -> dict:
    from django.db.models import Q

    from .models import (
        Answer,
        Comment,
        Follow,
        ForumPreference,
        HelpfulVote,
        ModerationLog,
        Notification,
        Post,
        Report,
    )
    from .models.forum import TaggedPost

    posts = rows(Post.objects.filter(author=person).order_by("created_at"), exclude=("source_key",))
    tags: dict[int, list[str]] = {}
    for post_id, name in TaggedPost.objects.filter(content_object__author=person).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(post_id, []).append(name)
    for post in posts:
        post["tags"] = sorted(tags.get(post["id"], []))
    about_them = Q(person=person) | Q(post__author=person) | Q(answer__author=person)
    return {
        "posts": posts,
        "answers": rows(Answer.objects.filter(author=person).order_by("created_at"), "post__title"),
        "comments": rows(Comment.objects.filter(author=person).order_by("created_at")),
        "helpful_votes": rows(HelpfulVote.objects.filter(voter=person).order_by("created_at")),
        "follows": rows(Follow.objects.filter(follower=person).order_by("created_at"), "tag__name"),
        "notifications": rows(Notification.objects.filter(recipient=person).order_by("created_at"), "post__title"),
        "reports": rows(Report.objects.filter(reporter=person).order_by("created_at")),
        "preferences": rows(ForumPreference.objects.filter(person=person)),
        "moderation_log": rows(ModerationLog.objects.filter(about_them).order_by("created_at")),
    }


def _erasure_requests(person) -> list:
    from .models import ErasureRequest

    return rows(ErasureRequest.objects.filter(person=person).order_by("created"))


def register_community_exporters() -> None:
    from django.utils.translation import gettext_lazy as _

    register_exporter("community.profile", _("Profile"), _profile)
    register_exporter("community.memberships", _("Roles at organisations"), _memberships)
    register_exporter("community.invitations", _("Invitations sent and accepted"), _invitations)
    register_exporter("community.forum", _("Learning community: posts, answers, comments, follows, notifications, reports"), _forum)
    register_exporter("community.erasure_requests", _("Erasure requests"), _erasure_requests)
