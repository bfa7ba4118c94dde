"""The hub's learning offer, one module per feature:

- studydays: study-day pages, workshops, registrations, attendance, feedback
- internships: teacher internship offers, applications, placements
- programmes: courses and module pages, cohorts, enrolments, progress
- cohorts: cohort sessions and attendance, submissions
- assessments, coaching, intake: the rest of the programmes
"""

from .assessments import *  # noqa: F403
from .coaching import *  # noqa: F403
from .cohorts import *  # noqa: F403
from .intake import *  # noqa: F403
from .internships import *  # noqa: F403
from .notifications import *  # noqa: F403
from .programmes import *  # noqa: F403
from .studydays import *  # noqa: F403
