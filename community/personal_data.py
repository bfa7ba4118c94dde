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


def rows(queryset, *extra, exclude=()) -> list[dict]:
    """One query: every concrete field of the queryset's model (minus `exclude`) plus `extra` lookups.

    File fields come out as their stored name, foreign keys as `<name>_id`.
    """
    fields = [
        f.attname for f in queryset.model._meta.concrete_fields if f.name not in exclude and f.attname not in exclude
    ]
    return list(queryset.values(*fields, *extra))


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
