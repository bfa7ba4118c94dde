from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case

EXPECTATIONS = {
    "dashboard": Case(expect={"anonymous": LOGIN, "*": OK}),
    # People: profiles, invitations, HR's people management.
    "community:profile_edit": Case(expect={"anonymous": LOGIN, "*": OK}),
    "community:person_detail": Case(
        kwargs=lambda w: {"pk": w.teacher.pk}, expect={"anonymous": LOGIN, "*": OK}
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
    "community:membership_edit": Case(
        kwargs=lambda w: {"pk": w.teacher.memberships.get().pk},
        expect={"anonymous": LOGIN, "hr": OK, "hub_staff": OK, "other_hr": NOT_FOUND, "*": FORBIDDEN},
    ),
    "community:membership_end": Case(
        kwargs=lambda w: {"pk": w.teacher.memberships.get().pk},
        expect={"anonymous": LOGIN, "hr": OK, "hub_staff": OK, "other_hr": NOT_FOUND, "*": FORBIDDEN},
    ),
    # The Wagtail admin's membership listing (its view class lives in community.admin_viewsets):
    # only hub staff get in; everyone else is sent to the one (allauth) login.
    "membership:index": Case(expect={"hub_staff": OK, "*": LOGIN}),
    "membership:index_results": Case(expect={"hub_staff": OK, "*": LOGIN}),
}


def _invitation(w):
    from tests.community.factories import InvitationFactory

    return InvitationFactory(organisation=w.school, invited_by=w.hr)
