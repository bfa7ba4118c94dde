"""A paginator whose total is cached until the counted models are written (see dashboard.watch).

Counting a large list costs a sequential scan per request (the forum's 100,000 posts: ~30 ms
on PostgreSQL); the rows of one page come from an index and cost almost nothing.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .dashboard import versioned_key

COUNT_TTL = 300  # seconds; writes renew it earlier through the versions


class CachedCountPaginator(Paginator):
    def __init__(self, object_list, per_page, *, key: str, reads: tuple[str, ...], **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key, self.reads = key, reads

    @cached_property
    def count(self):
        key = versioned_key("count", self.reads, self.count_key)
        total = cache.get(key)
        if total is None:
            total = super().count
            cache.set(key, total, COUNT_TTL)
        return total
