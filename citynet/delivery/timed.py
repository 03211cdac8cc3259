"""
Pages that change with time alone (a program going from upcoming to ongoing to past) name the
moments in `changes_at()`. When such a page is published, a task is queued for each moment to
come; the worker runs it then and invalidates just that page's tags (decision 0060).
"""

from django.utils import timezone
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published

from citynet.delivery import tags as cache_tags
from citynet.delivery.invalidation import invalidate, page_tags


@task()
def refresh_page(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        invalidate(page_tags(page.specific))


def schedule_changes(sender, instance, **kwargs):
    if not refresh_page.get_backend().supports_defer:
        return  # the immediate backend cannot wait: tests call refresh_page themselves
    now = timezone.now()
    for moment in sorted(set(instance.changes_at())):
        if moment > now:
            refresh_page.using(run_after=moment).enqueue(instance.pk)


def connect_signals():
    for model in cache_tags.tracked_models():
        if issubclass(model, Page) and hasattr(model, "changes_at"):
            page_published.connect(
                schedule_changes, sender=model, dispatch_uid=f"citynet-timed-{model}"
            )
