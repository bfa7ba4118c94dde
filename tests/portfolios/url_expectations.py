from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case

EXPECTATIONS = {}

# Dossier: needs inventory, development plan, portfolio, showcase, export, figures ---------


def _round(w):
    from tests.portfolios.factories_dossier import RoundFactory

    return {"round_id": RoundFactory().pk}


def _plan(w, status="submitted"):
    from tests.portfolios.factories_dossier import PlanFactory

    return PlanFactory(person=w.teacher, status=status)


def _goal(w):
    from tests.portfolios.factories_dossier import GoalFactory

    return GoalFactory(plan=_plan(w, "draft"))


def _activity(w):
    from tests.portfolios.factories_dossier import ActivityFactory

    return ActivityFactory(goal=_goal(w))


def _entry(w):
    from tests.portfolios.factories_dossier import EntryFactory

    return EntryFactory(owner=w.teacher)


def _attachment(w):
    from tests.portfolios.factories_dossier import attachment_for

    return {"pk": attachment_for(_entry(w)).pk}


def _showcase(w):
    from tests.portfolios.factories_dossier import ShowcaseFactory

    showcase = ShowcaseFactory(owner=w.teacher)
    return showcase


def _public_file(w):
    from tests.portfolios.factories_dossier import attachment_for

    showcase = _showcase(w)
    entry = _entry(w)
    showcase.entries.add(entry)
    return {"token": showcase.token, "pk": attachment_for(entry).pk}


_ANYONE = {"anonymous": LOGIN, "*": OK}
_OWNER_ONLY = {"anonymous": LOGIN, "teacher": OK, "*": NOT_FOUND}
_POST_ONLY = {"anonymous": LOGIN, "*": NOT_ALLOWED}

EXPECTATIONS.update(
    {
        "portfolios:inventory": Case(expect=_ANYONE),
        "portfolios:inventory_round": Case(
            kwargs=_round,
            expect={"anonymous": LOGIN, "teacher": OK, "colleague": OK, "other_teacher": OK, "*": FORBIDDEN},
        ),
        "portfolios:inventory_school": Case(expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "*": FORBIDDEN}),
        "portfolios:inventory_overview": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
        "portfolios:inventory_team": Case(expect={"anonymous": LOGIN, "team_leader": OK, "*": FORBIDDEN}),
        "portfolios:plan_list": Case(expect=_ANYONE),
        "portfolios:plan_create": Case(expect=_POST_ONLY),
        "portfolios:team_plans": Case(expect={"anonymous": LOGIN, "team_leader": OK, "*": FORBIDDEN}),
        "portfolios:school_plans": Case(expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "*": FORBIDDEN}),
        "portfolios:plan_detail": Case(
            kwargs=lambda w: {"pk": _plan(w).pk},
            expect={"anonymous": LOGIN, "teacher": OK, "team_leader": OK, "*": NOT_FOUND},
        ),
        "portfolios:plan_transition": Case(kwargs=lambda w: {"pk": _plan(w).pk}, expect=_POST_ONLY),
        "portfolios:goal_create": Case(kwargs=lambda w: {"pk": _plan(w, "draft").pk}, expect=_OWNER_ONLY),
        "portfolios:goal_edit": Case(kwargs=lambda w: {"pk": _goal(w).pk}, expect=_OWNER_ONLY),
        "portfolios:goal_delete": Case(kwargs=lambda w: {"pk": _goal(w).pk}, expect=_POST_ONLY),
        "portfolios:activity_create": Case(kwargs=lambda w: {"pk": _goal(w).pk}, expect=_OWNER_ONLY),
        "portfolios:activity_edit": Case(kwargs=lambda w: {"pk": _activity(w).pk}, expect=_OWNER_ONLY),
        "portfolios:activity_delete": Case(kwargs=lambda w: {"pk": _activity(w).pk}, expect=_POST_ONLY),
        "portfolios:portfolio": Case(expect=_ANYONE),
        "portfolios:entry_create": Case(expect=_ANYONE),
        "portfolios:shared_with_me": Case(expect=_ANYONE),
        "portfolios:entry_detail": Case(kwargs=lambda w: {"pk": _entry(w).pk}, expect=_OWNER_ONLY),
        "portfolios:entry_edit": Case(kwargs=lambda w: {"pk": _entry(w).pk}, expect=_OWNER_ONLY),
        "portfolios:entry_delete": Case(kwargs=lambda w: {"pk": _entry(w).pk}, expect=_OWNER_ONLY),
        "portfolios:entry_share": Case(kwargs=lambda w: {"pk": _entry(w).pk}, expect=_OWNER_ONLY),
        "portfolios:attachment_file": Case(kwargs=_attachment, expect=_OWNER_ONLY),
        "portfolios:attachment_thumbnail": Case(kwargs=_attachment, expect=_OWNER_ONLY),
        "portfolios:attachment_delete": Case(kwargs=_attachment, expect=_POST_ONLY),
        "portfolios:showcase_list": Case(expect=_ANYONE),
        "portfolios:showcase_create": Case(expect=_ANYONE),
        "portfolios:showcase_edit": Case(kwargs=lambda w: {"pk": _showcase(w).pk}, expect=_OWNER_ONLY),
        "portfolios:showcase_revoke": Case(kwargs=lambda w: {"pk": _showcase(w).pk}, expect=_POST_ONLY),
        # The secret link is the key: anyone holding it reads the showcase, logged in or not.
        "portfolios:showcase_public": Case(kwargs=lambda w: {"token": _showcase(w).token}, expect={"*": OK}),
        "portfolios:showcase_file": Case(kwargs=_public_file, expect={"*": OK}),
        "portfolios:showcase_thumbnail": Case(kwargs=_public_file, expect={"*": OK}),
        "portfolios:export": Case(expect=_ANYONE),
        "portfolios:export_pdf": Case(expect=_ANYONE),
        "portfolios:export_zip": Case(expect=_ANYONE),
        "portfolios:figures": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    }
)
# End of dossier ----------------------------------------------------------------------------
# Authorisation -----------------------------------------------------------------------------


