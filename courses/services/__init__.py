"""One module per feature (studydays, internships, programmes)."""
