from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Case

EXPECTATIONS = {
    # Load-balancer probes: open to anyone, no personal data.
    "health": Case(expect={"*": OK}),
    "health_ready": Case(expect={"*": OK}),
    "dashboard": Case(expect={"anonymous": LOGIN, "*": OK}),
    # Security log: one's own for everyone; searching everyone's for hub staff only.
    "community:security_log": Case(expect={"anonymous": LOGIN, "*": OK}),
    "community:security_search": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    # People: profiles, invitations, HR's people management.
    "community:profile_edit": Case(expect={"anonymous": LOGIN, "*": OK}),
    "community:person_detail": Case(
        # The teacher is not listed in the directory: only colleagues of the school and the hub see the page.
        kwargs=lambda w: {"pk": w.teacher.pk},
        expect={"anonymous": LOGIN, "other_teacher": NOT_FOUND, "other_hr": NOT_FOUND, "company_mentor": NOT_FOUND, "*": OK},
    ),
    "community:person_photo": Case(
        # The teacher has no photo: members get 404 for the missing file, anonymous the login.
        kwargs=lambda w: {"pk": w.teacher.pk}, expect={"anonymous": LOGIN, "*": NOT_FOUND}
    ),
    "community:invitation_list": Case(
        expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "hub_staff": OK, "*": FORBIDDEN}
    ),
    "community:invitation_create": Case(
        expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "hub_staff": OK, "*": FORBIDDEN}
    ),
    "community:invitation_resend": Case(
        kwargs=lambda w: {"pk": _invitation(w).pk},
        expect={"anonymous": LOGIN, "hr": NOT_ALLOWED, "hub_staff": NOT_ALLOWED, "*": NOT_FOUND},
    ),
    "community:invitation_revoke": Case(
        kwargs=lambda w: {"pk": _invitation(w).pk},
        expect={"anonymous": LOGIN, "hr": NOT_ALLOWED, "hub_staff": NOT_ALLOWED, "*": NOT_FOUND},
    ),
    "community:invitation_accept": Case(
        # Open to anyone holding the link; logged-in people see whom it is for.
        kwargs=lambda w: {"token": _invitation(w).token}, expect={"*": OK}
    ),
    "community:school_people": Case(
        expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "hub_staff": OK, "*": FORBIDDEN}
    ),
    "community:activation_list": Case(
        expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "*": FORBIDDEN}
    ),
    "community:membership_edit": Case(
        kwargs=lambda w: {"pk": w.teacher.memberships.get().pk},
        expect={"anonymous": LOGIN, "hr": OK, "hub_staff": OK, "other_hr": NOT_FOUND, "*": FORBIDDEN},
    ),
    "community:membership_end": Case(
        kwargs=lambda w: {"pk": w.teacher.memberships.get().pk},
        expect={"anonymous": LOGIN, "hr": OK, "hub_staff": OK, "other_hr": NOT_FOUND, "*": FORBIDDEN},
    ),
    # The Wagtail admin's membership listing (its view class lives in community.admin_viewsets):
    # only hub staff get in; anonymous people go to the login, others get the refusal page.
    "membership:index": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "membership:index_results": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
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
    "community:forum_preview": Case(expect=_POST_ONLY),
    "community:forum_post_review": Case(kwargs=lambda w: {"pk": _forum_post(w).pk}, expect=_POST_ONLY),
    "community:forum_answer_review": Case(kwargs=lambda w: {"pk": _forum_answer(w).pk}, expect=_POST_ONLY),
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

def _invitation(w):
    from tests.community.factories import InvitationFactory

    return InvitationFactory(organisation=w.school, invited_by=w.hr)

# --- GDPR: my data (export, erasure request) and hub staff's handling of erasure requests ------


def _erasure_request(w):
    from community.models import ErasureRequest

    return ErasureRequest.objects.get_or_create(person=w.teacher, status="open")[0]


EXPECTATIONS.update({
    "community:my_data": Case(expect={"anonymous": LOGIN, "*": OK}),
    "community:my_data_download": Case(expect={"anonymous": LOGIN, "*": OK}),
    # POST only (the form on my_data); a GET is refused.
    "community:erasure_request_create": Case(expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "community:erasure_requests": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "community:erasure_request_anonymise": Case(
        kwargs=lambda w: {"pk": _erasure_request(w).pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}
    ),
    "community:erasure_request_decline": Case(
        kwargs=lambda w: {"pk": _erasure_request(w).pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}
    ),
    # The Wagtail admin's erasure requests: only hub staff; anonymous to the login, others refused.
    "erasure_request:index": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "erasure_request:edit": Case(kwargs=lambda w: {"pk": _erasure_request(w).pk}, expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
})

# --- The CMS (/admin/): hub staff get in; anonymous people go to the login; everyone else gets
# the Dutch refusal page (403), never a redirect loop. The full menu walk: test_cms_access.py.
_CMS = {"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}
EXPECTATIONS.update({
    "wagtailadmin_home": Case(expect=_CMS),
    "wagtailimages:index": Case(expect=_CMS),
    "wagtailimages:add": Case(expect=_CMS),
    "wagtailimages:add_multiple": Case(expect=_CMS),
    "wagtaildocs:index": Case(expect=_CMS),
    "wagtaildocs:add": Case(expect=_CMS),
    "wagtaildocs:add_multiple": Case(expect=_CMS),
    "wagtailadmin_explore_root": Case(expect=_CMS),
})

EXPECTATIONS.update({
    # Archiving an organisation (the admin's delete sends organisations with people here).
    "organisation:archive": Case(kwargs=lambda w: {"pk": w.school.pk}, expect=_CMS),
    # Deleting a school that has people sends hub staff to the archive page instead.
    "organisation:delete": Case(
        kwargs=lambda w: {"pk": w.teacher.memberships.get().organisation_id},
        expect={**_CMS, "hub_staff": REDIRECT},
    ),
})

EXPECTATIONS["community:forum_expertise_suggestions"] = Case(expect=_MEMBERS, query="q=pl")
