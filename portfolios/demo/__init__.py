"""Demo data for the dossier (run by `manage.py load_demo`, after community's)."""

from . import authorisation, dossier, dossier_review


def load(stdout):
    authorisation.load(stdout)
    dossier.load(stdout)
    dossier_review.load(stdout)
