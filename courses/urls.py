from django.urls import path  # noqa: F401

from .views import assessments as assessments_views
from .views import coaching as coaching_views
from .views import cohorts as cohorts_views
from .views import goals as goal_views
from .views import intake as intake_views
from .views import internships as internship_views
from .views import programmes as programmes_views
from .views import studydays as studyday_views
from .views import trainings as trainings_views

app_name = "courses"

# Study days: registration, calendar feed, attendance, feedback, material.
studyday_patterns = [
    path("studiedagen/mijn/", studyday_views.mine, name="studyday_mine"),
    path("studiedagen/<int:pk>/aanmelden/", studyday_views.register, name="studyday_register"),
    path("studiedagen/aanmelding/<int:pk>/", studyday_views.registration_detail, name="studyday_registration"),
    path("studiedagen/aanmelding/<int:pk>/annuleren/", studyday_views.cancel, name="studyday_cancel"),
    path("studiedagen/aanmelding/<int:pk>/agenda.ics", studyday_views.registration_ics, name="studyday_registration_ics"),
    path("studiedagen/aanmelding/<int:pk>/feedback/", studyday_views.feedback, name="studyday_feedback"),
    path("studiedagen/agenda/", studyday_views.calendar, name="studyday_calendar"),
    path("studiedagen/agenda/<str:token>.ics", studyday_views.calendar_feed, name="studyday_calendar_feed"),
    path("studiedagen/beheer/", studyday_views.manage, name="studyday_manage"),
    path("studiedagen/<int:pk>/deelnemers/", studyday_views.participants, name="studyday_participants"),
    path("studiedagen/<int:pk>/deelnemers/export/", studyday_views.participants_export, name="studyday_participants_export"),
    path("studiedagen/<int:pk>/aanwezigheid/", studyday_views.checkin, name="studyday_checkin"),
    path("studiedagen/<int:pk>/afgelasten/", studyday_views.cancel_day, name="studyday_cancel_day"),
    path("studiedagen/<int:pk>/feedback/", studyday_views.feedback_summary, name="studyday_feedback_summary"),
    path("cijfers/", studyday_views.figures, name="learning_figures"),
]

# Teacher internships: offers, applications, placements.
internship_patterns = [
    path("docentstages/", internship_views.offer_list, name="internship_offers"),
    path("docentstages/nieuw/", internship_views.offer_create, name="internship_offer_create"),
    path("docentstages/<int:pk>/", internship_views.offer_detail, name="internship_offer_detail"),
    path("docentstages/<int:pk>/bewerken/", internship_views.offer_edit, name="internship_offer_edit"),
    path("docentstages/<int:pk>/beoordelen/", internship_views.offer_review, name="internship_offer_review"),
    path("docentstages/<int:pk>/solliciteren/", internship_views.apply, name="internship_apply"),
    path("docentstages/beoordelen/", internship_views.review_queue, name="internship_review"),
    path("docentstages/aanbieden/", internship_views.hosting, name="internship_hosting"),
    path("docentstages/mijn/", internship_views.mine, name="internship_mine"),
    path("docentstages/ervaringen/", internship_views.experiences, name="internship_experiences"),
    path("docentstages/ervaringen/<int:pk>/materiaal/", internship_views.shared_material, name="internship_shared_material"),
    path("docentstages/sollicitatie/<int:pk>/", internship_views.application_detail, name="internship_application_detail"),
    path("docentstages/sollicitatie/<int:pk>/besluit/", internship_views.application_decide, name="internship_application_decide"),
    path("docentstages/sollicitatie/<int:pk>/intrekken/", internship_views.application_withdraw, name="internship_application_withdraw"),
    path("docentstages/stage/<int:pk>/", internship_views.placement_detail, name="internship_placement"),
    path("docentstages/stage/<int:pk>/product/", internship_views.deliverable, name="internship_deliverable"),
]

# Courses and cohorts: intake, trainee dashboard, assessments, coaching, certificates.
programme_patterns = [
    path("my-courses/", programmes_views.my_courses, name="my_courses"),
    path("enrolments/<int:pk>/", programmes_views.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<int:pk>/modules/<int:module_pk>/done/", programmes_views.module_done, name="module_done"),
    path(
        "enrolments/<int:pk>/assignments/<int:assignment_pk>/submit/",
        programmes_views.submission_create, name="submission_create",
    ),
    path("enrolments/<int:pk>/certificate.pdf", programmes_views.certificate, name="certificate"),
    path("enrolments/<int:pk>/assessments/new/", assessments_views.assessment_create, name="assessment_create"),
    path("enrolments/<int:pk>/coaching/new/", coaching_views.coaching_create, name="coaching_create"),
    path("submissions/<int:pk>/", programmes_views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/file/", programmes_views.submission_file, name="submission_file"),
    path("assessments/<int:pk>/", assessments_views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", assessments_views.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/release/", assessments_views.assessment_release, name="assessment_release"),
    path("coaching/<int:pk>/", coaching_views.coaching_detail, name="coaching_detail"),
    path("trainees/", cohorts_views.trainees, name="trainees"),
    path("cohorts/", cohorts_views.cohort_list, name="cohort_list"),
    path("cohorts/<int:pk>/", cohorts_views.cohort_detail, name="cohort_detail"),
    path("cohorts/<int:pk>/export/", cohorts_views.cohort_export, name="cohort_export"),
    path("sessions/<int:pk>/attendance/", cohorts_views.session_attendance, name="session_attendance"),
    path("trainings/<int:pk>/signup/", trainings_views.training_signup, name="training_signup"),
    path("intake/apply/", intake_views.intake_apply, name="intake_apply"),
    path("intake/thanks/", intake_views.intake_thanks, name="intake_thanks"),
    path("intake/", intake_views.intake_list, name="intake_list"),
    path("intake/<int:pk>/", intake_views.intake_detail, name="intake_detail"),
    path("intake/<int:pk>/<str:which>/", intake_views.intake_file, name="intake_file"),
]

# Hub staff: the programme's three B.2.4 targets.
goal_patterns = [
    path("programmadoelen/", goal_views.programme_goals_view, name="programme_goals"),
    path("programmadoelen/export/", goal_views.programme_goals_export, name="programme_goals_export"),
]

urlpatterns = [*studyday_patterns, *internship_patterns, *programme_patterns, *goal_patterns]
