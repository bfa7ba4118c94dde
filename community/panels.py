from django.utils.translation import gettext_lazy as _

from .dashboard import Panel, register_panel
from .permissions import hr_school_ids, is_hub_staff

# What these panels read: their cached HTML is renewed after any write there (see dashboard.py).
READS = ("community", "taggit")


def _me_context(request):
    """Who you are, where, and what to do next. Two queries: memberships and expertise."""
    user = request.user
    expertise = [tag.name for tag in user.expertise.all()]
    profile_complete = bool(user.bio and expertise)
    actions = [
        (_("Edit your profile") if profile_complete else _("Complete your profile"), "community:profile_edit", not profile_complete),
    ]
    actions.append((_("My data"), "community:my_data", False))
    is_hr = bool(hr_school_ids(user))
    if is_hr:
        actions.append((_("Manage your school's people"), "community:school_people", False))
        actions.append((_("Accounts not yet activated"), "community:activation_list", False))
    if is_hr or is_hub_staff(user):
        actions.append((_("Invite people"), "community:invitation_create", False))
        actions.append((_("Pending invitations"), "community:invitation_list", False))
    if is_hub_staff(user):
        actions.append((_("Erasure requests"), "community:erasure_requests", False))
        actions.append((_("Open the CMS"), "wagtailadmin_home", False))
    return {
        "memberships": user.active_memberships,
        "expertise": expertise,
        "profile_complete": profile_complete,
        "actions": actions,
    }


register_panel(Panel(key="me", template_name="community/panels/me.html", get_context=_me_context, order=0, reads=READS))


# --- Forum: recent unanswered questions in my profiles and tags, my unread notifications -------


def _forum_context(request):
    from django.db.models import Q

    from .models import Follow, Membership, Notification, Post
    from .models.forum import TaggedPost
    from .permissions import is_forum_member

    user = request.user
    if not is_forum_member(user):
        return None
    profile_ids = Membership.profiles.through.objects.filter(
        membership_id__in=[m.pk for m in user.active_memberships]
    ).values("vmboprofile_id")
    tag_ids = Follow.objects.filter(follower=user, kind=Follow.Kind.TAG).values("tag_id")
    # Subqueries, not joins: joining profiles and tags needed DISTINCT over every column of
    # 100,000 posts (95 ms at national scale for a moderator; 60 ms this way).
    by_profile = Post.profiles.through.objects.filter(vmboprofile_id__in=profile_ids).values("post_id")
    by_tag = TaggedPost.objects.filter(tag_id__in=tag_ids).values("content_object_id")
    questions = (
        Post.objects.visible_to(user).listed()
        .filter(kind="question", answer_count=0, is_hidden=False)
        .filter(Q(pk__in=by_profile) | Q(pk__in=by_tag))
        .exclude(author=user)
        .select_related("author")
        .order_by("-created_at", "-pk")[:5]
    )
    notes = list(Notification.objects.visible_to(user).unread().select_related("post", "actor")[:5])
    return {"questions": list(questions), "notifications": notes}


register_panel(
    Panel(key="forum", template_name="community/panels/forum.html", get_context=_forum_context, order=50, reads=READS)
)
