"""Demo data: internships."""


def load(stdout):
    return None
