from django.conf import settings

from .permissions import is_hub_staff


def site(request):
    user = getattr(request, "user", None)
    return {
        "region_name": settings.PLATFORM_REGION_NAME,
        "user_is_hub_staff": bool(user and is_hub_staff(user)),
    }
