"""Forum views: the list, a post with its answers and comments, writing, votes, follows."""

import hashlib
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..dashboard import versioned_key
from ..files import serve_private_file
from ..forms.forum import AnswerForm, CommentForm, ListFilterForm, PostForm, ReportForm
from ..markup import render_markdown
from ..models import Answer, Comment, Follow, HelpfulVote, Person, Post, PostImage, PostKind
from ..pagination import CachedCountPaginator
from ..pagination_keys import FORUM_LIST_READS, RELATED_READS
from ..params import redirect_next
from ..permissions import (
    can_contribute,
    can_edit_answer,
    can_edit_post,
    can_mark_solution,
    is_forum_member,
    is_moderator,
)
from ..selectors.forum import post_list, related_for_post
from ..services import forum as services

PAGE_SIZE = 20
RELATED_CACHE_SECONDS = 300  # writes renew it earlier through the versions
PREVIEW_MAX = 50_000


def member_required(view):
    """Logged in (else the login page) and an active member of some organisation (else 403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_forum_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _related(post, user):
    """The related section, cached per post and person until a write to what it reads."""
    key = versioned_key("post-related", RELATED_READS, f"{post.pk}:{user.pk}:{translation.get_language()}")
    related = cache.get(key)
    if related is None:
        related = related_for_post(post, user)
        cache.set(key, related, RELATED_CACHE_SECONDS)
    return related


def _back(request, fallback):
    return redirect_next(request, fallback)


def _form_errors(form, error: ValidationError):
    for message in error.messages:
        form.add_error(None, message)


@member_required
def post_list_view(request):
    form = ListFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    posts = post_list(
        request.user,
        kind=filters.get("kind", ""),
        status=filters.get("status", ""),
        tag=filters.get("tag", "").strip(),
        profile=filters.get("profile"),
        sort=filters.get("sort") or "newest",
        following=filters.get("following", False),
    )
    count_key = f"forum:{request.user.pk}:{sorted((k, v) for k, v in request.GET.lists() if k != 'page')}"
    paginator = CachedCountPaginator(posts, PAGE_SIZE, key=hashlib.sha1(count_key.encode()).hexdigest(),  # noqa: S324
                                     reads=FORUM_LIST_READS)
    page_obj = paginator.get_page(request.GET.get("page"))
    tag = filters.get("tag", "").strip()
    following_tag = False
    tag_obj = services.tag_by_name(tag) if tag else None
    if tag_obj:
        following_tag = Follow.objects.filter(follower=request.user, kind=Follow.Kind.TAG, tag=tag_obj).exists()
    return render(
        request,
        "community/forum/post_list.html",
        {"form": form, "page_obj": page_obj, "tag": tag_obj, "following_tag": following_tag},
    )


@member_required
def post_create(request):
    initial = {"kind": request.GET.get("kind") if request.GET.get("kind") in PostKind.values else PostKind.QUESTION}
    tags = [t[:100] for t in request.GET.getlist("tag") if t.strip()][:10]
    if tags:
        initial["tags"] = ", ".join(f'"{t}"' if ("," in t or " " in t) and '"' not in t else t for t in tags)
    profiles = [p for p in request.GET.getlist("profile") if p.isdigit()][:10]
    if profiles:
        initial["profiles"] = profiles
    about_url, about_title = _about(request)
    form = PostForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.post_create(
                author=request.user, kind=data["kind"], title=data["title"], body_markdown=data["body"],
                tags=data["tags"], profiles=list(data["profiles"]), images=data["images"],
                about_url=about_url, about_title=about_title,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your post is online."))
            return redirect(post)
    return render(
        request, "community/forum/post_form.html",
        {"form": form, "creating": True, "source_url": about_url, "source_title": about_title},
    )


def _about(request):
    """A question asked from another page of the platform: a local path and its title."""
    url = (request.GET.get("about") or request.POST.get("about") or "").strip()
    title = " ".join((request.GET.get("about_title") or request.POST.get("about_title") or "").split())
    if not url.startswith("/") or url.startswith("//") or len(url) > 300:
        return "", ""
    if not url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return "", ""
    return url, title[:200] or url


def _load_post(request, pk):
    return get_object_or_404(Post.objects.visible_to(request.user).select_related("author", "duplicate_of"), pk=pk)


@member_required
def post_detail(request, pk):
    user = request.user
    post = get_object_or_404(
        Post.objects.visible_to(user)
        .select_related("author", "duplicate_of")
        .prefetch_related("tags", "profiles", "images"),
        pk=pk,
    )
    answers = list(
        Answer.objects.visible_to(user)
        .filter(post=post)
        .select_related("author")
        .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
        .order_by("-is_solution", "-helpful_count", "created_at", "pk")
    )
    voted = HelpfulVote.objects.filter(voter=user, post=post).exists()
    answer_votes = set(
        HelpfulVote.objects.filter(voter=user, answer__in=[a.pk for a in answers]).values_list("answer_id", flat=True)
    )
    follows = set(
        Follow.objects.filter(follower=user)
        .filter(Q(kind=Follow.Kind.QUESTION, post=post) | Q(kind=Follow.Kind.PERSON, person_id=post.author_id))
        .values_list("kind", flat=True)
    )
    moderator = is_moderator(user)
    for answer in answers:
        answer.voted = answer.pk in answer_votes
        answer.post = post
        answer.can_edit = can_edit_answer(user, answer)
    context = {
        "post": post,
        "answers": answers,
        "voted": voted,
        "following": Follow.Kind.QUESTION in follows,
        "following_author": Follow.Kind.PERSON in follows,
        "can_edit": can_edit_post(user, post),
        "can_answer": can_contribute(user, post),
        "can_mark_solution": can_mark_solution(user, post),
        "is_moderator": moderator,
        "answer_form": AnswerForm(),
        "comment_form": CommentForm(),
        "related": _related(post, user),
    }
    return render(request, "community/forum/post_detail.html", context)


@member_required
def post_edit(request, pk):
    post = _load_post(request, pk)
    if not can_edit_post(request.user, post):
        raise PermissionDenied
    form = PostForm(request.POST or None, request.FILES or None, post=post)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.post_update(
                post=post, editor=request.user, title=data["title"], body_markdown=data["body"],
                tags=data["tags"], profiles=list(data["profiles"]), images=data["images"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(post)
    return render(request, "community/forum/post_form.html", {"form": form, "post": post, "creating": False})


@member_required
@require_POST
def answer_create(request, pk):
    post = _load_post(request, pk)
    if not can_contribute(request.user, post):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            answer = services.answer_create(
                post=post, author=request.user, body_markdown=form.cleaned_data["body"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for your answer."))
            return redirect(answer.get_absolute_url())
    else:
        messages.error(request, _("Write an answer before you send it."))
    return redirect(post)


def _load_answer(request, pk):
    return get_object_or_404(Answer.objects.visible_to(request.user).select_related("post", "author"), pk=pk)


@member_required
def answer_edit(request, pk):
    answer = _load_answer(request, pk)
    if not can_edit_answer(request.user, answer):
        raise PermissionDenied
    form = AnswerForm(request.POST or None, initial={"body": answer.body_source or answer.body})
    if request.method == "POST" and form.is_valid():
        services.answer_update(answer=answer, editor=request.user, body_markdown=form.cleaned_data["body"])
        messages.success(request, _("Your changes are saved."))
        return redirect(answer.get_absolute_url())
    return render(request, "community/forum/answer_form.html", {"form": form, "answer": answer})


@member_required
@require_POST
def comment_create(request, pk):
    answer = _load_answer(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_create(answer=answer, author=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Write a comment before you send it."))
    return redirect(answer.get_absolute_url())


@member_required
@require_POST
def solution_toggle(request, pk):
    answer = _load_answer(request, pk)
    if not can_mark_solution(request.user, answer.post):
        raise PermissionDenied
    marked = services.solution_toggle(answer=answer, person=request.user)
    messages.success(request, _("Marked as a solution.") if marked else _("No longer marked as a solution."))
    return redirect(answer.get_absolute_url())


def _helpful_response(request, *, target, voted, count, url_name):
    if request.htmx:
        return render(
            request, "community/forum/includes/helpful_button.html",
            {"target": target, "voted": voted, "count": count, "url_name": url_name},
        )
    return redirect(target.get_absolute_url())


@member_required
@require_POST
def post_helpful(request, pk):
    post = _load_post(request, pk)
    if post.author_id == request.user.pk:
        raise PermissionDenied
    voted, count = services.helpful_toggle(person=request.user, post=post)
    return _helpful_response(request, target=post, voted=voted, count=count, url_name="community:forum_post_helpful")


@member_required
@require_POST
def answer_helpful(request, pk):
    answer = _load_answer(request, pk)
    if answer.author_id == request.user.pk:
        raise PermissionDenied
    voted, count = services.helpful_toggle(person=request.user, answer=answer)
    return _helpful_response(
        request, target=answer, voted=voted, count=count, url_name="community:forum_answer_helpful"
    )


@member_required
@require_POST
def post_follow(request, pk):
    post = _load_post(request, pk)
    following = services.follow_toggle(person=request.user, post=post)
    messages.success(request, _("You follow this question.") if following else _("You no longer follow this question."))
    return _back(request, post)


@member_required
@require_POST
def tag_follow(request, slug):
    from taggit.models import Tag

    tag = get_object_or_404(Tag, slug=slug)
    following = services.follow_toggle(person=request.user, tag=tag)
    if following:
        messages.success(request, _("You follow the tag “%(tag)s”.") % {"tag": tag.name})
    else:
        messages.success(request, _("You no longer follow the tag “%(tag)s”.") % {"tag": tag.name})
    return _back(request, f"{reverse('community:forum_list')}?tag={tag.name}")


@member_required
@require_POST
def person_follow(request, pk):
    person = get_object_or_404(Person.objects.filter(is_active=True), pk=pk)
    if person.pk == request.user.pk:
        raise PermissionDenied
    following = services.follow_toggle(person=request.user, followed=person)
    if following:
        messages.success(request, _("You follow %(name)s.") % {"name": person})
    else:
        messages.success(request, _("You no longer follow %(name)s.") % {"name": person})
    return _back(request, "community:forum_list")


def _report(request, post, answer=None):
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_create(
            reporter=request.user, post=post, answer=answer,
            reason=form.cleaned_data["reason"], explanation=form.cleaned_data["explanation"],
        )
        messages.success(request, _("Thank you. A moderator will look at your report."))
        return redirect(answer.get_absolute_url() if answer else post)
    return render(request, "community/forum/report_form.html", {"form": form, "post": post, "answer": answer})


@member_required
def post_report(request, pk):
    return _report(request, _load_post(request, pk))


@member_required
def answer_report(request, pk):
    answer = _load_answer(request, pk)
    return _report(request, answer.post, answer)


def _review(request, post, answer=None):
    target = answer or post
    if target.author_id != request.user.pk or not target.is_hidden:
        raise Http404
    services.review_request(
        author=request.user, post=post, answer=answer,
        explanation=(request.POST.get("explanation") or "")[:1000],
    )
    messages.success(request, _("Thank you. A moderator will look at it again and let you know."))
    return redirect(target.get_absolute_url())


@member_required
@require_POST
def post_review(request, pk):
    return _review(request, _load_post(request, pk))


@member_required
@require_POST
def answer_review(request, pk):
    answer = _load_answer(request, pk)
    return _review(request, answer.post, answer)


@member_required
@require_POST
def preview(request):
    """The text as it will look, before posting (htmx swaps it under the editor)."""
    source = (request.POST.get("body") or "")[:PREVIEW_MAX]
    return render(request, "community/forum/includes/preview.html", {"html": render_markdown(source)})


@member_required
def image_view(request, pk):
    image = get_object_or_404(PostImage.objects.select_related("post"), pk=pk)
    if not Post.objects.visible_to(request.user).filter(pk=image.post_id).exists():
        raise Http404
    return serve_private_file(image.image, inline=True)
