from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case

EXPECTATIONS = {}

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
})


def _rule(w):
    from portfolios.models import ConversionRule

    return {"pk": ConversionRule.objects.first().pk}


def _growth(w):
    from tests.portfolios.factories_authorisation import GrowthNeedFactory

    return {"pk": GrowthNeedFactory().pk}


# The Wagtail admin sends everyone without admin access to the login page.
EXPECTATIONS.update({
    "conversion_rules:edit": Case(kwargs=_rule, expect={"hub_staff": OK, "*": LOGIN}),
    "growth_needs:edit": Case(kwargs=_growth, expect={"hub_staff": OK, "*": LOGIN}),
})
