from django.urls import path  # noqa: F401

from .views import programmes as programme_views

app_name = "courses"

# Study days: registration, calendar feed, attendance, feedback, material.
studyday_patterns = []

# Teacher internships: offers, applications, placements.
internship_patterns = []

# Courses and cohorts: intake, trainee dashboard, assessments, coaching, certificates.
programme_patterns = [
    path("my-courses/", programme_views.my_courses, name="my_courses"),
    path("enrolments/<int:pk>/", programme_views.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<int:pk>/modules/<int:module_pk>/done/", programme_views.module_done, name="module_done"),
    path(
        "enrolments/<int:pk>/assignments/<int:assignment_pk>/submit/",
        programme_views.submission_create, name="submission_create",
    ),
    path("enrolments/<int:pk>/certificate.pdf", programme_views.certificate, name="certificate"),
    path("enrolments/<int:pk>/assessments/new/", programme_views.assessment_create, name="assessment_create"),
    path("enrolments/<int:pk>/coaching/new/", programme_views.coaching_create, name="coaching_create"),
    path("submissions/<int:pk>/", programme_views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/file/", programme_views.submission_file, name="submission_file"),
    path("assessments/<int:pk>/", programme_views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", programme_views.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/release/", programme_views.assessment_release, name="assessment_release"),
    path("coaching/<int:pk>/", programme_views.coaching_detail, name="coaching_detail"),
    path("trainees/", programme_views.trainees, name="trainees"),
    path("cohorts/", programme_views.cohort_list, name="cohort_list"),
    path("cohorts/<int:pk>/", programme_views.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/export/", programme_views.cohort_export, name="cohort_export"),
    path("sessions/<int:pk>/attendance/", programme_views.session_attendance, name="session_attendance"),
    path("intake/apply/", programme_views.intake_apply, name="intake_apply"),
    path("intake/thanks/", programme_views.intake_thanks, name="intake_thanks"),
    path("intake/", programme_views.intake_list, name="intake_list"),
    path("intake/<int:pk>/", programme_views.intake_detail, name="intake_detail"),
]

urlpatterns = [*studyday_patterns, *internship_patterns, *programme_patterns]
