"""The security log: each person sees their own; hub staff search everyone's."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from ..models import SecurityEvent, SecurityEventKind
from ..permissions import is_hub_staff, require

PER_PAGE = 50


@login_required
def security_log(request):
    events = SecurityEvent.objects.filter(person=request.user)
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/security/log.html", {"page_obj": page_obj})


@login_required
def security_search(request):
    require(is_hub_staff(request.user))
    query = request.GET.get("q", "")
    query = query.strip()[:200] if isinstance(query, str) else ""
    kind = request.GET.get("kind", "")
    events = SecurityEvent.objects.visible_to(request.user).select_related("person")
    if query:
        match = Q(person__email__icontains=query) | Q(person__first_name__icontains=query) | Q(person__last_name__icontains=query)
        if _looks_like_ip(query):
            match |= Q(ip__startswith=query)
        events = events.filter(match)
    if kind in SecurityEventKind.values:
        events = events.filter(kind=kind)
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/security/search.html", {
        "page_obj": page_obj, "query": query, "kind": kind, "kinds": SecurityEventKind.choices,
    })


def _looks_like_ip(value: str) -> bool:
    return bool(value) and all(c in "0123456789abcdefABCDEF.:" for c in value)
