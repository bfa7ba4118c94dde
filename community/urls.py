from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .ops import health
from .views import dashboard as dashboard_views

urlpatterns = [
    # Answered by HealthCheckMiddleware before host checks; named here so they can be reversed.
    path("health/", health.live, name="health"),
    path("health/ready/", health.ready, name="health_ready"),
    # One login for everyone: Wagtail's own login form would bypass allauth's rate limits.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("community/", include("community.site_urls")),
    path("dossier/", include("portfolios.urls")),
    path("learning/", include("courses.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree catches everything else, so it comes last.
urlpatterns.append(path("", include(wagtail_urls)))
