"""Models: studydays."""

__all__: list[str] = []
