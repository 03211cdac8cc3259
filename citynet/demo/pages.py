"""Publishing helpers shared by the demo modules."""


def publish_child(parent, page, log):
    """Add `page` under `parent` and publish it with a revision, unless its slug exists there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Published {page.specific_class.get_verbose_name()}: {page.title}")
    return page, True
