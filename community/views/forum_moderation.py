"""Forum moderation: the queue of reports, hide/lock/merge, the log, and granting the role."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..forms.forum import MergeForm, ModerateForm, ModeratorGrantForm, ResolveReportForm
from ..models import Answer, Membership, ModerationLog, Person, Post, Report, Role
from ..permissions import is_hub_staff, is_moderator
from ..services import forum as services
from .forum_posts import member_required

Action = ModerationLog.Action


def moderator_required(view):
    @member_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@moderator_required
def queue(request):
    reports = (
        Report.objects.open()
        .select_related("post", "answer", "answer__author", "reporter", "post__author")
        .order_by("created_at")
    )
    hidden = Post.objects.filter(is_hidden=True).select_related("author").order_by("-created_at")[:20]
    log = ModerationLog.objects.select_related("moderator").order_by("-created_at")[:15]
    return render(
        request, "community/forum/moderation/queue.html",
        {"reports": reports, "hidden_posts": hidden, "log": log, "can_manage_moderators": is_hub_staff(request.user)},
    )


@moderator_required
def log_view(request):
    entries = ModerationLog.objects.select_related("moderator", "post", "person").order_by("-created_at", "-pk")
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "community/forum/moderation/log.html", {"page_obj": page_obj})


def _moderate(request, *, post, answer=None):
    if answer is not None:
        actions = [Action.UNHIDE if answer.is_hidden else Action.HIDE]
    else:
        actions = [Action.UNHIDE if post.is_hidden else Action.HIDE, Action.UNLOCK if post.is_locked else Action.LOCK]
    form = ModerateForm(request.POST or None, actions=actions, initial={"action": actions[0]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if answer is not None:
                services.answer_moderate(moderator=request.user, answer=answer, action=data["action"], reason=data["reason"])
            else:
                services.post_moderate(moderator=request.user, post=post, action=data["action"], reason=data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Done. The action is in the moderation log."))
            return redirect(answer.get_absolute_url() if answer else post)
    return render(
        request, "community/forum/moderation/moderate.html", {"form": form, "post": post, "answer": answer}
    )


@moderator_required
def post_moderate(request, pk):
    return _moderate(request, post=get_object_or_404(Post, pk=pk))


@moderator_required
def answer_moderate(request, pk):
    answer = get_object_or_404(Answer.objects.select_related("post", "author"), pk=pk)
    return _moderate(request, post=answer.post, answer=answer)


@moderator_required
def post_merge(request, pk):
    source = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = Post.objects.filter(pk=form.cleaned_data["target"]).first()
        if target is None:
            form.add_error("target", _("There is no question with this number."))
        else:
            try:
                services.post_merge(moderator=request.user, source=source, target=target, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("target", error)
            else:
                messages.success(request, _("Merged. The answers moved to “%(title)s”.") % {"title": target.title})
                return redirect(target)
    return render(request, "community/forum/moderation/merge.html", {"form": form, "post": source})


@moderator_required
def report_resolve(request, pk):
    report = get_object_or_404(
        Report.objects.open().select_related("post", "answer", "reporter", "post__author", "answer__author"), pk=pk
    )
    form = ResolveReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_resolve(
            moderator=request.user, report=report, resolution=form.cleaned_data["resolution"],
            hide=form.cleaned_data["hide"],
        )
        messages.success(request, _("The report is handled."))
        return redirect("community:forum_moderation")
    return render(request, "community/forum/moderation/resolve.html", {"form": form, "report": report})


@member_required
def moderators(request):
    """Hub staff grant and revoke the community moderator role."""
    if not is_hub_staff(request.user):
        raise PermissionDenied
    form = ModeratorGrantForm(request.POST if "grant" in request.POST else None)
    if request.method == "POST":
        if "revoke" in request.POST:
            person = get_object_or_404(Person, pk=request.POST.get("revoke"))
            services.moderator_revoke(
                revoked_by=request.user, person=person,
                reason=request.POST.get("reason") or _("Role revoked by hub staff."),
            )
            messages.success(request, _("%(name)s is no longer a moderator.") % {"name": person})
            return redirect("community:forum_moderators")
        if form.is_valid():
            try:
                services.moderator_grant(granted_by=request.user, person=form.person, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, _("%(name)s is now a moderator.") % {"name": form.person})
                return redirect("community:forum_moderators")
    current = (
        Membership.objects.active().with_role(Role.MODERATOR).select_related("person", "organisation")
        .order_by("person__sort_name")
    )
    return render(request, "community/forum/moderation/moderators.html", {"form": form, "memberships": current})
