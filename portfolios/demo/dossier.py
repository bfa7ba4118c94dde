"""Demo data: dossier."""


def load(stdout):
    return None
