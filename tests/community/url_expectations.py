from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Case

EXPECTATIONS = {
    "dashboard": Case(expect={"anonymous": LOGIN, "*": OK}),
}

# --- Forum (learning community) --------------------------------------------------------------


def _forum_post(w):
    from tests.community.factories_forum import PostFactory

    return PostFactory(author=w.teacher)


def _forum_answer(w):
    from tests.community.factories_forum import AnswerFactory

    return AnswerFactory(post=_forum_post(w), author=w.colleague)


def _forum_image(w):
    from tests.community.factories_forum import post_image

    return post_image(_forum_post(w))


def _forum_tag(w):
    from taggit.models import Tag

    return Tag.objects.get_or_create(name="lassen", slug="lassen")[0]


def _forum_report(w):
    from tests.community.factories_forum import ReportFactory

    return ReportFactory(post=_forum_post(w), reporter=w.colleague)


def _forum_notification(w):
    from tests.community.factories_forum import notification_for

    return notification_for(w.teacher, _forum_post(w))


def _forum_token(w):
    from community.tasks.forum import unsubscribe_token

    return unsubscribe_token(w.teacher)


_MEMBERS = {"anonymous": LOGIN, "*": OK}
_POST_ONLY = {"anonymous": LOGIN, "*": NOT_ALLOWED}
_MODERATORS = {"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}

EXPECTATIONS.update({
    "community:forum_list": Case(expect=_MEMBERS),
    "community:forum_post_create": Case(expect=_MEMBERS),
    "community:forum_post": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_MEMBERS),
    "community:forum_post_edit": Case(
        kwargs=lambda w: {"pk": _forum_post(w).pk},
        expect={"anonymous": LOGIN, "teacher": OK, "hub_staff": OK, "*": FORBIDDEN},
    ),
    "community:forum_answer_create": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_POST_ONLY),
    "community:forum_post_helpful": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_POST_ONLY),
    "community:forum_post_follow": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_POST_ONLY),
    "community:forum_post_report": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_MEMBERS),
    "community:forum_post_moderate": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_MODERATORS),
    "community:forum_post_merge": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_MODERATORS),
    "community:forum_answer_edit": Case(
        kwargs=lambda w: {"pk": _forum_answer(w).pk},
        expect={"anonymous": LOGIN, "colleague": OK, "hub_staff": OK, "*": FORBIDDEN},
    ),
    "community:forum_comment_create": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_POST_ONLY),
    "community:forum_solution": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_POST_ONLY),
    "community:forum_answer_helpful": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_POST_ONLY),
    "community:forum_answer_report": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_MEMBERS),
    "community:forum_answer_moderate": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_MODERATORS),
    "community:forum_image": Case(kwargs=lambda w: {"pk": _forum_image(w).pk}, expect=_MEMBERS),
    "community:forum_tag_follow": Case(kwargs=lambda w: {"slug": _forum_tag(w).slug}, expect=_POST_ONLY),
    "community:forum_search": Case(expect=_MEMBERS, query="q=lassen"),
    "community:forum_notifications": Case(expect=_MEMBERS),
    "community:forum_notification_open": Case(
        kwargs=lambda w: {"pk": _forum_notification(w).pk},
        expect={"anonymous": LOGIN, "teacher": REDIRECT, "*": NOT_FOUND},
    ),
    "community:forum_notifications_read": Case(expect=_POST_ONLY),
    "community:forum_settings": Case(expect=_MEMBERS),
    # From the digest email: works without logging in, the signed token says who.
    "community:forum_unsubscribe": Case(kwargs=lambda w: {"token": _forum_token(w)}, expect={"*": OK}),
    "community:forum_directory": Case(expect=_MEMBERS),
    "community:forum_member": Case(
        kwargs=lambda w: {"pk": w.teacher.pk},
        expect={"anonymous": LOGIN, "teacher": OK, "*": NOT_FOUND},
    ),
    "community:forum_person_follow": Case(kwargs=lambda w: {"pk": w.colleague.pk}, expect=_POST_ONLY),
    "community:forum_moderation": Case(expect=_MODERATORS),
    "community:forum_moderation_log": Case(expect=_MODERATORS),
    "community:forum_report_resolve": Case(kwargs=lambda w: {"pk": _forum_report(w).pk}, expect=_MODERATORS),
    "community:forum_moderators": Case(expect=_MODERATORS),
})
# --- end forum -------------------------------------------------------------------------------
