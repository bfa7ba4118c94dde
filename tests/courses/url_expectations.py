from django.core.files.base import ContentFile

from tests.urlwalk import FORBIDDEN, LOGIN, NOT_ALLOWED, NOT_FOUND, OK, Case

EXPECTATIONS = {}

# Programmes (courses, cohorts, intake) ----------------------------------------------------
# The world: trainee enrolled in a cohort coordinated by team_leader, coached by colleague;
# company_mentor employs the trainee and assesses them; hub_staff runs everything.


def _programme(w):
    if "_programme" not in w.__dict__:
        from types import SimpleNamespace

        from django.core.files.base import ContentFile

        from courses.models import Assignment, EnrolmentStatus
        from courses.services import programmes as services
        from tests.courses.factories_programmes import (
            AssessmentFactory,
            CoachingFactory,
            CohortFactory,
            EnrolmentFactory,
            IntakeApplicationFactory,
            SessionFactory,
            make_course,
            pdf_bytes,
        )

        course = make_course(modules=2)
        cohort = CohortFactory(course=course, coordinator=w.team_leader)
        cohort.assessors.add(w.company_mentor)
        cohort.coaches.add(w.colleague)
        enrolment = EnrolmentFactory(cohort=cohort, person=w.trainee, coach=w.colleague)
        assignment = Assignment.objects.filter(module__in=course.modules()).first()
        submission = services.submission_create(
            enrolment=enrolment, assignment=assignment, text="Mijn uitwerking",
            file=ContentFile(pdf_bytes(), name="werk.pdf"),
        )
        released = AssessmentFactory(enrolment=enrolment, assessor=w.company_mentor)
        services.assessment_release(assessment=released, by=w.team_leader)
        unreleased = AssessmentFactory(enrolment=enrolment, assessor=w.company_mentor)
        done_cohort = CohortFactory(course=course, coordinator=w.team_leader)
        completed = EnrolmentFactory(
            cohort=done_cohort, person=w.trainee, coach=w.colleague, status=EnrolmentStatus.COMPLETED,
            certificate_number="TH-2026-00001", completed_on=done_cohort.start_date,
        )
        w.__dict__["_programme"] = SimpleNamespace(
            course=course, cohort=cohort, enrolment=enrolment, assignment=assignment, submission=submission,
            released=released, unreleased=unreleased, completed=completed,
            coaching=CoachingFactory(enrolment=enrolment, coach=w.colleague),
            session=SessionFactory(cohort=cohort),
            application=IntakeApplicationFactory(course=course),
        )
    return w.__dict__["_programme"]


# Who follows the trainee: the trainee, coach (colleague), coordinator (team_leader),
# employer and assessor (company_mentor), hub staff.
_FOLLOWERS = {"anonymous": LOGIN, "trainee": OK, "colleague": OK, "team_leader": OK, "company_mentor": OK,
              "hub_staff": OK, "*": NOT_FOUND}
_RUNS_COHORT = {"anonymous": LOGIN, "team_leader": OK, "hub_staff": OK, "*": NOT_FOUND}

