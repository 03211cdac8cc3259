# ruff: noqa: E402  (Django is set up before the models are imported)
"""
Seeds N published articles with realistic bodies (several blocks, images), a Korean translation
of every 4th and a Japanese one of every 10th, in a few minutes for 10,000 articles.

Articles are built by their factory and put in the tree many at a time (`add_children`): the
paths come in sequence as treebeard's `add_child` would give them, and the rows are written
without Wagtail's per-page validation, log entry and save signals, which cost some 30 queries
per page. The search and reference index entries that the signals would have queued as tasks
(one by one, each claimed from the queue) are then written by four processes in chunks.
"""

import datetime
import random
import sys
import time
from multiprocessing import Pool

import django

django.setup()  # run as `python -m benchmarks.seed N` with the benchmark settings

from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.models.signals import m2m_changed, post_save
from django.test import Client
from django.utils import timezone
from factory.django import mute_signals
from modelsearch.backends import get_search_backend
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.rich_text import RichText

from blog.factories import ArticlePageFactory, BlogIndexPageFactory
from blog.models import ArticleAuthor, ArticlePage
from citynet.images.factories import ImageFactory
from citynet.people.factories import PersonFactory
from citynet.taxonomy.models import Theme
from home.models import HomePage

WORDS = [
    *("city", "resilience", "climate", "finance", "housing", "water", "transport", "energy"),
    *("waste", "data", "governance", "heat", "flood", "mayor", "budget", "training"),
    *("workshop", "partnership", "network", "mobility", "health"),
]

# Search terms that, as in real content, match only some of the articles.
CITIES = [
    *("Bangkok", "Colombo", "Dhaka", "Hanoi", "Jakarta", "Kathmandu", "Kuala Lumpur", "Manila"),
    *("Seoul", "Suwon", "Taipei", "Ulaanbaatar", "Yokohama", "Makassar", "Surabaya", "Iloilo"),
    *("Chiang Mai", "Da Nang", "Cebu", "Penang"),
]
# Translated articles: every Nth article in each language.
TRANSLATIONS = {"ko": 4, "ja": 10}


def sentence(rng, words=18):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def body(rng, images):
    paragraphs = [
        ("paragraph", RichText("<p>" + " ".join(sentence(rng) for _ in range(5)) + "</p>"))
        for _ in range(4)
    ]
    return [
        paragraphs[0],
        ("heading", {"text": sentence(rng, 5), "level": "h2"}),
        paragraphs[1],
        ("image", {"image": rng.choice(images), "caption": ""}),
        paragraphs[2],
        ("gallery", {"title": "", "images": [{"image": image} for image in rng.sample(images, 3)]}),
        ("pull_quote", {"quote": sentence(rng), "name": "A mayor", "role": "Mayor"}),
        paragraphs[3],
    ]


def blog_indexes():
    """The English blog and its published translations, one per language of TRANSLATIONS."""
    home = HomePage.objects.get(depth=2, locale=Locale.get_default())
    english = BlogIndexPageFactory(parent=home)
    indexes = {"en": english}
    for language_code in TRANSLATIONS:
        locale = Locale.objects.get(language_code=language_code)
        translated_home = home.copy_for_translation(locale)
        translated_home.save_revision().publish()
        index = english.copy_for_translation(locale)
        index.save_revision().publish()
        indexes[language_code] = index
    return indexes


def article_fields(rng, index, images, now):
    return {
        "title": f"{sentence(rng, 5)[:-1]} in {rng.choice(CITIES)} {index}",
        "slug": f"article-{index}",
        "standfirst": sentence(rng, 30),
        "date_published": datetime.date(2020, 1, 1) + datetime.timedelta(days=index % 2000),
        "hero_image": rng.choice(images),
        "body": body(rng, images),
        "first_published_at": now,
        "last_published_at": now,
    }


def add_children(parent, pages):
    """treebeard's `add_child` for many new pages under a parent that has none yet."""
    depth = parent.depth + 1
    for step, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, step)
        page.depth = depth
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale = parent.locale
        page.save_base(force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=len(pages))


