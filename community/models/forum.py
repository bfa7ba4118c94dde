"""Models: the forum (learning questions, experiences, answers, follows, notifications)."""

__all__: list[str] = []
