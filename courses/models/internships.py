"""Models: internships."""

__all__: list[str] = []
