"""Portfolio pages: entries, their private files, sharing, showcases and the public showcase link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag

from community.confirm import confirm_step, confirmed
from community.files import serve_private_file
from community.params import int_or_none
from community.permissions import is_forum_member
from community.selectors.forum import post_for_source

from .. import dossier_permissions as perms
from ..forms.dossier import EntryForm, ShareForm, ShowcaseForm
from ..models import Attachment, EntryKind, PortfolioEntry, Showcase
from ..services import sharing
from .dossier import _bound, _data

PAGE_SIZE = 20


def _list_queryset(qs):
    return qs.select_related("owner").prefetch_related(
        "tags", Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    ).annotate(named_count=Count("shared_with_people", distinct=True)).order_by("-date", "-pk")


@login_required
def portfolio(request):
    entries = PortfolioEntry.objects.filter(owner=request.user)
    kind = request.GET.get("kind", "")
    tag = request.GET.get("tag", "")
    query = request.GET.get("q", "").strip()
    if kind in EntryKind.values:
        entries = entries.filter(kind=kind)
    if tag:
        entries = entries.filter(tags__slug=tag)
    if query:
        entries = entries.filter(Q(title__icontains=query) | Q(text__icontains=query))
    page = Paginator(_list_queryset(entries), PAGE_SIZE).get_page(request.GET.get("page"))
    tags = _owner_tags(request.user)
    return render(
        request,
        "portfolios/dossier/portfolio.html",
        {"page_obj": page, "kinds": EntryKind.choices, "kind": kind, "tag": tag, "q": query, "tags": tags},
    )


def _owner_tags(user):
    from taggit.models import TaggedItem

    entry_ids = PortfolioEntry.objects.filter(owner=user).values("pk")
    tag_ids = TaggedItem.objects.filter(
        content_type__app_label="portfolios", content_type__model="portfolioentry", object_id__in=entry_ids
    ).values("tag_id")
    return Tag.objects.filter(pk__in=tag_ids).order_by("name")


@login_required
def shared_with_me(request):
    entries = PortfolioEntry.objects.shared_with(request.user)
    page = Paginator(_list_queryset(entries), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portfolios/dossier/shared_with_me.html", {"page_obj": page})


def _save_entry(request, form):
    with transaction.atomic():
        entry = form.save(commit=False)
        if entry.pk is None:
            entry.owner = request.user
        entry.save()
        form.save_m2m()
        for clean in form.cleaned_data.get("attachment") or []:
            sharing.attachment_add(entry=entry, clean=clean)
    return entry


@login_required
def entry_create(request):
    initial = {}
    if int_or_none(request.GET.get("goal")) is not None:
        initial["goals"] = [int_or_none(request.GET.get("goal"))]
    form = EntryForm(*_bound(request), owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        entry = _save_entry(request, form)
        messages.success(request, _("Saved in your portfolio. Only you can see it until you share it."))
        return redirect("portfolios:entry_detail", pk=entry.pk)
    return render(request, "portfolios/dossier/entry_form.html", {"form": form})


@login_required
def entry_detail(request, pk):
    entry = perms.entry_for_viewer(request.user, pk)
    is_owner = entry.owner_id == request.user.pk
    context = {
        "entry": entry,
        "is_owner": is_owner,
        "attachments": entry.attachments.all(),
        "tags": entry.tags.all(),
        "goals": entry.goals.select_related("plan") if is_owner else [],
        "shared_people": entry.shared_with_people.all() if is_owner else [],
        **_community_share_context(request.user, entry, is_owner),
    }
    return render(request, "portfolios/dossier/entry_detail.html", context)


def _community_share_context(user, entry, is_owner):
    if not (is_owner and entry.can_share_in_community and is_forum_member(user)):
        return {}
    return {
        "community_post": post_for_source(entry.community_source_key, user),
        "can_share_in_community": True,
        "has_text": sharing.entry_has_text(entry),
    }


@login_required
@require_POST
def entry_share_community(request, pk):
    """One click: the entry's title, text and tags become a community experience (never its files)."""
    entry = perms.own_entry(request.user, pk)
    if not (entry.can_share_in_community and is_forum_member(request.user)):
        raise Http404
    try:
        sharing.entry_share_in_community(entry=entry)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Shared in the community as an experience. Your files are not shared: they stay private in your portfolio.")
        )
    return redirect("portfolios:entry_detail", pk=entry.pk)


@login_required
def entry_edit(request, pk):
    entry = perms.own_entry(request.user, pk)
    form = EntryForm(*_bound(request), instance=entry, owner=request.user)
    if request.method == "POST" and form.is_valid():
        _save_entry(request, form)
        messages.success(request, _("Entry saved."))
        return redirect("portfolios:entry_detail", pk=entry.pk)
    return render(
        request, "portfolios/dossier/entry_form.html", {"form": form, "entry": entry, "attachments": entry.attachments.all()}
    )


@login_required
def entry_delete(request, pk):
    entry = perms.own_entry(request.user, pk)
    if request.method == "POST":
        sharing.entry_delete(entry)
        messages.success(request, _("The entry and its files have been deleted."))
        return redirect("portfolios:portfolio")
    return render(request, "portfolios/dossier/entry_delete.html", {"entry": entry})


