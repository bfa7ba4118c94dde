"""Forum views about people: notifications, preferences, unsubscribe, the member directory."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..expertise import expertise_filter, suggestions
from ..forms.forum import DirectoryFilterForm, PreferenceForm
from ..models import DigestFrequency, Follow, Membership, Notification, Person
from ..selectors.forum import member_contributions
from ..services import forum as services
from ..tasks.forum import person_for_unsubscribe_token
from .forum_posts import member_required


@member_required
def notification_list(request):
    notes = (
        Notification.objects.visible_to(request.user)
        .select_related("post", "actor", "answer")
        .order_by("-created_at", "-pk")
    )
    page_obj = Paginator(notes, 30).get_page(request.GET.get("page"))
    return render(request, "community/forum/notifications.html", {"page_obj": page_obj})


@member_required
def notification_open(request, pk):
    note = get_object_or_404(Notification.objects.visible_to(request.user).select_related("post", "answer"), pk=pk)
    services.notifications_mark_read(person=request.user, ids=[note.pk])
    return redirect(note.answer.get_absolute_url() if note.answer_id else note.post.get_absolute_url())


@member_required
@require_POST
def notifications_read_all(request):
    services.notifications_mark_read(person=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("community:forum_notifications")


@member_required
def forum_settings(request):
    preference = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your email preference is saved."))
        return redirect("community:forum_settings")
    follows = (
        Follow.objects.filter(follower=request.user)
        .select_related("post", "tag", "person")
        .order_by("kind", "-created_at")
    )
    return render(request, "community/forum/settings.html", {"form": form, "follows": follows})


def unsubscribe(request, token):
    """From the digest email itself: no login needed, the signed token says who."""
    person = person_for_unsubscribe_token(token)
    if person is None:
        raise Http404
    done = False
    if request.method == "POST":
        preference = services.preference_for(person)
        preference.digest = DigestFrequency.NONE
        preference.save(update_fields=["digest"])
        done = True
    return render(request, "community/forum/unsubscribe.html", {"done": done, "token": token})


def _school_memberships():
    return Prefetch(
        "memberships",
        queryset=Membership.objects.active().select_related("organisation").prefetch_related("profiles"),
        to_attr="current_memberships",
    )


@member_required
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    people = Person.objects.filter(listed_in_directory=True, is_active=True).filter(
        pk__in=Membership.objects.active().values("person_id")
    )
    if form.is_valid():
        data = form.cleaned_data
        query = data["expertise"].strip()
        if query:
            # Expertise tags by their normalised key, and what people wrote about themselves.
            people = people.filter(
                expertise_filter(query) | Q(bio__icontains=query)
                | Q(pk__in=Membership.objects.active().filter(
                    Q(profiles__code__iexact=query) | Q(profiles__name__icontains=query)
                ).values("person_id"))
            )
        if data["profile"]:
            people = people.filter(
                pk__in=Membership.objects.active().filter(profiles=data["profile"]).values("person_id")
            )
        if data["school"]:
            people = people.filter(
                pk__in=Membership.objects.active().filter(organisation=data["school"]).values("person_id")
            )
    people = people.distinct().order_by("sort_name").prefetch_related("expertise", _school_memberships())
    page_obj = Paginator(people, 24).get_page(request.GET.get("page"))
    return render(request, "community/forum/directory.html", {"form": form, "page_obj": page_obj})


@member_required
def expertise_suggestions(request):
    """What members know about, matching what is typed: JSON, or <option>s for htmx's datalist."""
    names = suggestions((request.GET.get("q") or request.GET.get("expertise") or "")[:100])
    if request.htmx:
        return render(request, "community/forum/includes/expertise_options.html", {"names": names})
    return JsonResponse({"suggestions": names})


@member_required
def member_detail(request, pk):
    people = Person.objects.filter(is_active=True).prefetch_related("expertise", _school_memberships())
    person = get_object_or_404(people, pk=pk)
    if not person.listed_in_directory and person.pk != request.user.pk:
        raise Http404
    posts, answers = member_contributions(person)
    following = Follow.objects.filter(follower=request.user, kind=Follow.Kind.PERSON, person=person).exists()
    return render(
        request,
        "community/forum/member_detail.html",
        {"person": person, "posts": posts, "answers": answers, "following": following},
    )
