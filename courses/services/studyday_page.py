"""What a study-day page shows, read cheaply (issue 13: every main page ≤ 12 queries).

The part that is the same for everyone (workshops with speakers and photos and their places,
material, tags, profiles, a cancellation) is cached per page and language under a versioned
key: any write to courses, images or documents (registrations included) renews it. Per person
only the registration and the community's posts are read; the posts are cached per person
until a forum write.
"""

import hashlib

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils import translation

from community.dashboard import versioned_key
from community.pagination_keys import FORUM_LIST_READS
from community.permissions import is_forum_member
from community.selectors.forum import ask_url, posts_about, posts_tagged

from ..models import (
    MaterialAudience,
    RegistrationStatus,
    StudyDayCancellation,
    StudyDayRegistration,
)
from ..permissions import can_register_for, is_hub_staff

PAGE_READS = ("courses", "wagtailimages", "wagtaildocs", "taggit", "community.VmboProfile")
CACHE_TTL = 300  # seconds; writes renew it earlier through the versions
COMMUNITY_POSTS_LIMIT = 5


def shared_context(page):
    """The person-independent part of the page, from the cache where valid."""
    from .studydays import places_taken, workshops_with_places

    key = versioned_key("studyday", PAGE_READS, f"{page.pk}:{translation.get_language()}")
    data = cache.get(key)
    if data is None:
        workshops = workshops_with_places(page)
        data = {
            "workshops": workshops,
            "materials": list(page.materials.select_related("document")),
            "taken": places_taken(page),
            "cancellation": StudyDayCancellation.objects.filter(study_day=page).first(),
            "tags": sorted(page.tags.all(), key=lambda t: t.name.lower()),
            "profiles": list(page.profiles.all()),
        }
        cache.set(key, data, CACHE_TTL)
    return data


def study_day_page_context(*, page, user):
    shared = shared_context(page)
    registration = None
    if user.is_authenticated:
        registration = (
            StudyDayRegistration.objects.filter(study_day=page, person=user)
            .exclude(status=RegistrationStatus.CANCELLED).first()
        )
    manager = is_hub_staff(user)
    participant = bool(registration and registration.is_confirmed) or manager
    materials = shared["materials"]
    return {
        "cancellation": shared["cancellation"],
        "workshops": shared["workshops"],
        "registration": registration,
        "is_participant": participant,
        "materials": [m for m in materials if m.audience == MaterialAudience.PUBLIC or participant],
        "hidden_material_count": sum(1 for m in materials if m.audience != MaterialAudience.PUBLIC and not participant),
        "places_left": max(page.capacity - shared["taken"], 0),
        "can_register": can_register_for(user, page),
        "is_manager": manager,
        "page_tags": shared["tags"],
        "page_profiles": shared["profiles"],
        **community_posts_context(
            page=page, user=user, tag_names=[t.name for t in shared["tags"]],
            profile_ids=[p.pk for p in shared["profiles"]],
        ),
    }


def community_posts_context(*, page, user, tag_names=None, profile_ids=None):
    """The community's posts tagged like this day, the questions asked from it and a link to ask
    one. The page is public, the community is not: only members get anything (issue 7)."""
    if not is_forum_member(user):
        return {"show_community": False}
    if tag_names is None:
        tag_names = sorted(page.tags.names(), key=str.lower)
    if profile_ids is None:
        profile_ids = [p.pk for p in page.profiles.all()]
    url = page.url or ""
    tags_hash = hashlib.sha1("|".join(tag_names).encode()).hexdigest()  # noqa: S324 (a cache key, not security)
    key = versioned_key("studyday-posts", FORUM_LIST_READS, f"{page.pk}:{user.pk}:{tags_hash}:{url}")
    cached = cache.get(key)
    if cached is None:
        posts = posts_tagged(tag_names, user, limit=COMMUNITY_POSTS_LIMIT)
        # The forum link filters on a tag the shown posts carry, else on the day's first tag.
        prefetch_related_objects(posts, "tags")
        shown = {t.name.lower() for post in posts for t in post.tags.all()}
        forum_tag = next((n for n in tag_names if n.lower() in shown), tag_names[0] if tag_names else "")
        cached = (posts, forum_tag, posts_about(url, user))
        cache.set(key, cached, CACHE_TTL)
    posts, forum_tag, questions = cached
    return {
        "show_community": True, "community_posts": posts, "community_tag": forum_tag,
        "community_questions": questions,
        "community_ask_url": ask_url(about_url=url, about_title=page.title, tags=tag_names, profile_ids=profile_ids),
    }
