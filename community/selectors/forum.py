"""Reads of the forum that are more than a filter (lists, search, directory, panels)."""

from django.db.models import Q

from ..models import Post


def posts_tagged(tag_names, user, limit=5):
    """Posts carrying any of these tags that this person may see (for e.g. a study-day page)."""
    names = [n for n in tag_names if n]
    if not names:
        return []
    ids = _tagged_post_ids(names)
    if ids is None:
        return []
    return list(
        Post.objects.visible_to(user).listed().filter(pk__in=ids).select_related("author")
        .order_by("-created_at", "-pk")[:limit]
    )


def _tagged_post_ids(names):
    """A subquery of the ids of posts carrying any of these tags (None: no such tag).

    The tags are resolved to ids first, so that PostgreSQL estimates from the tag-id
    statistics: a rare tag is read through its tagged rows, a common one along the newest
    posts (matching the name inside the join made it walk all 100,000 posts for a rare tag).
    """
    from taggit.models import Tag

    from ..models import TaggedPost

    condition = Q()
    for name in names:
        condition |= Q(name__iexact=name)
    tag_ids = list(Tag.objects.filter(condition).values_list("pk", flat=True))
    if not tag_ids:
        return None
    return TaggedPost.objects.filter(tag_id__in=tag_ids).values("content_object_id")


def post_for_source(source_key, user):
    """The post shared from elsewhere under this key (see services.experience_share), if this
    person may see it; None otherwise."""
    return Post.objects.visible_to(user).filter(source_key=source_key).first()


def post_list(user, *, kind="", status="", tag="", profile=None, sort="newest", following=False):
    """The forum's list, filtered; counters are columns, so no aggregation per row."""
    from django.db.models import Prefetch

    from ..models import Follow, VmboProfile

    posts = Post.objects.visible_to(user).listed().select_related("author")
    if kind:
        posts = posts.filter(kind=kind)
    if status == "unanswered":
        posts = posts.filter(answer_count=0)
    elif status == "solved":
        posts = posts.filter(is_solved=True)
    elif status == "open":
        posts = posts.filter(kind="question", is_solved=False)
    if tag:
        ids = _tagged_post_ids([tag])
        posts = posts.filter(pk__in=ids) if ids is not None else posts.none()
    if profile is not None:
        posts = posts.filter(pk__in=Post.objects.filter(profiles=profile).values("pk"))
    if following:
        follows = Follow.objects.filter(follower=user)
        posts = posts.filter(
            Q(pk__in=follows.filter(kind=Follow.Kind.QUESTION).values("post_id"))
            | Q(author_id__in=follows.filter(kind=Follow.Kind.PERSON).values("person_id"))
            | Q(tagged_items__tag_id__in=follows.filter(kind=Follow.Kind.TAG).values("tag_id"))
        ).distinct()
    order = {
        "helpful": ["-helpful_count", "-created_at", "-pk"],
        "active": ["-last_activity_at", "-pk"],
    }.get(sort, ["-created_at", "-pk"])
    return posts.order_by(*order).prefetch_related(
        "tags", Prefetch("profiles", queryset=VmboProfile.objects.order_by("sort_order"))
    )


def member_contributions(person, limit=20):
    """What a member contributed that anyone may see: nothing hidden."""
    from ..models import Answer

    posts = list(
        Post.objects.filter(author=person, is_hidden=False).listed().prefetch_related("tags")
        .order_by("-created_at")[:limit]
    )
    answers = list(
        Answer.objects.filter(author=person, is_hidden=False, post__is_hidden=False)
        .select_related("post").order_by("-created_at")[:limit]
    )
    return posts, answers


# --- Search: questions, experiences, answers, articles and study days ----------------------

# Page types searched next to the forum, by label so that community imports no other app.
SEARCHED_PAGE_TYPES = {"article": "community.articlepage", "studyday": "courses.studydaypage"}
SEARCH_LIMIT = 60


