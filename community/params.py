"""Reading what a user sends: numbers and `next` addresses that never cause a server error."""

import re

from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# The largest id a database column holds (signed 64-bit); larger numbers match no record.
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def int_or_none(value, *, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """An ASCII number within bounds, else None ('²', '1e9', a huge number, a list: None)."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value.strip()):
        return None
    number = int(value)
    return number if minimum <= number <= maximum else None


def ids(values) -> list[int]:
    """The valid ids among a list of submitted values (checkboxes)."""
    return [n for n in (int_or_none(v) for v in values) if n is not None]


def safe_next(request, fallback=None) -> str | None:
    """The `next` of the request when it is a path on this site, else the fallback."""
    target = request.POST.get("next") or request.GET.get("next")
    if (
        isinstance(target, str)
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    ):
        return target
    return resolve_url(fallback) if fallback is not None else None


def redirect_next(request, fallback, *args, **kwargs) -> HttpResponseRedirect:
    """Back to `next` when it is safe, else to the fallback (a URL name with args, or a path)."""
    target = safe_next(request)
    return HttpResponseRedirect(target or resolve_url(fallback, *args, **kwargs))
