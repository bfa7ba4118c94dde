"""Demo data for the community (run first by `manage.py load_demo`)."""

from . import forum, gdpr, people
from .people import DEMO_LOGINS, DEMO_PASSWORD

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "load"]


def load(stdout):
    people.load(stdout)
    forum.load(stdout)
    gdpr.load(stdout)
