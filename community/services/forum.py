"""Writes of the forum: posts, answers, votes, follows, notifications, moderation.

Plain keyword-only functions in transactions; notifications fan out in a background task
started on commit, so a post is never slowed down by its followers.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from taggit.models import Tag

from ..markup import render_markdown
from ..models import (
    Answer,
    Comment,
    Follow,
    ForumPreference,
    HelpfulVote,
    Membership,
    ModerationLog,
    Notification,
    Organisation,
    Post,
    PostImage,
    PostKind,
    Report,
    Role,
    VmboProfile,
)
from ..permissions import (
    can_contribute,
    can_edit_answer,
    can_edit_post,
    can_mark_solution,
    is_hub_staff,
    is_moderator,
)
from ..sanitise import clean_html

Action = ModerationLog.Action


class RateLimited(ValidationError):
    pass


def check_rate_limit(person) -> None:
    """At most FORUM_RATE_LIMIT posts, answers and comments per FORUM_RATE_WINDOW_MINUTES."""
    limit = settings.FORUM_RATE_LIMIT
    minutes = settings.FORUM_RATE_WINDOW_MINUTES
    since = timezone.now() - timedelta(minutes=minutes)
    recent = (
        Post.objects.filter(author=person, created_at__gte=since).count()
        + Answer.objects.filter(author=person, created_at__gte=since).count()
        + Comment.objects.filter(author=person, created_at__gte=since).count()
    )
    if recent >= limit:
        raise RateLimited(
            _("You have posted %(count)s times in the last %(minutes)s minutes. Please wait a few minutes before posting again.")
            % {"count": recent, "minutes": minutes},
            code="rate_limited",
        )


def _profiles(profiles):
    codes = [p for p in profiles if isinstance(p, str)]
    objs = [p for p in profiles if isinstance(p, VmboProfile)]
    if codes:
        objs += list(VmboProfile.objects.filter(code__in=codes))
    return objs


def _notify_on_commit(kind, post, *, answer=None, actor=None):
    from ..tasks.forum import forum_notify

    post_id, answer_id, actor_id = post.pk, answer.pk if answer else None, actor.pk if actor else None
    transaction.on_commit(lambda: forum_notify.enqueue(kind, post_id, answer_id, actor_id))


def _follow(person, post):
    Follow.objects.get_or_create(follower=person, kind=Follow.Kind.QUESTION, post=post)


def _body(body_html, body_markdown):
    """(sanitised HTML, Markdown source): what members write is Markdown; what other parts of the
    platform share (a reflection, an internship summary) is already HTML."""
    if body_markdown is not None:
        return render_markdown(body_markdown), body_markdown.replace("\r\n", "\n").strip()
    return clean_html(body_html), ""


def _add_images(post, images):
    """Images as (cleaned upload, alt text) pairs, or bare cleaned uploads (no alt text)."""
    for item in images:
        clean, alt = item if isinstance(item, tuple) else (item, "")
        PostImage.objects.create(
            post=post, image=clean.content, content_type=clean.content_type, alt_text=alt.strip()[:250]
        )


@transaction.atomic
def post_create(*, author, kind, title, body_html=None, body_markdown=None, tags=(), profiles=(), images=(),
                check_limit=True, source_key=None, about_url="", about_title=""):
    if check_limit:
        check_rate_limit(author)
    body, source = _body(body_html, body_markdown)
    post = Post(author=author, kind=kind, title=title.strip(), body=body, body_source=source, source_key=source_key,
                about_url=about_url[:300], about_title=about_title[:200])
    post.full_clean(exclude=["source_key"])
    post.save()
    if tags:
        post.tags.set(list(tags))
        post.refresh_search()
    if profiles:
        post.profiles.set(_profiles(profiles))
    _add_images(post, images)
    if tags:
        transaction.on_commit(lambda: _reindex(post))
    _follow(author, post)
    _notify_on_commit("new_post", post, actor=author)
    return post


@transaction.atomic
def post_update(*, post, editor, title, body_html=None, body_markdown=None, tags=None, profiles=None, images=(),
                reason=""):
    if not can_edit_post(editor, post):
        raise PermissionDenied
    post.title = title.strip()
    post.body, post.body_source = _body(body_html, body_markdown)
    post.edited_at = timezone.now()
    post.full_clean(exclude=["source_key"])
    post.save()
    if tags is not None:
        post.tags.set(list(tags))
        post.refresh_search()
    if profiles is not None:
        post.profiles.set(_profiles(profiles))
    _add_images(post, images)
    transaction.on_commit(lambda: _reindex(post))
    if editor.pk != post.author_id:
        _log(editor, Action.EDIT, post=post, reason=reason or _("Edited by a moderator."))
    return post


def experience_share(*, author, title, body_html, tags=(), profiles=(), source_key):
    """Share something from elsewhere (a study-day reflection, an internship report) as an
    experience. Idempotent per source_key: a second call returns the existing post."""
    existing = Post.objects.filter(source_key=source_key).first()
    if existing:
        return existing
    try:
        return post_create(
            author=author, kind=PostKind.EXPERIENCE, title=title[:200], body_html=body_html,
            tags=tags, profiles=profiles, check_limit=False, source_key=source_key,
        )
    except IntegrityError:
        return Post.objects.get(source_key=source_key)


@transaction.atomic
def answer_create(*, post, author, body_html=None, body_markdown=None):
    if not can_contribute(author, post):
        raise PermissionDenied
    check_rate_limit(author)
    body, source = _body(body_html, body_markdown)
    answer = Answer(post=post, author=author, body=body, body_source=source, search_hidden=post.is_hidden)
    answer.full_clean()
    answer.save()
    Post.objects.filter(pk=post.pk).update(answer_count=F("answer_count") + 1, last_activity_at=timezone.now())
    _follow(author, post)
    _notify_on_commit("new_answer", post, answer=answer, actor=author)
    return answer


@transaction.atomic
def answer_update(*, answer, editor, body_html=None, body_markdown=None, reason=""):
    if not can_edit_answer(editor, answer):
        raise PermissionDenied
    answer.body, answer.body_source = _body(body_html, body_markdown)
    answer.edited_at = timezone.now()
    answer.full_clean()
    answer.save()
    if editor.pk != answer.author_id:
        _log(editor, Action.EDIT, post=answer.post, answer=answer, reason=reason or _("Edited by a moderator."))
    return answer


@transaction.atomic
def comment_create(*, answer, author, body):
    if not can_contribute(author, answer.post):
        raise PermissionDenied
    check_rate_limit(author)
    comment = Comment(answer=answer, author=author, body=body.strip())
    comment.full_clean()
    comment.save()
    return comment


def _recount_solved(post):
    solved = post.answers.filter(is_solution=True, is_hidden=False).exists()
    Post.objects.filter(pk=post.pk).update(is_solved=solved)
    post.is_solved = solved


@transaction.atomic
def solution_toggle(*, answer, person):
    post = answer.post
    if not can_mark_solution(person, post):
        raise PermissionDenied
    answer.is_solution = not answer.is_solution
    answer.save(update_fields=["is_solution"])
    _recount_solved(post)
    if answer.is_solution:
        if person.pk != post.author_id:
            _log(person, Action.MARK_SOLUTION, post=post, answer=answer, reason=_("Marked as solution."))
        _notify_on_commit("solution", post, answer=answer, actor=person)
    return answer.is_solution


@transaction.atomic
def helpful_toggle(*, person, post=None, answer=None):
    """One vote per person, a second click takes it back. Returns (voted, new count)."""
    target = post or answer
    if target.author_id == person.pk:
        raise PermissionDenied
    model = Post if post else Answer
    lookup = {"post": post} if post else {"answer": answer}
    deleted, _unused = HelpfulVote.objects.filter(voter=person, **lookup).delete()
    if deleted:
        model.objects.filter(pk=target.pk).update(helpful_count=F("helpful_count") - 1)
        voted = False
    else:
        HelpfulVote.objects.create(voter=person, **lookup)
        model.objects.filter(pk=target.pk).update(helpful_count=F("helpful_count") + 1)
        voted = True
    target.refresh_from_db(fields=["helpful_count"])
    return voted, target.helpful_count


def follow_toggle(*, person, post=None, tag=None, followed=None):
    """Follow or unfollow a question, a tag or a person. Returns True when now following."""
    if post is not None:
        lookup = {"kind": Follow.Kind.QUESTION, "post": post}
    elif tag is not None:
        lookup = {"kind": Follow.Kind.TAG, "tag": tag}
    else:
        if followed.pk == person.pk:
            raise PermissionDenied
        lookup = {"kind": Follow.Kind.PERSON, "person": followed}
    deleted, _unused = Follow.objects.filter(follower=person, **lookup).delete()
    if deleted:
        return False
    Follow.objects.get_or_create(follower=person, **lookup)
    return True


def preference_for(person) -> ForumPreference:
    return ForumPreference.objects.get_or_create(person=person)[0]


def notifications_mark_read(*, person, ids=None):
    qs = Notification.objects.filter(recipient=person, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


def fan_out(kind, post_id, answer_id=None, actor_id=None):
    """Create the in-app notifications for one event (run from the background task)."""
    post = Post.objects.filter(pk=post_id).first()
    if post is None or post.is_hidden:
        return 0
    rows = {}
    if kind == "new_post":
        tag_ids = list(post.tags.values_list("pk", flat=True))
        followers = Follow.objects.filter(
            Q(kind=Follow.Kind.TAG, tag_id__in=tag_ids) | Q(kind=Follow.Kind.PERSON, person_id=post.author_id)
        ).values_list("follower_id", "kind")
        for follower_id, follow_kind in followers:
            # A person followed beats a tag followed: one notification per person.
            if follow_kind == Follow.Kind.PERSON or follower_id not in rows:
                rows[follower_id] = (
                    Notification.Kind.NEW_POST_PERSON if follow_kind == Follow.Kind.PERSON
                    else Notification.Kind.NEW_POST_TAG
                )
    else:
        note_kind = Notification.Kind.NEW_ANSWER if kind == "new_answer" else Notification.Kind.SOLUTION
        for follower_id in Follow.objects.filter(kind=Follow.Kind.QUESTION, post=post).values_list("follower_id", flat=True):
            rows[follower_id] = note_kind
        rows[post.author_id] = note_kind
        if kind == "solution" and answer_id:
            answer_author = Answer.objects.filter(pk=answer_id).values_list("author_id", flat=True).first()
            if answer_author:
                rows[answer_author] = note_kind
    rows.pop(actor_id, None)
    # One notification per person per event: marking, unmarking and re-marking a solution (or a
    # task that runs twice) adds nothing new.
    already = set(
        Notification.objects.filter(
            post_id=post_id, answer_id=answer_id, recipient_id__in=rows, kind__in=set(rows.values())
        ).values_list("recipient_id", "kind")
    )
    rows = {pid: note for pid, note in rows.items() if (pid, note) not in already}
    # Only members receive them: someone who left keeps no forum feed.
    members = set(
        Membership.objects.active().filter(person_id__in=rows).values_list("person_id", flat=True)
    )
    Notification.objects.bulk_create(
        [
            Notification(recipient_id=pid, kind=note, post_id=post_id, answer_id=answer_id, actor_id=actor_id)
            for pid, note in rows.items()
            if pid in members
        ]
    )
    return len(members & set(rows))


def report_create(*, reporter, post, answer=None, reason, explanation=""):
    report = Report(reporter=reporter, post=post, answer=answer, reason=reason, explanation=explanation.strip())
    report.full_clean()
    report.save()
    return report


# --- Moderation: every action is logged with who, what and why. ---------------------------


def _log(moderator, action, *, post=None, answer=None, person=None, reason):
    subject = (post.title if post else "") or (str(person) if person else "")
    if answer is not None:
        subject = _("Answer by %(name)s on “%(title)s”") % {"name": answer.author, "title": answer.post.title}
    return ModerationLog.objects.create(
        moderator=moderator, action=action, post=post, answer=answer, person=person,
        subject=subject[:300], reason=reason,
    )


def _require_moderator(user):
    if not is_moderator(user):
        raise PermissionDenied


def _require_reason(reason):
    if not (reason or "").strip():
        raise ValidationError(_("Give a reason: it is kept in the moderation log."), code="reason")


@transaction.atomic
def post_moderate(*, moderator, post, action, reason):
    _require_moderator(moderator)
    _require_reason(reason)
    if action in (Action.HIDE, Action.UNHIDE):
        post.is_hidden = action == Action.HIDE
        post.save(update_fields=["is_hidden"])
        Answer.objects.filter(post=post).update(search_hidden=post.is_hidden)
        if not post.is_hidden:
            Answer.objects.filter(post=post, is_hidden=True).update(search_hidden=True)
    elif action in (Action.LOCK, Action.UNLOCK):
        post.is_locked = action == Action.LOCK
        post.save(update_fields=["is_locked"])
    else:
        raise ValidationError(_("Unknown action."))
    entry = _log(moderator, action, post=post, reason=reason)
    if action in (Action.HIDE, Action.UNHIDE):
        _close_reports(moderator, Report.objects.open().filter(post=post), action, reason)
        _tell_author(moderator, post.author_id, action, reason, post=post)
    return entry


@transaction.atomic
def answer_moderate(*, moderator, answer, action, reason):
    _require_moderator(moderator)
    _require_reason(reason)
    if action not in (Action.HIDE, Action.UNHIDE):
        raise ValidationError(_("Unknown action."))
    answer.is_hidden = action == Action.HIDE
    answer.search_hidden = answer.is_hidden or answer.post.is_hidden
    answer.save(update_fields=["is_hidden", "search_hidden"])
    post = answer.post
    Post.objects.filter(pk=post.pk).update(
        answer_count=post.answers.filter(is_hidden=False).count()
    )
    _recount_solved(post)
    entry = _log(moderator, action, post=post, answer=answer, reason=reason)
    _close_reports(moderator, Report.objects.open().filter(answer=answer), action, reason)
    _tell_author(moderator, answer.author_id, action, reason, post=post, answer=answer)
    return entry


def _close_reports(moderator, reports, action, reason):
    """Hiding (or making visible after a review) answers the open reports about it."""
    now = timezone.now()
    label = ModerationLog.Action(action).label
    for report in reports.select_related("post", "answer__author", "answer__post"):
        report.resolved_at, report.resolved_by = now, moderator
        report.resolution = f"{label}: {reason.strip()}"[:1000]
        report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
        _log(moderator, Action.RESOLVE_REPORT, post=report.post, answer=report.answer,
             reason=f"{report.get_reason_display()} → {label}: {reason.strip()}")


def _tell_author(moderator, author_id, action, reason, *, post, answer=None):
    """The author hears what happened and why, in the app and in the digest."""
    if author_id == moderator.pk:
        return
    kind = Notification.Kind.MODERATED if action == Action.HIDE else Notification.Kind.RESTORED
    Notification.objects.create(
        recipient_id=author_id, kind=kind, post=post, answer=answer, actor=moderator, message=reason.strip()
    )


@transaction.atomic
def review_request(*, author, post, answer=None, explanation=""):
    """The author of hidden content (usually after editing it) asks the moderators to look again.
    One open request at a time."""
    target = answer or post
    if target.author_id != author.pk or not target.is_hidden:
        raise PermissionDenied
    existing = Report.objects.open().filter(
        post=post, answer=answer, reporter=author, reason=Report.Reason.REVIEW
    ).first()
    if existing:
        return existing
    return report_create(
        reporter=author, post=post, answer=answer, reason=Report.Reason.REVIEW, explanation=explanation
    )


@transaction.atomic
def post_merge(*, moderator, source, target, reason):
    """Move the duplicate's answers to the target; the duplicate then points to it."""
    _require_moderator(moderator)
    _require_reason(reason)
    if source.pk == target.pk or target.duplicate_of_id:
        raise ValidationError(_("Choose another question that is not itself a duplicate."), code="target")
    moved = list(Answer.objects.filter(post=source).values_list("pk", flat=True))
    Answer.objects.filter(pk__in=moved).update(post=target, search_hidden=target.is_hidden)
    for follower_id in Follow.objects.filter(kind=Follow.Kind.QUESTION, post=source).values_list("follower_id", flat=True):
        Follow.objects.get_or_create(follower_id=follower_id, kind=Follow.Kind.QUESTION, post=target)
    source.duplicate_of = target
    source.is_locked = True
    source.answer_count = 0
    source.is_solved = False
    source.save(update_fields=["duplicate_of", "is_locked", "answer_count", "is_solved"])
    Post.objects.filter(pk=target.pk).update(
        answer_count=target.answers.filter(is_hidden=False).count(), last_activity_at=timezone.now()
    )
    _recount_solved(target)
    return _log(
        moderator, Action.MERGE, post=source,
        reason=f"{reason} → {target.title} (#{target.pk})",
    )