@transaction.atomic
def seed(count):
    rng = random.Random(count)
    indexes = blog_indexes()
    now = timezone.now()
    images = [
        ImageFactory(file__width=1600, file__height=900, file__color=color)
        for color in ("red", "green", "blue", "gray", "orange", "purple", "teal", "navy")
    ]
    people = [PersonFactory(photo=rng.choice(images)) for _ in range(30)]
    themes = [
        Theme.objects.create(name=word.title(), slug=word, kind="cluster") for word in WORDS[:10]
    ]
    with mute_signals(post_save, m2m_changed):
        articles = {language_code: [] for language_code in indexes}
        for index in range(count):
            fields = article_fields(rng, index, images, now)
            article = ArticlePageFactory.build(**fields)
            articles["en"].append(article)
            for language_code, every in TRANSLATIONS.items():
                if index % every == 0:
                    title = f"[{language_code}] {fields['title']}"
                    articles[language_code].append(
                        ArticlePageFactory.build(
                            **{**fields, "title": title}, translation_key=article.translation_key
                        )
                    )
        for language_code, pages in articles.items():
            add_children(indexes[language_code], pages)
    through = ArticlePage.themes.through
    pages = [page for pages in articles.values() for page in pages]
    ArticleAuthor.objects.bulk_create(
        [
            ArticleAuthor(article=page, person=person, sort_order=order)
            for page in pages
            for order, person in enumerate(rng.sample(people, 2))
        ],
        batch_size=1000,
    )
    through.objects.bulk_create(
        [
            through(articlepage_id=page.pk, theme_id=theme.pk)
            for page in pages
            for theme in rng.sample(themes, 2)
        ],
        batch_size=1000,
    )
    return [page.pk for page in pages]


def index_pages(pks):
    """The search and reference index entries that the muted signals would have queued."""
    backend = get_search_backend()
    for start in range(0, len(pks), 100):
        chunk = list(ArticlePage.get_indexed_objects().filter(pk__in=pks[start : start + 100]))
        backend.add_bulk(ArticlePage, chunk)
        for page in chunk:
            with transaction.atomic():
                ReferenceIndex.create_or_update_for_object(page)


def render_every_size(host="localhost"):
    """
    Every image in every size the site shows, as a live site's images are once an editor has
    previewed a page with them. Otherwise a benchmark's first-ever articles resized the shared
    images (40 resizes at 80-325 ms, which stock's API never makes) and its cold rows measured
    a fresh database. The sizes are read off an article, its listing and the home page in
    each language.
    """
    client = Client(HTTP_HOST=host)
    for language_code in ("en", "ko"):
        article = ArticlePage.objects.live().filter(locale__language_code=language_code).first()
        for path in (article.get_url(), article.get_parent().get_url(), f"/{language_code}/"):
            assert client.get(path).status_code == 200, path
        assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 200
    Rendition = get_image_model().get_rendition_model()  # noqa: N806
    sizes = set(Rendition.objects.values_list("filter_spec", flat=True))
    for image in get_image_model().objects.all():
        image.get_renditions(*sizes)


def build_indexes(pks, workers=4):
    """Several processes at once: PostgreSQL writes side by side, SQLite one at a time (short
    transactions, so they wait for the lock rather than fail)."""
    connections.close_all()  # each process opens its own
    with Pool(workers) as pool:
        pool.map(index_pages, [pks[part::workers] for part in range(workers)])


if __name__ == "__main__":
    count = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    start = time.time()
    pks = seed(count)
    seeded = time.time()
    build_indexes(pks)
    if connection.vendor == "postgresql":
        # As autovacuum would before long: without statistics on the new rows the planner
        # picks nested loops that make a listing (or the pages rendered next) take minutes,
        # and without the visibility map every count reads the articles' bodies instead of
        # their primary key's index.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    render_every_size()
    print(
        f"seeded {count} articles in {seeded - start:.0f}s, "
        f"indexed them in {time.time() - seeded:.0f}s"
    )
