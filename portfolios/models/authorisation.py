"""Qualifications held, the conversion table, and authorisation per vmbo profile."""

__all__: list[str] = []