@login_required
def entry_share(request, pk):
    entry = perms.own_entry(request.user, pk)
    form = ShareForm(_data(request), instance=entry)
    if request.method == "POST" and form.is_valid():
        form.save()
        if entry.is_shared or form.cleaned_data["shared_with_people"]:
            messages.success(request, _("Sharing updated."))
        else:
            messages.success(request, _("This entry is private again: only you can see it."))
        return redirect("portfolios:entry_detail", pk=entry.pk)
    return render(request, "portfolios/dossier/entry_share.html", {"entry": entry, "form": form})


@login_required
def attachment_file(request, pk):
    attachment = perms.attachment_for_viewer(request.user, pk)
    return serve_private_file(attachment.file, download_name=attachment.name, inline=attachment.is_image)


@login_required
def attachment_thumbnail(request, pk):
    attachment = perms.attachment_for_viewer(request.user, pk)
    if not attachment.thumbnail:
        raise Http404
    return serve_private_file(attachment.thumbnail, inline=True)


@login_required
@require_POST
def attachment_delete(request, pk):
    attachment = get_object_or_404(Attachment.objects.filter(entry__owner=request.user), pk=pk)
    entry_id = attachment.entry_id
    if not confirmed(request):
        return confirm_step(
            request,
            title=_("Delete this file?"),
            question=_("“%(name)s” will be deleted for good, also for everyone you shared the entry with.")
            % {"name": attachment.name},
            button=_("Yes, delete the file"),
            cancel_url=reverse("portfolios:entry_edit", kwargs={"pk": entry_id}),
        )
    sharing.attachment_delete(attachment)
    messages.success(request, _("File removed."))
    return redirect("portfolios:entry_edit", pk=entry_id)


# Showcases -------------------------------------------------------------------------------


@login_required
def showcase_list(request):
    showcases = Showcase.objects.visible_to(request.user).annotate(entry_count=Count("entries")).order_by("-created_at", "-pk")
    page = Paginator(showcases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portfolios/dossier/showcase_list.html", {"page_obj": page})


@login_required
def showcase_create(request):
    form = ShowcaseForm(_data(request), owner=request.user, initial={"language": translation.get_language() or "nl"})
    if request.method == "POST" and form.is_valid():
        showcase = form.save(commit=False)
        showcase.owner = request.user
        showcase.save()
        form.save_m2m()
        messages.success(request, _("Your showcase is ready. Copy the link and send it to whoever you choose."))
        return redirect("portfolios:showcase_edit", pk=showcase.pk)
    return render(request, "portfolios/dossier/showcase_form.html", {"form": form})


@login_required
def showcase_edit(request, pk):
    showcase = perms.own_showcase(request.user, pk)
    form = ShowcaseForm(_data(request), instance=showcase, owner=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Showcase saved."))
        return redirect("portfolios:showcase_edit", pk=showcase.pk)
    link = request.build_absolute_uri(showcase_public_url(showcase))
    return render(request, "portfolios/dossier/showcase_form.html", {"form": form, "showcase": showcase, "link": link})


def showcase_public_url(showcase):
    from django.urls import reverse

    return reverse("portfolios:showcase_public", kwargs={"token": showcase.token})


@login_required
@require_POST
def showcase_revoke(request, pk):
    showcase = perms.own_showcase(request.user, pk)
    if not confirmed(request):
        return confirm_step(
            request,
            title=_("Switch the link off?"),
            question=_("Nobody will be able to open “%(title)s” with the link any more. This cannot be undone: "
                       "you can make a new presentation with a new link.") % {"title": showcase.title},
            button=_("Yes, switch the link off"),
            cancel_url=reverse("portfolios:showcase_edit", kwargs={"pk": showcase.pk}),
        )
    sharing.showcase_revoke(showcase)
    messages.success(request, _("The link no longer works. Nobody can open this showcase any more."))
    return redirect("portfolios:showcase_list")


def showcase_public(request, token):
    """Anyone with the live link: the selected entries and their files, read-only.

    In the owner's language, whatever the visitor's browser asks for. A link that expired or
    was switched off gets a friendly page (410 Gone) instead of "not found".
    """
    showcase = Showcase.objects.select_related("owner").filter(token=token).first()
    if showcase is None:
        raise Http404
    with translation.override(showcase.language):
        request.LANGUAGE_CODE = showcase.language
        if not showcase.is_live:
            response = render(request, "portfolios/dossier/showcase_gone.html", {"showcase": showcase}, status=410)
        else:
            entries = showcase.entries.prefetch_related("tags", "attachments")
            response = render(
                request, "portfolios/dossier/showcase_public.html", {"showcase": showcase, "entries": entries}
            )
        response["Content-Language"] = showcase.language
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _showcase_attachment(token, pk):
    showcase = perms.live_showcase(token)
    return get_object_or_404(Attachment.objects.filter(entry__in=showcase.entries.all()), pk=pk)


def showcase_file(request, token, pk):
    attachment = _showcase_attachment(token, pk)
    return serve_private_file(attachment.file, download_name=attachment.name, inline=attachment.is_image)


def showcase_thumbnail(request, token, pk):
    attachment = _showcase_attachment(token, pk)
    if not attachment.thumbnail:
        raise Http404
    return serve_private_file(attachment.thumbnail, inline=True)