EXPECTATIONS |= {
    "courses:my_courses": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:enrolment_detail": Case(kwargs=lambda w: {"pk": _programme(w).enrolment.pk}, expect=_FOLLOWERS),
    "courses:module_done": Case(
        kwargs=lambda w: {"pk": _programme(w).enrolment.pk, "module_pk": _programme(w).course.modules().first().pk},
        expect={"anonymous": LOGIN, "*": NOT_ALLOWED},
    ),
    "courses:submission_create": Case(
        kwargs=lambda w: {"pk": _programme(w).enrolment.pk, "assignment_pk": _programme(w).assignment.pk},
        expect={**_FOLLOWERS, "colleague": FORBIDDEN, "team_leader": FORBIDDEN, "company_mentor": FORBIDDEN,
                "hub_staff": FORBIDDEN},
    ),
    "courses:certificate": Case(kwargs=lambda w: {"pk": _programme(w).completed.pk}, expect=_FOLLOWERS),
    "courses:assessment_create": Case(
        kwargs=lambda w: {"pk": _programme(w).enrolment.pk},
        expect={**_FOLLOWERS, "trainee": FORBIDDEN, "colleague": FORBIDDEN, "company_mentor": FORBIDDEN},
    ),
    "courses:coaching_create": Case(
        kwargs=lambda w: {"pk": _programme(w).enrolment.pk},
        expect={**_FOLLOWERS, "trainee": FORBIDDEN, "company_mentor": FORBIDDEN},
    ),
    "courses:submission_detail": Case(kwargs=lambda w: {"pk": _programme(w).submission.pk}, expect=_FOLLOWERS),
    "courses:submission_file": Case(kwargs=lambda w: {"pk": _programme(w).submission.pk}, expect=_FOLLOWERS),
    "courses:assessment_detail": Case(kwargs=lambda w: {"pk": _programme(w).released.pk}, expect=_FOLLOWERS),
    # Unreleased: only its assessor, the coordinator and hub staff even know it exists.
    "courses:assessment_edit": Case(
        kwargs=lambda w: {"pk": _programme(w).unreleased.pk},
        expect={"anonymous": LOGIN, "company_mentor": OK, "team_leader": OK, "hub_staff": OK, "*": NOT_FOUND},
    ),
    "courses:assessment_release": Case(
        kwargs=lambda w: {"pk": _programme(w).unreleased.pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED},
    ),
    "courses:coaching_detail": Case(
        kwargs=lambda w: {"pk": _programme(w).coaching.pk}, expect={**_FOLLOWERS, "company_mentor": NOT_FOUND},
    ),
    "courses:trainees": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:cohort_list": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:cohort_detail": Case(kwargs=lambda w: {"pk": _programme(w).cohort.pk}, expect=_RUNS_COHORT),
    "courses:cohort_export": Case(kwargs=lambda w: {"pk": _programme(w).cohort.pk}, expect=_RUNS_COHORT),
    "courses:session_attendance": Case(
        kwargs=lambda w: {"pk": _programme(w).session.pk}, expect=_RUNS_COHORT | {"colleague": OK},  # the coach
    ),
    "courses:intake_apply": Case(kwargs=lambda w: (_programme(w), {})[1], expect={"*": OK}),
    "courses:intake_thanks": Case(expect={"*": OK}),
    "courses:intake_list": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "courses:intake_detail": Case(
        kwargs=lambda w: {"pk": _programme(w).application.pk},
        expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN},
    ),
    # The Wagtail admin's session editor (its view class lives in courses.admin_viewsets).
    "programme_sessions:edit": Case(kwargs=lambda w: {"pk": _programme(w).session.pk}, expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "courses:training_signup": Case(
        kwargs=lambda w: {"pk": _training(w).pk}, expect={"anonymous": LOGIN, "*": FORBIDDEN},  # guest teachers only
    ),
    "courses:intake_file": Case(
        kwargs=lambda w: {"pk": _cv_application(w).pk, "which": "cv"},
        expect={"anonymous": LOGIN, "hub_staff": OK, "trainee": OK, "*": NOT_FOUND},
    ),
}


def _training(w):
    from courses.models import CourseKind
    from tests.courses.factories_programmes import make_course

    if "_training" not in w.__dict__:
        w.__dict__["_training"] = make_course(title="Training gastdocenten", kind=CourseKind.GUEST_TEACHER, modules=0)
    return w.__dict__["_training"]


def _cv_application(w):
    from tests.courses.factories_programmes import IntakeApplicationFactory, pdf_bytes

    application = IntakeApplicationFactory(course=_programme(w).course, person=w.trainee)
    application.cv.save("cv.pdf", ContentFile(pdf_bytes()), save=True)
    return application
# Study days and teacher internships ------------------------------------------------------


def _day(w, **kw):
    from tests.courses.factories_studydays import make_study_day

    return make_study_day(**kw)


def _teacher_registration(w, **kw):
    from tests.courses.factories_studydays import register

    return register(_day(w, **kw), w.teacher)


def _feed_token(w):
    from courses.services.studydays import calendar_feed_regenerate

    _teacher_registration(w)
    return calendar_feed_regenerate(person=w.teacher).token


def _offer(w, **kw):
    from tests.courses.factories_studydays import make_offer

    return make_offer(w.company, created_by=w.company_mentor, **kw)


def _application(w):
    from tests.courses.factories_studydays import make_application

    return make_application(_offer(w), w.teacher)


def _placement(w, with_file=False):
    from tests.courses.factories_studydays import PDF, make_placement

    placement = make_placement(_offer(w), w.teacher)
    if with_file:
        placement.deliverable.save("lesmateriaal.pdf", ContentFile(PDF))
    return placement


def _shared_placement(w):
    from django.utils import timezone

    from courses.models import PlacementStatus

    placement = _placement(w, with_file=True)
    placement.status = PlacementStatus.COMPLETED
    placement.summary = "Wat ik leerde"
    placement.summary_published = placement.deliverable_published = True
    placement.summary_published_at = timezone.now()
    placement.save()
    return placement


