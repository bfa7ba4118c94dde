"""Demo data: studydays."""


def load(stdout):
    return None
