"""Models: programmes."""

__all__: list[str] = []
