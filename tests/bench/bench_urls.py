"""The bench's URLconf: the product's URLs plus the floor (a minimal Django template view)."""

from django.db import connections
from django.urls import include, path
from django.views.generic import TemplateView


class QueryCountMiddleware:
    """Counts the database queries of each request into an `X-Bench-Queries` header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count[0])
        return response


urlpatterns = [
    path("__bench_floor__/", TemplateView.as_view(template_name="bench/floor.html", extra_context={"title": "Floor"})),
    path("", include("community.urls")),
]
