"""Demo data: authorisation."""


def load(stdout):
    return None
