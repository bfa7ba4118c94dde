"""Expertise as normalised tags: "PLC programmeren", "plc-programmeren" and "PLC" meet.

A tag's slug is its key: lower case, accents removed, spaces and hyphens alike (Django's slugify),
with known misspellings mapped to the right word. Setting a person's expertise reuses the tag with
that key, so the directory matches on keys and suggests existing tags while typing.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.text import slugify
from taggit.models import Tag

# Misspellings seen in the data, by key → the right key and how it is written.
TYPOS = {"lasen": ("lassen", "lassen"), "programeren": ("programmeren", "programmeren")}
SUGGESTION_LIMIT = 10


def clean_name(name: str) -> str:
    return " ".join((name or "").split())[:100]


def tag_key(name: str) -> str:
    key = slugify(clean_name(name).replace("_", " "))
    return TYPOS.get(key, (key, ""))[0]


def display_name(name: str) -> str:
    key = slugify(clean_name(name))
    return TYPOS[key][1] if key in TYPOS else clean_name(name)


def tag_for(name: str):
    """The tag for this name: the existing one with the same key, or a new one."""
    key = tag_key(name)
    if not key:
        return None
    tag = Tag.objects.filter(slug=key).first()
    if tag is None:
        try:
            with transaction.atomic():
                tag = Tag.objects.create(name=display_name(name), slug=key)
        except IntegrityError:  # the name exists under another slug (or a race): reuse it
            tag = Tag.objects.filter(Q(slug=key) | Q(name__iexact=display_name(name))).first()
    return tag


def set_expertise(person, names) -> None:
    tags = {t.pk: t for t in (tag_for(n) for n in names) if t is not None}
    person.expertise.set(list(tags.values()), clear=True)


def expertise_filter(query: str) -> Q:
    """People whose expertise key starts with the query's key, or has a word starting with it."""
    key = tag_key(query)
    if not key:
        return Q()
    return Q(expertise__slug__startswith=key) | Q(expertise__slug__contains="-" + key)


def suggestions(query: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
    """Expertise that members have, matching what was typed so far, most used first."""
    from .models import Person

    key = tag_key(query)
    if not key:
        return []
    person_tags = Tag.objects.filter(
        taggit_taggeditem_items__content_type__model="person",
        taggit_taggeditem_items__content_type__app_label=Person._meta.app_label,
    )
    return list(
        person_tags.filter(Q(slug__startswith=key) | Q(slug__contains="-" + key))
        .annotate(uses=Count("taggit_taggeditem_items")).order_by("-uses", "name")
        .values_list("name", flat=True)[:limit]
    )


def add_expertise(person, *names) -> None:
    tags = [t for t in (tag_for(n) for n in names) if t is not None]
    person.expertise.add(*tags)
