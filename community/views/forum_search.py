"""Forum search: questions, experiences, answers, articles and study days, for members."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ..forms.forum import SearchForm
from ..selectors.forum import search_everything
from .forum_posts import member_required


@member_required
def search(request):
    form = SearchForm(request.GET or None)
    hits, query = [], ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        hits = search_everything(
            request.user, query, type_=form.cleaned_data["type"], tag=form.cleaned_data["tag"].strip()
        )
    page_obj = Paginator(hits, 20).get_page(request.GET.get("page"))
    return render(request, "community/forum/search.html", {"form": form, "page_obj": page_obj, "query": query})
