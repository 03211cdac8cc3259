"""
What a user may do to a page while it is locked for them (decision 0290).

Wagtail's own tester lets an author who may add pages delete, move or copy their own unpublished
page at any time, and keeps edits out only in the edit view: a translation awaiting approval
(locked for its author by Wagtail's WorkflowLock) could be deleted or moved from under its
reviewer. Pages of the site answer `permissions_for_user` with this tester, which refuses every
action that changes the page while Wagtail's lock holds it for the user; what the lock allows
(viewing, comparing revisions, the reviewer's own actions) is unchanged.
"""

from wagtail.locks import ScheduledForPublishLock
from wagtail.models import PagePermissionTester


class LockAwarePagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        return not self.held_by_lock() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return not self.held_by_lock() and super().can_move()

    def can_publish(self):
        return not self.held_by_lock() and super().can_publish()

    def held_by_lock(self):
        # A page scheduled for publishing is locked for everyone, and still rescheduled by its
        # publishers: publishing it again replaces the schedule.
        lock = self.page.get_lock()
        return (
            lock is not None
            and not isinstance(lock, ScheduledForPublishLock)
            and lock.for_user(self.user)
        )
