from django.conf import settings

from .permissions import is_hub_staff


def site(request):
    from django.utils.functional import SimpleLazyObject

    from .two_step import must_use_two_step

    user = getattr(request, "user", None)
    return {
        "region_name": settings.PLATFORM_REGION_NAME,
        "user_is_hub_staff": bool(user and is_hub_staff(user)),
        # Read only by the account pages (two-step set-up): no query elsewhere.
        "two_step_required": SimpleLazyObject(lambda: bool(user and must_use_two_step(user))),
    }


def forum(request):
    """The unread community notifications for the header: one cheap count, lazily."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    from django.utils.functional import SimpleLazyObject

    from .models import Notification
    from .permissions import is_moderator

    return {
        "forum_unread_count": SimpleLazyObject(lambda: Notification.objects.visible_to(user).unread().count()),
        "forum_is_moderator": SimpleLazyObject(lambda: is_moderator(user)),
    }


def navigation(request):
    """The role's main destinations for the header, computed only when a page shows them."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    from django.utils.functional import SimpleLazyObject

    from .navigation import main_destinations

    return {"nav_destinations": SimpleLazyObject(lambda: main_destinations(user))}
