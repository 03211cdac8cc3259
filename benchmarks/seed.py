# ruff: noqa: E402  (Django is set up before the models are imported)
"""Seeds N published articles with realistic bodies (several blocks, images) quickly."""

import datetime
import random
import sys
import time

import django

django.setup()  # run as `python -m benchmarks.seed N` with the benchmark settings

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from blog.models import ArticleAuthor, ArticlePage, BlogIndexPage
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


@transaction.atomic
def seed(count):
    rng = random.Random(count)
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    blog_index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
    images = [
        ImageFactory(file__width=1600, file__height=900, file__color=color)
        for color in ("red", "green", "blue", "gray", "orange", "purple", "teal", "navy")
    ]
    people = [PersonFactory(photo=rng.choice(images)) for _ in range(30)]
    themes = [
        Theme.objects.create(name=word.title(), slug=word, kind="cluster") for word in WORDS[:10]
    ]
    now = timezone.now()
    through = ArticlePage.themes.through
    author_links, theme_links = [], []
    for index in range(count):
        article = blog_index.add_child(
            instance=ArticlePage(
                title=f"{sentence(rng, 5)[:-1]} in {rng.choice(CITIES)} {index}",
                slug=f"article-{index}",
                standfirst=sentence(rng, 30),
                date_published=datetime.date(2020, 1, 1) + datetime.timedelta(days=index % 2000),
                hero_image=rng.choice(images),
                body=body(rng, images),
                first_published_at=now,
                last_published_at=now,
            )
        )
        author_links += [
            ArticleAuthor(article=article, person=person, sort_order=order)
            for order, person in enumerate(rng.sample(people, 2))
        ]
        theme_links += [
            through(articlepage_id=article.pk, theme_id=theme.pk) for theme in rng.sample(themes, 2)
        ]
    ArticleAuthor.objects.bulk_create(author_links)
    through.objects.bulk_create(theme_links)


if __name__ == "__main__":
    count = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    start = time.time()
    seed(count)
    print(f"seeded {count} articles in {time.time() - start:.0f}s")
