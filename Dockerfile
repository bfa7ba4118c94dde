# TechniekHub: one image for every process (web, worker, scheduler); see deploy/README.md.
# Build: docker build -t techniekhub .   Run: docker run --env-file .env -p 8000:8000 techniekhub
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# pg_dump/pg_restore for `manage.py backup` and `restore`; pango for the PDF export (WeasyPrint).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# The same install as `make run`/`make test`: the dependencies pinned in pyproject.toml.
COPY pyproject.toml ./
RUN pip install .
COPY . .

# Static files are collected at build time and served by WhiteNoise (no secret needed for it).
RUN DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home --uid 10001 techniekhub && mkdir -p /app/media /app/private \
    && chown -R techniekhub /app/media /app/private
USER techniekhub

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/').status != 200)"
# The web process; the worker and scheduler use the same image with another command (Procfile).
CMD ["gunicorn", "community.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
