"""The hub's learning offer, one module per feature:

- studydays: study-day pages, workshops, registrations, attendance, feedback
- internships: teacher internship offers, applications, placements
- programmes: courses and module pages, cohorts, intake, assessments, coaching
"""

from .internships import *  # noqa: F403
from .programmes import *  # noqa: F403
from .studydays import *  # noqa: F403
