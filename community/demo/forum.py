"""Demo data: forum."""


def load(stdout):
    return None