@transaction.atomic
def report_resolve(*, moderator, report, resolution, hide=False):
    _require_moderator(moderator)
    _require_reason(resolution)
    target = report.answer if report.answer_id else report.post
    if hide and not target.is_hidden:
        # Hiding closes every open report about it, this one included, and logs each.
        if report.answer_id:
            answer_moderate(moderator=moderator, answer=report.answer, action=Action.HIDE, reason=resolution)
        else:
            post_moderate(moderator=moderator, post=report.post, action=Action.HIDE, reason=resolution)
        report.refresh_from_db()
        return ModerationLog.objects.filter(action=Action.RESOLVE_REPORT, post=report.post).first()
    report.resolved_at = timezone.now()
    report.resolved_by = moderator
    report.resolution = resolution.strip()
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return _log(
        moderator, Action.RESOLVE_REPORT, post=report.post, answer=report.answer,
        reason=f"{report.get_reason_display()}: {resolution}",
    )


@transaction.atomic
def moderator_grant(*, granted_by, person, reason):
    if not is_hub_staff(granted_by):
        raise PermissionDenied
    _require_reason(reason)
    if person.has_role(Role.MODERATOR):
        return None
    home = next((m.organisation for m in person.active_memberships), None)
    if home is None:
        home = Organisation.objects.filter(kind=Organisation.Kind.HUB).first()
    if home is None:
        raise ValidationError(_("This person has no organisation to hold the role at."))
    membership = Membership.objects.create(person=person, organisation=home, role=Role.MODERATOR)
    person.__dict__.pop("active_memberships", None)
    _log(granted_by, Action.GRANT_MODERATOR, person=person, reason=reason)
    return membership


@transaction.atomic
def moderator_revoke(*, revoked_by, person, reason):
    if not is_hub_staff(revoked_by):
        raise PermissionDenied
    _require_reason(reason)
    today = timezone.localdate()
    for membership in Membership.objects.active().filter(person=person, role=Role.MODERATOR):
        if membership.start_date >= today:
            membership.delete()
        else:
            membership.end_date = today - timedelta(days=1)
            membership.save(update_fields=["end_date"])
    person.__dict__.pop("active_memberships", None)
    return _log(revoked_by, Action.REVOKE_MODERATOR, person=person, reason=reason)


def _reindex(obj):
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends():
        backend.add(obj)


def tag_by_name(name):
    return Tag.objects.filter(name__iexact=name).first()
