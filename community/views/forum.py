"""Forum views live in forum_posts, forum_people, forum_search and forum_moderation."""

from . import forum_moderation, forum_people, forum_posts, forum_search  # noqa: F401
