"""Demo data: programmes."""


def load(stdout):
    return None
