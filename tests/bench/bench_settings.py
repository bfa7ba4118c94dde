"""Production settings plus what only the bench needs: the floor view's URL and a query counter.

Nothing here changes the product: same middleware, templates, cache and database settings;
the floor view lives in `tests.bench.bench_urls` and the counter only adds a response header.
"""

from community.settings import *  # noqa: F403
from community.settings import MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "tests.bench.bench_urls"
MIDDLEWARE = ["tests.bench.bench_urls.QueryCountMiddleware", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "bench" / "templates"]}]  # noqa: F405
