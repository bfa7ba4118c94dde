"""Views, one module per feature (studydays, internships, programmes)."""
