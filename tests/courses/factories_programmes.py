"""Factories and builders for the programmes' tests (courses, cohorts, intake)."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from community.models import HomePage
from courses.models import (
    Assessment,
    AssessmentCriterion,
    AssessmentKind,
    Assignment,
    CoachingSession,
    Cohort,
    CohortSession,
    CourseIndexPage,
    CourseKind,
    CoursePage,
    Enrolment,
    IntakeApplication,
    ModulePage,
)
from tests.factories import PersonFactory


def course_index():
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Opleidingen", slug="opleidingen")
        HomePage.objects.first().add_child(instance=index)
        index.save_revision().publish()
    return index


def make_course(*, title="Hybride docent techniek", kind=CourseKind.HYBRID_TEACHER, modules=3, assignments=1,
                criteria=("Pedagogisch handelen", "Didactisch handelen"), accepts_applications=True, hours=400):
    """A published course with `modules` module pages, each with `assignments` assignments."""
    index = course_index()
    n = CoursePage.objects.count()
    course = CoursePage(
        title=title, slug=f"course-{n}", kind=kind, summary="Een compacte opleiding.", hours=Decimal(hours),
        accepts_applications=accepts_applications,
    )
    course.criteria = [AssessmentCriterion(title=t) for t in criteria]
    index.add_child(instance=course)
    course.save_revision().publish()
    for i in range(modules):
        add_module(course, i, assignments)
    return course


def add_module(course, i, assignments=1):
    module = ModulePage(
        title=f"Module {i + 1}", slug=f"{course.slug}-module-{i + 1}", summary=f"Openbare samenvatting {i + 1}",
        hours=Decimal("10"),
        body=[("text", f"<p>Geheime moduletekst {i + 1}</p>")],
    )
    module.assignments = [
        Assignment(title=f"Opdracht {i + 1}.{j + 1}", due_after_days=10 + 30 * i + j, hours=Decimal("2"))
        for j in range(assignments)
    ]
    course.add_child(instance=module)
    module.save_revision().publish()
    return module


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    course = factory.LazyFunction(make_course)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=100))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))
    coordinator = factory.SubFactory(PersonFactory)


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    person = factory.SubFactory(PersonFactory)


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = CohortSession

    cohort = factory.SubFactory(CohortFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    place = "Zuiderpark College"
    topic = factory.Sequence(lambda n: f"Bijeenkomst {n}")


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = Assessment

    enrolment = factory.SubFactory(EnrolmentFactory)
    kind = AssessmentKind.LESSON_OBSERVATION
    assessor = factory.SubFactory(PersonFactory)
    date = factory.LazyFunction(timezone.localdate)


class CoachingFactory(DjangoModelFactory):
    class Meta:
        model = CoachingSession

    enrolment = factory.SubFactory(EnrolmentFactory)
    coach = factory.SubFactory(PersonFactory)
    focus = "Instructie aan het begin van de les"
    agreements = "Korter instrueren"


class IntakeApplicationFactory(DjangoModelFactory):
    class Meta:
        model = IntakeApplication

    course = factory.LazyFunction(lambda: CoursePage.objects.first() or make_course())
    first_name = "Nina"
    last_name = factory.Sequence(lambda n: f"Vermeulen{n}")
    email = factory.Sequence(lambda n: f"applicant{n}@example.net")
    employer = "Stedin"
    background = "technical"
    motivation = "Ik wil lesgeven."
    availability = "Twee dagen per week"


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


__all__ = [
    "AssessmentFactory", "CoachingFactory", "CohortFactory", "EnrolmentFactory", "IntakeApplicationFactory",
    "SessionFactory", "add_module", "course_index", "date", "make_course", "pdf_bytes",
]