def _page_models():
    from wagtail.models import get_page_models

    by_label = {m._meta.label_lower: m for m in get_page_models()}
    return {key: by_label[label] for key, label in SEARCHED_PAGE_TYPES.items() if label in by_label}


PAGE_TEXT_FIELDS = ("search_description", "summary", "introduction", "intro")
PAGE_SCAN_LIMIT = 2000


PAGE_INDEX_TTL = 300  # seconds; writes renew it at once (PAGE_SEARCH_READS)


def _page_index(page_models):
    """Per page type, the live public pages' search entries (newest first), kept in the shared
    cache until a page or tag changes: matching them is cheap, reading them was most of search."""
    from django.core.cache import cache

    from ..dashboard import versioned_key
    from ..dutch_search import index_text
    from ..markup import plain_text
    from ..pagination_keys import PAGE_SEARCH_READS

    key = versioned_key("search-pages", PAGE_SEARCH_READS, ",".join(sorted(page_models)))
    index = cache.get(key)
    if index is not None:
        return index
    index = {}
    for type_key, model in page_models.items():
        pages = model.objects.live().public()
        if hasattr(model, "tags"):
            pages = pages.prefetch_related("tags")
        entries = []
        for page in pages.order_by("-first_published_at", "-pk")[:PAGE_SCAN_LIMIT]:
            tags = [t.name for t in page.tags.all()] if hasattr(model, "tags") else []
            texts = [plain_text(str(getattr(page, f, "") or "")) for f in PAGE_TEXT_FIELDS]
            entries.append({
                "title": page.title, "url": page.url, "summary": next((t for t in texts if t), ""),
                "tags": {t.lower() for t in tags}, "title_index": index_text(page.title, " ".join(tags)),
                "full_index": index_text(page.title, " ".join(tags), *texts),
            })
        index[type_key] = entries
    cache.set(key, index, PAGE_INDEX_TTL)
    return index


def _page_hits(page_models, q, tag, limit):
    """Live public articles and study days whose title, summary, introduction or tags match the
    query's Dutch forms. Pages are few, so they are matched in Python with the same rules as posts."""
    from ..dutch_search import query_forms

    terms = query_forms(q)
    if not terms:
        return []

    def matches(index, variants):
        return any(" " + f in index for f in variants)

    hits = []
    for type_key, entries in _page_index(page_models).items():
        model = page_models[type_key]
        if tag and not hasattr(model, "tags"):
            continue
        for entry in entries:
            if tag and tag.lower() not in entry["tags"]:
                continue
            if all(matches(entry["full_index"], v) for v in terms):
                title_score = sum(matches(entry["title_index"], v) for v in terms)
                hits.append((title_score, type_key, model, entry))
    hits.sort(key=lambda h: -h[0])
    return [(type_key, model, entry) for _score, type_key, model, entry in hits[:limit]]


class SearchHit(dict):
    """A hit (kind, label, title, url, text, obj) whose url and text are worked out when first
    read: a page shows 20 of up to 180 hits, and cleaning every body was a third of search."""

    def __missing__(self, key):
        if key == "url":
            value = self["obj"].get_absolute_url()
        elif key == "text":
            value = self["obj"].text
        else:
            raise KeyError(key)
        self[key] = value
        return value


