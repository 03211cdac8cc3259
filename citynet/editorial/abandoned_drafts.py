"""
A new-page tab that autosaved and was then closed leaves a draft holding the page's slug, so the
next new page with that title could not be saved (issue 26). Such a draft, created by autosave,
never saved, submitted or published by anyone, and open in nobody's editor, gives the slug up:
it takes the next free one ("slug-1"). Nothing is deleted (decision 0206).

A draft autosaved in the last minute is not abandoned (decision 0270): Wagtail's editing session
of a new page starts only once the autosave that created it has answered, so a Save or a second
autosave sent by the same form meanwhile found the draft open in nobody's editor, moved it off
its slug and created the page a second time.
"""

import datetime

from django.utils import timezone

from citynet.wagtail_internals import free_slug_under, pages_open_in_an_editor

from .models import AutosavedNewPage

# How long after its last autosave a new page's draft counts as still being written.
STILL_BEING_WRITTEN = datetime.timedelta(minutes=1)


def is_autosave(request):
    # As Wagtail's create and edit views tell an autosave (JSON) from a form post (HTML).
    return not request.accepts("text/html")


def remember_autosaved_new_page(request, page):
    if is_autosave(request):
        AutosavedNewPage.objects.get_or_create(page=page)


def forget_once_saved(request, page):
    """Any save, submission or publication from the editor's form makes the draft intended."""
    if not is_autosave(request):
        AutosavedNewPage.objects.filter(page=page).delete()


def abandoned_draft_with_slug(parent, slug):
    return (
        parent.get_children()
        .filter(slug=slug, live=False, first_published_at__isnull=True)
        .filter(latest_revision_created_at__lt=timezone.now() - STILL_BEING_WRITTEN)
        .filter(pk__in=AutosavedNewPage.objects.values("page"))
        .exclude(pk__in=[int(pk) for pk in pages_open_in_an_editor()])
        .specific()
        .first()
    )


def free_slug_for_new_page(request, parent_page, page_class):
    """Before a new page's form is checked: move an abandoned draft off the slug it asks for."""
    slug = request.POST.get("slug", "").strip() if request.method == "POST" else ""
    abandoned = slug and abandoned_draft_with_slug(parent_page, slug)
    if not abandoned:
        return
    # The draft's latest revision is what its editor shows: it gets the new slug too.
    draft = abandoned.get_latest_revision_as_object()
    draft.slug = free_slug_under(parent_page, slug)
    draft.save(clean=False)
    draft.save_revision(clean=False, log_action=True)