def _record(w, scan=False):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.portfolios.factories_authorisation import hold

    extra = {"scan": SimpleUploadedFile("diploma.pdf", b"%PDF-1.4 test")} if scan else {}
    return {"pk": hold(w.teacher, "Metaaltechniek", verified=False, **extra).pk}


_HR_ONLY = {"anonymous": LOGIN, "hr": OK, "other_hr": OK, "*": FORBIDDEN}
_HR_OF_TEACHER = {"anonymous": LOGIN, "hr": OK, "other_hr": NOT_FOUND, "*": FORBIDDEN}
_HUB_ONLY = {"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}

EXPECTATIONS.update({
    "portfolios:authorisation_mine": Case(expect={"anonymous": LOGIN, "*": OK}),
    "portfolios:authorisation_record_add": Case(expect={"anonymous": LOGIN, "*": OK}),
    "portfolios:authorisation_record_edit": Case(
        kwargs=_record, expect={"anonymous": LOGIN, "teacher": OK, "hr": OK, "*": NOT_FOUND}
    ),
    "portfolios:authorisation_record_delete": Case(kwargs=_record, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "portfolios:authorisation_record_verify": Case(kwargs=_record, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "portfolios:authorisation_record_scan": Case(
        kwargs=lambda w: _record(w, scan=True), expect={"anonymous": LOGIN, "teacher": OK, "hr": OK, "*": NOT_FOUND}
    ),
    "portfolios:authorisation_matrix": Case(expect=_HR_ONLY),
    "portfolios:authorisation_matrix_export": Case(expect=_HR_ONLY, query="format=csv"),
    "portfolios:authorisation_person": Case(kwargs=lambda w: {"pk": w.teacher.pk}, expect=_HR_OF_TEACHER),
    "portfolios:authorisation_person_record_add": Case(kwargs=lambda w: {"pk": w.teacher.pk}, expect=_HR_OF_TEACHER),
    "portfolios:authorisation_person_staff_edit": Case(
        kwargs=lambda w: {"pk": w.teacher.pk, "school_pk": w.school.pk}, expect=_HR_OF_TEACHER
    ),
    "portfolios:authorisation_import": Case(expect=_HR_ONLY),
    "portfolios:authorisation_import_template": Case(
        expect={"anonymous": LOGIN, "hr": OK, "other_hr": OK, "hub_staff": OK, "*": FORBIDDEN}
    ),
    "portfolios:authorisation_inventory": Case(expect=_HUB_ONLY),
    "portfolios:authorisation_inventory_export": Case(expect=_HUB_ONLY, query="format=xlsx"),
    "portfolios:hr_inbox": Case(expect=_HR_ONLY),
    "portfolios:hr_record_reject": Case(kwargs=_record, expect={"anonymous": LOGIN, "hr": OK, "*": NOT_FOUND}),
    "portfolios:hr_change_log": Case(expect=_HR_ONLY),
    "portfolios:hr_change_log_export": Case(expect=_HR_ONLY, query="format=xlsx"),
    "portfolios:hr_figures": Case(expect=_HR_ONLY),
    "portfolios:team_status": Case(expect={"anonymous": LOGIN, "team_leader": OK, "*": FORBIDDEN}),
})


def _rule(w):
    from portfolios.models import ConversionRule

    return {"pk": ConversionRule.objects.first().pk}


def _growth(w):
    from tests.portfolios.factories_authorisation import GrowthNeedFactory

    return {"pk": GrowthNeedFactory().pk}


# The Wagtail admin: anonymous people go to the login, others without access get the refusal.
EXPECTATIONS.update({
    "conversion_rules:edit": Case(kwargs=_rule, expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "growth_needs:edit": Case(kwargs=_growth, expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
})

# Wiring: share a portfolio entry into the community (POST only; others get 404 on POST) ----
EXPECTATIONS.update({
    "portfolios:entry_share_community": Case(kwargs=lambda w: {"pk": _entry(w).pk}, expect=_POST_ONLY),
})
