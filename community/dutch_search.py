"""Dutch search that works the same on SQLite and PostgreSQL.

Every searchable row keeps a search column besides the original text: its words (lower case,
accents removed) plus their Dutch Snowball stems (the Porter variant that PostgreSQL's "dutch"
configuration uses, and the newer Kraaij-Pohlmann one). A query word matches when one of its own
forms is the start of an indexed form, so "dak" finds "daken", "studiedagen" finds "studiedag"
and "las" finds "lassen" (prefix matching also finds compounds by their first part).

On PostgreSQL a trigger keeps a stored tsvector of that column (Dutch configuration, title
weighted above text) with a GIN index, and results are ranked with ts_rank. On SQLite the same
forms are matched with LIKE on the column and ranked in Python (title hits first).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.db import connection
from django.db.models import Q

_WORD = re.compile(r"[a-z0-9]+")
_porter = snowballstemmer.stemmer("dutch_porter")
_kp = snowballstemmer.stemmer("dutch")
MIN_PREFIX = 2  # one-letter query words match too much to be useful
MAX_QUERY_WORDS = 8
CANDIDATES = 600  # PostgreSQL ranks the newest this many matches
RECENT_WINDOW = 3_000  # rows (by id) searched first on PostgreSQL


def words(text: str) -> list[str]:
    """Lower-case words without accents ("Één café" → ["een", "cafe"])."""
    text = unicodedata.normalize("NFKD", (text or "").lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _WORD.findall(text)


@lru_cache(maxsize=20000)
def forms(word: str) -> tuple[str, ...]:
    """The word and its stems, without duplicates, shortest last."""
    out = [word]
    for stem in (_porter.stemWord(word), _kp.stemWord(word)):
        if stem and stem not in out:
            out.append(stem)
    return tuple(out)


def index_text(*parts: str) -> str:
    """The search column's content: every word's forms once, space separated, with a leading space
    so that a LIKE '% form%' matches at the start of a word only."""
    seen = dict.fromkeys(f for part in parts for w in words(part) for f in forms(w))
    return " " + " ".join(seen) + " " if seen else ""


def query_forms(q: str) -> list[tuple[str, ...]]:
    """Per query word its forms (at least MIN_PREFIX long); the words are AND-ed."""
    terms = []
    for w in words(q)[:MAX_QUERY_WORDS]:
        variants = tuple(f for f in forms(w) if len(f) >= MIN_PREFIX)
        if variants and variants not in terms:
            terms.append(variants)
    return terms


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(terms) -> str:
    # Only [a-z0-9] reaches here (see words()), so no tsquery syntax can be injected.
    return " & ".join("(" + " | ".join(f"{f}:*" for f in variants) + ")" for variants in terms)


NEWEST_TTL = 60  # seconds: the window only needs to be roughly the newest rows


def _newest_pk(queryset):
    """The highest id of the table (cached briefly: rows added since are still searched, the
    window has no upper bound)."""
    from django.core.cache import cache

    key = f"search:newest:{queryset.model._meta.label_lower}"
    newest = cache.get(key)
    if newest is None:
        newest = queryset.model._base_manager.order_by("-pk").values_list("pk", flat=True).first()
        if newest is not None:
            cache.set(key, newest, NEWEST_TTL)
    return newest


def search(queryset, q: str, *, limit: int):
    """Up to `limit` rows of the queryset that match every query word, best first.

    The model needs `search_text` (and on PostgreSQL the trigger-kept `search_vector`); a model
    with `search_title` gets its title hits ranked first on SQLite too.
    """
    terms = query_forms(q)
    if not terms:
        return []
    if is_postgres():

        from django.contrib.postgres.search import SearchQuery, SearchRank
        from django.db.models import F

        query = SearchQuery(_tsquery(terms), search_type="raw", config="dutch")

        matches = queryset.filter(search_vector=query)
        newest = _newest_pk(queryset)
        if newest is None:
            return []
        if newest > RECENT_WINDOW:
            # A common word fills the page from the most recent rows: rank the newest CANDIDATES
            # matches there instead of reading tens of thousands of rows.
            candidates = (
                matches.filter(pk__gt=newest - RECENT_WINDOW).order_by("-pk").values("pk")[:CANDIDATES]
            )
            rows = list(
                queryset.filter(pk__in=candidates)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", "-pk")[:limit]
            )
            if len(rows) >= limit:
                return rows
        # A rarer word: few matches, which the GIN index finds quickly; rank them all.
        return list(matches.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "-pk")[:limit])
    condition = Q()
    for variants in terms:
        any_form = Q()
        for f in variants:
            any_form |= Q(search_text__contains=" " + f)
        condition &= any_form
    # Candidates newest first, then title hits above text hits (a stable sort keeps the recency).
    rows = list(queryset.filter(condition).order_by("-pk")[: limit * 5])
    if hasattr(queryset.model, "search_title"):
        def title_hits(row):
            return sum(any(" " + f in (row.search_title or "") for f in v) for v in terms)

        rows.sort(key=title_hits, reverse=True)
    return rows[:limit]
