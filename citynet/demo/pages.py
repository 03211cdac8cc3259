"""Publishing helpers shared by the demo modules."""


def publish_child(parent, factory, log, **fields):
    """Create a page under `parent` with `factory` and publish it, unless its slug exists there."""
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing:
        return existing.specific, False
    page = factory(parent=parent, **fields)
    page.save_revision().publish()
    log(f"Published {page.specific_class.get_verbose_name()}: {page.title}")
    return page, True
