from django.urls import path  # noqa: F401

app_name = "courses"

# Study days: registration, calendar feed, attendance, feedback, material.
studyday_patterns = []

# Teacher internships: offers, applications, placements.
internship_patterns = []

# Courses and cohorts: intake, trainee dashboard, assessments, coaching, certificates.
programme_patterns = []

urlpatterns = [*studyday_patterns, *internship_patterns, *programme_patterns]