_OWNER_AND_HUB = {"anonymous": LOGIN, "teacher": OK, "hub_staff": OK, "*": NOT_FOUND}
_HUB_ONLY = {"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}
_HOSTS = {"anonymous": LOGIN, "company_mentor": OK, "hr": OK, "other_hr": OK, "team_leader": OK, "hub_staff": OK, "*": FORBIDDEN}
_HOST_SIDE = {"anonymous": LOGIN, "teacher": OK, "company_mentor": OK, "hub_staff": OK, "*": NOT_FOUND}

EXPECTATIONS.update({
    "courses:studyday_mine": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:studyday_register": Case(kwargs=lambda w: {"pk": _day(w).pk}, expect={"anonymous": LOGIN, "*": OK}),
    "courses:studyday_registration": Case(kwargs=lambda w: {"pk": _teacher_registration(w).pk}, expect=_OWNER_AND_HUB),
    "courses:studyday_cancel": Case(kwargs=lambda w: {"pk": _teacher_registration(w).pk}, expect=_OWNER_AND_HUB),
    "courses:studyday_registration_ics": Case(kwargs=lambda w: {"pk": _teacher_registration(w).pk}, expect=_OWNER_AND_HUB),
    "courses:studyday_feedback": Case(
        kwargs=lambda w: {"pk": _teacher_registration(w, days_ahead=-2).pk},
        expect={"anonymous": LOGIN, "teacher": OK, "*": NOT_FOUND},
    ),
    "courses:studyday_calendar": Case(expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    # The secret token is the key (calendar apps cannot log in): anyone holding it reads the feed.
    "courses:studyday_calendar_feed": Case(kwargs=lambda w: {"token": _feed_token(w)}, expect={"*": OK}),
    "courses:studyday_manage": Case(expect=_HUB_ONLY),
    "courses:studyday_participants": Case(kwargs=lambda w: {"pk": _teacher_registration(w).study_day_id}, expect=_HUB_ONLY),
    "courses:studyday_participants_export": Case(kwargs=lambda w: {"pk": _teacher_registration(w).study_day_id}, expect=_HUB_ONLY),
    "courses:studyday_checkin": Case(kwargs=lambda w: {"pk": _teacher_registration(w, days_ahead=0).study_day_id}, expect=_HUB_ONLY),
    "courses:studyday_cancel_day": Case(kwargs=lambda w: {"pk": _day(w, days_ahead=20).pk}, expect=_HUB_ONLY),
    "courses:studyday_feedback_summary": Case(kwargs=lambda w: {"pk": _day(w, days_ahead=-3).pk}, expect=_HUB_ONLY),
    "courses:learning_figures": Case(expect=_HUB_ONLY),
    "courses:internship_offers": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:internship_offer_create": Case(expect=_HOSTS),
    # A pending offer: only its host and the hub see it.
    "courses:internship_offer_detail": Case(
        kwargs=lambda w: {"pk": _offer(w, status="pending").pk},
        expect={"anonymous": LOGIN, "company_mentor": OK, "hub_staff": OK, "*": NOT_FOUND},
    ),
    "courses:internship_offer_edit": Case(
        kwargs=lambda w: {"pk": _offer(w).pk},
        expect={"anonymous": LOGIN, "company_mentor": OK, "hub_staff": OK, "*": FORBIDDEN},
    ),
    "courses:internship_offer_review": Case(kwargs=lambda w: {"pk": _offer(w, status="pending").pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "courses:internship_apply": Case(
        kwargs=lambda w: {"pk": _offer(w).pk},
        expect={"anonymous": LOGIN, "teacher": OK, "colleague": OK, "other_teacher": OK, "trainee": OK, "*": FORBIDDEN},
    ),
    "courses:internship_review": Case(expect=_HUB_ONLY),
    "courses:internship_hosting": Case(expect=_HOSTS),
    "courses:internship_mine": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:internship_experiences": Case(expect={"anonymous": LOGIN, "*": OK}),
    "courses:internship_application_detail": Case(kwargs=lambda w: {"pk": _application(w).pk}, expect=_HOST_SIDE),
    "courses:internship_application_decide": Case(kwargs=lambda w: {"pk": _application(w).pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "courses:internship_application_withdraw": Case(kwargs=lambda w: {"pk": _application(w).pk}, expect={"anonymous": LOGIN, "*": NOT_ALLOWED}),
    "courses:internship_placement": Case(kwargs=lambda w: {"pk": _placement(w).pk}, expect=_HOST_SIDE),
    "courses:internship_shared_material": Case(
        kwargs=lambda w: {"pk": _shared_placement(w).pk}, expect={"anonymous": LOGIN, "*": OK},  # every member
    ),
    "courses:internship_deliverable": Case(kwargs=lambda w: {"pk": _placement(w, with_file=True).pk}, expect=_HOST_SIDE),
})

# Programme targets (Programmadoelen): hub staff only.
EXPECTATIONS.update({
    "courses:programme_goals": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}),
    "courses:programme_goals_export": Case(expect={"anonymous": LOGIN, "hub_staff": OK, "*": FORBIDDEN}, query="format=xlsx"),
})
