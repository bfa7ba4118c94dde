"""URLs of the community's own pages, under /community/."""

from django.urls import path  # noqa: F401

# People: profiles, invitations, HR's people management.
people_patterns = []

# Forum: learning questions and experiences, follows, notifications, directory, search, moderation.
forum_patterns = []

urlpatterns = [*people_patterns, *forum_patterns]
