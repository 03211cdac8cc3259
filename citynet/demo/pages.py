"""
Publishing helpers shared by the demo modules.

The demo knows its pages by the slug it first gives them, but editors may change a slug: each
demo page is created with a translation key derived from that first slug (`demo_key`), which
its translations share and no edit changes, and is found again by it (decision 0291).
"""

import uuid

from wagtail.models import Locale, Page

DEMO_PAGES = uuid.UUID("6f1c2b8e-3d4a-5b6c-8d7e-9f0a1b2c3d4e")


def demo_key(slug):
    """The translation key of the demo page first published with `slug`."""
    return uuid.uuid5(DEMO_PAGES, slug)


def demo_page(slug, locale=None, model=Page):
    """The demo page first published as `slug`, in `locale` (the default), or None."""
    pages = model.objects.filter(locale=locale or Locale.get_default())
    # A page loaded before pages had their key is found by its slug.
    found = pages.filter(translation_key=demo_key(slug)).first() or pages.filter(slug=slug).first()
    return found.specific if found is not None else None


def demo_pages_by_slug(pages, slugs):
    """{slug: page} for those of the demo `slugs` found among `pages` (by key, else by slug)."""
    pages = list(pages)
    by_key = {page.translation_key: page for page in pages}
    by_slug = {page.slug: page for page in pages}
    return {
        slug: by_key.get(demo_key(slug)) or by_slug[slug]
        for slug in slugs
        if demo_key(slug) in by_key or slug in by_slug
    }


def publish_child(parent, factory, log, **fields):
    """Create a page under `parent` with `factory` and publish it, unless the demo made it."""
    existing = demo_page(fields["slug"], locale=parent.locale)
    if existing:
        return existing, False
    page = factory(parent=parent, translation_key=demo_key(fields["slug"]), **fields)
    page.save_revision().publish()
    log(f"Published {page.specific_class.get_verbose_name()}: {page.title}")
    return page, True
