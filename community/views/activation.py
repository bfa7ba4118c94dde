"""HR: the people of its school(s) who never activated their account, and their activation emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..params import ids as submitted_ids
from ..permissions import hr_school_ids, require
from ..services.activation import activation_send, never_activated

PER_PAGE = 100


@login_required
def activation_list(request):
    school_ids = hr_school_ids(request.user)
    require(bool(school_ids))
    people = never_activated(school_ids=school_ids)
    if request.method == "POST":
        if "all" in request.POST:
            chosen = people
        else:
            ids = submitted_ids(request.POST.getlist("person"))
            chosen = people.filter(pk__in=ids)
        count = activation_send(by=request.user, people=list(chosen))
        if count:
            messages.success(request, ngettext(
                "%(count)s activation email is being sent.", "%(count)s activation emails are being sent.", count,
            ) % {"count": count})
        else:
            messages.error(request, _("Choose at least one person."))
        return redirect("community:activation_list")
    page_obj = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/people/activation_list.html", {"page_obj": page_obj, "total": page_obj.paginator.count})