def search_everything(user, q, *, type_="", tag=""):
    """Ranked hits (SearchHit). Hidden content never shows: the search is for members, and only
    what every member may see is searched. Dutch word forms and compound prefixes match the same
    way on SQLite and PostgreSQL (see dutch_search)."""
    from ..dutch_search import search
    from ..models import Answer
    from ..permissions import is_forum_member

    q = (q or "").strip()
    if not q or not is_forum_member(user):
        return []
    ranked = []  # (position weight, order, hit)
    tagged_posts = Post.objects.filter(tags__name__iexact=tag).values("pk") if tag else None
    # Columns a hit never reads (SQLite's ranking reads a post's search_title in Python).
    unread = ("search_vector", "search_text", "body_source")

    if type_ in ("", "question", "experience"):
        posts = Post.objects.filter(is_hidden=False, duplicate_of__isnull=True)
        if type_:
            posts = posts.filter(kind=type_)
        if tagged_posts is not None:
            posts = posts.filter(id__in=tagged_posts)
        for i, post in enumerate(search(posts.defer(*unread), q, limit=SEARCH_LIMIT)):
            ranked.append((i, 0, SearchHit(kind=post.kind, label=post.get_kind_display(), title=post.title, obj=post)))
    if type_ in ("", "answer"):
        answers = Answer.objects.filter(search_hidden=False).select_related("post")
        if tagged_posts is not None:
            answers = answers.filter(post__in=tagged_posts)
        answers = answers.defer(*unread, *(f"post__{f}" for f in (*unread, "search_title", "body")))
        for i, answer in enumerate(search(answers, q, limit=SEARCH_LIMIT)):
            ranked.append((i * 1.5, 1, SearchHit(kind="answer", label=Answer._meta.verbose_name,
                                                 title=answer.post.title, obj=answer)))
    wanted = {k: m for k, m in _page_models().items() if type_ in ("", k)}
    if wanted:
        for i, (key, model, entry) in enumerate(_page_hits(wanted, q, tag, SEARCH_LIMIT)):
            ranked.append((i, 2, SearchHit(kind=key, label=model._meta.verbose_name, title=entry["title"],
                                           url=entry["url"], text=entry["summary"])))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [hit for _pos, _order, hit in ranked]


RELATED_LIMIT = 3


def related_for_post(post, user):
    """Study days, articles and internship experiences sharing a tag or a profile with this post.
    A fixed number of queries: one per page type and one for experiences (tags and profiles
    must be prefetched on the post)."""
    from django.db.models import Q

    names = [t.name for t in post.tags.all()]
    profile_ids = [p.pk for p in post.profiles.all()]
    if not names and not profile_ids:
        return {}
    related = {}
    for key, model in _page_models().items():
        condition = Q()
        if names and hasattr(model, "tags"):
            condition |= Q(tags__name__in=names)
        if profile_ids and any(f.name == "profiles" for f in model._meta.get_fields()):
            condition |= Q(profiles__in=profile_ids)
        if not condition:
            continue
        ids = model.objects.live().public().filter(condition).values("pk")
        related[key] = list(model.objects.filter(pk__in=ids).order_by("-first_published_at", "-pk")[:RELATED_LIMIT])
    condition = Q()
    if names:
        condition |= Q(tags__name__in=names)
    if profile_ids:
        condition |= Q(profiles__in=profile_ids)
    ids = (
        Post.objects.visible_to(user).listed().filter(kind="experience", source_key__startswith=INTERNSHIP_SOURCE)
        .filter(condition).exclude(pk=post.pk).values("pk")
    )
    related["internship"] = list(
        Post.objects.filter(pk__in=ids).select_related("author").order_by("-created_at", "-pk")[:RELATED_LIMIT]
    )
    return {k: v for k, v in related.items() if v}


# Experiences shared from an internship placement (courses.services.internships) carry this key.
INTERNSHIP_SOURCE = "courses.placement:"


def posts_about(url, user, limit=5):
    """Questions asked from a page (a study day, an internship offer), for that page to link to."""
    if not url:
        return []
    return list(
        Post.objects.visible_to(user).listed().filter(about_url=url).select_related("author")
        .order_by("-created_at", "-pk")[:limit]
    )


def ask_url(*, about_url, about_title, tags=(), profile_ids=()):
    """The forum's new-question form, filled in for a question asked from another page."""
    from urllib.parse import urlencode

    from django.urls import reverse

    params = [("kind", "question"), ("about", about_url), ("about_title", about_title)]
    params += [("tag", t) for t in tags] + [("profile", str(p)) for p in profile_ids]
    return f"{reverse('community:forum_post_create')}?{urlencode(params)}"
