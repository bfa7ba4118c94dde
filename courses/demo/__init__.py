"""Demo data for the learning offer (run by `manage.py load_demo`, after the dossier's)."""

from . import internships, programmes, studydays


def load(stdout):
    studydays.load(stdout)
    internships.load(stdout)
    programmes.load(stdout)
