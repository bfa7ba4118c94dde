"""Benchmark: the forum's Dutch search at 100,000 posts on PostgreSQL.

Run by hand (not by pytest), against a database of its own that it may fill:
    createdb -h 127.0.0.1 -U postgres i16_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/i16_bench .venv/bin/python tests/bench/bench_search.py [--posts 100000]
Migrates, adds posts until there are --posts (stemmed search columns; the trigger keeps the
tsvector), ANALYZEs, then times a common word, a rare word and a two-word query through
community.dutch_search.search (ranked, first page of 60) and prints the median of 7 runs.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WORDS = (
    "lassen leerlingen werkplaats zonnepanelen daken studiedag docent stage installatie elektrotechniek "
    "veiligheid gereedschap planning examen praktijk opdracht motivatie groep metaal hout schakeling "
    "plc programmeren storing meten kabel groepenkast warmtepomp ventilatie leidingen solderen boren"
).split()
FILLER = "de het een en van in op met voor bij hoe wat je we zijn heeft werkt goed vraag".split()


def text(rng, n):
    return " ".join(rng.choice(WORDS) if rng.random() < 0.35 else rng.choice(FILLER) for _ in range(n))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "community.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at a PostgreSQL database of its own.")
    call_command("migrate", verbosity=0)
    from community.dutch_search import index_text, search
    from community.markup import render_markdown
    from community.models import Person, Post

    author, _ = Person.objects.get_or_create(email="bench-author@example.org", defaults={"first_name": "Bench"})
    rng = random.Random(16)
    have = Post.objects.count()
    start = time.perf_counter()
    batch = []
    for n in range(have, args.posts):
        title = text(rng, 7).capitalize()
        if n % 200 == 0:  # a rare word: one post in 200
            title += " docentstage"
        body = render_markdown(text(rng, 80))
        post = Post(author=author, title=title, body=body, kind="question")
        post.search_title = index_text(title)
        post.search_text = index_text(title, text(rng, 0), body)
        batch.append(post)
        if len(batch) == 5000:
            Post.objects.bulk_create(batch)
            batch = []
            print(f"  {n + 1} posts", flush=True)
    if batch:
        Post.objects.bulk_create(batch)
    if args.posts > have:
        print(f"filled {args.posts - have} posts in {time.perf_counter() - start:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE community_post")
    total = Post.objects.count()
    visible = Post.objects.filter(is_hidden=False, duplicate_of__isnull=True).defer("search_vector")
    if not Post.objects.filter(title__contains="docentstage").exists():
        every_200th = list(Post.objects.order_by("pk").values_list("pk", flat=True))[::200]
        for post in Post.objects.filter(pk__in=every_200th):
            post.title += " docentstage"
            post.save(update_fields=["title"])  # refills the search columns
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE community_post")
    for q in ["leerlingen", "lassen", "zonnepaneel daken", "warmtepomp", "docentstages", "onbekendwoord"]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM community_post WHERE search_vector @@ to_tsquery('dutch', %s)",
                [" & ".join("(" + " | ".join(f"{f}:*" for f in v) + ")" for v in __import__(
                    "community.dutch_search", fromlist=["query_forms"]).query_forms(q))],
            )
            matches = cursor.fetchone()[0]
        times = []
        for _ in range(7):
            t = time.perf_counter()
            hits = search(visible, q, limit=60)
            times.append((time.perf_counter() - t) * 1000)
        print(f"{total} posts · {q!r}: {matches} matches, first page {len(hits)} hits, "
              f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
