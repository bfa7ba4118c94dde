"""A warning and a choice before a module is added to a course that people are following:
a new module changes everyone's progress, so hub staff decide how it counts for them."""

from django.db import transaction
from django.shortcuts import render
from wagtail import hooks

from ..models import CoursePage, Enrolment, EnrolmentStatus, ModulePage, ModuleProgress

CHOICE_KEY = "courses:new-module:{course}"
REQUIRED, EXEMPT = "required", "exempt"


def active_enrolments(course):
    return Enrolment.objects.filter(cohort__course=course, status=EnrolmentStatus.ACTIVE)


@hooks.register("before_create_page")
def warn_before_adding_a_module(request, parent_page, page_class):
    if page_class is not ModulePage or not isinstance(parent_page.specific, CoursePage):
        return None
    count = active_enrolments(parent_page).count()
    if not count:
        return None
    key = CHOICE_KEY.format(course=parent_page.pk)
    choice = request.GET.get("module_counts") or request.POST.get("module_counts")
    if choice in (REQUIRED, EXEMPT):
        request.session[key] = choice
    if request.session.get(key) in (REQUIRED, EXEMPT):
        return None
    return render(request, "courses/programmes/admin_module_warning.html", {
        "course": parent_page, "count": count, "required": REQUIRED, "exempt": EXEMPT,
    })


@hooks.register("after_create_page")
def apply_the_module_choice(request, page):
    if not isinstance(page.specific, ModulePage):
        return
    course = page.get_parent()
    choice = request.session.pop(CHOICE_KEY.format(course=course.pk), None)
    if choice == EXEMPT:
        module_progress_exempt(module=page, course=course)


@transaction.atomic
def module_progress_exempt(*, module, course) -> int:
    """Count a new module as done for everyone already following the course."""
    enrolments = list(active_enrolments(course).values_list("pk", flat=True))
    ModuleProgress.objects.bulk_create(
        [ModuleProgress(enrolment_id=pk, module_id=module.pk) for pk in enrolments], ignore_conflicts=True
    )
    return len(enrolments)
